/**
 * The languages of the participant pages: German as the source, Einfache Sprache, and the
 * languages most common in the Kreis besides German. Staff pages stay German for now.
 */
export const participantLocales = ['de', 'de-x-es', 'en', 'tr', 'uk', 'ru', 'pl', 'ar'] as const;
export type ParticipantLocale = (typeof participantLocales)[number];

export const baseLocale: ParticipantLocale = 'de';

/** The query parameter of the language menu's links (`?sprache=tr`), read by the server. */
export const localeParameter = 'sprache';

/** Each language in its own name, as a reader of it looks for it in a list. */
export const localeNames: Record<ParticipantLocale, string> = {
	de: 'Deutsch',
	'de-x-es': 'Einfache Sprache',
	en: 'English',
	tr: 'Türkçe',
	uk: 'Українська',
	ru: 'Русский',
	pl: 'Polski',
	ar: 'العربية'
};

export function isParticipantLocale(value: unknown): value is ParticipantLocale {
	return typeof value === 'string' && (participantLocales as readonly string[]).includes(value);
}

export function directionOf(locale: ParticipantLocale): 'ltr' | 'rtl' {
	return locale === 'ar' ? 'rtl' : 'ltr';
}

/**
 * The first language of an Accept-Language header that the participant pages speak, by the
 * header's weights. Einfache Sprache is never preset: no browser asks for it, people choose it.
 */
export function negotiateLocale(header: string | null | undefined): ParticipantLocale {
	if (!header) return baseLocale;
	const wanted = header
		.split(',')
		.slice(0, 20)
		.map((part, index) => {
			const [tag, ...params] = part.trim().split(';');
			const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
			return { language: tag.trim().toLowerCase().split('-')[0], q: q ? Number(q) : 1, index };
		})
		.filter(({ q }) => q > 0)
		.sort((a, b) => b.q - a.q || a.index - b.index);
	for (const { language } of wanted) {
		if (language !== 'x' && isParticipantLocale(language)) return language;
	}
	return baseLocale;
}

/**
 * The locale for Intl's numbers, dates and plurals. Arabic keeps Latin digits: codes, times and
 * counts on the projection and the organisers' slides are written with them.
 */
export function intlLocaleOf(locale: ParticipantLocale): string {
	return locale === 'de-x-es' ? 'de-DE' : locale === 'ar' ? 'ar-u-nu-latn' : locale;
}
