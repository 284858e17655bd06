// Readable URL names from German titles: "Größe & Maß" → "groesse-mass".
const umlauts: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };

export function slugify(title: string, fallback: string): string {
	const slug = title
		.toLowerCase()
		.replace(/[äöüß]/g, (char) => umlauts[char])
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
	// Long titles are cut at a word boundary.
	const short = slug.length > 60 ? slug.slice(0, 61).replace(/-[^-]*$/, '') : slug;
	return short || fallback;
}

/** The slug of a title, numbered ("-2", "-3", …) when `taken` says it is in use. */
export function uniqueSlug(title: string, fallback: string, taken: (slug: string) => boolean) {
	const base = slugify(title, fallback);
	let slug = base;
	for (let n = 2; taken(slug); n++) slug = `${base}-${n}`;
	return slug;
}
