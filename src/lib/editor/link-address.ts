// What the link dialog accepts: web addresses and e-mail links only, so no javascript: or data:
// link ever reaches a shared document.

export type LinkAddress = { ok: true; href: string } | { ok: false; message: string };

export const linkAddressMessages = {
	empty: 'Bitte geben Sie eine Adresse an.',
	invalid:
		'Bitte geben Sie eine vollständige Adresse an, die mit https://, http:// oder mailto: beginnt, zum Beispiel https://www.kreis-unna.de.'
};

export function parseLinkAddress(input: string): LinkAddress {
	const href = input.trim();
	if (href === '') return { ok: false, message: linkAddressMessages.empty };
	let url: URL;
	try {
		url = new URL(href);
	} catch {
		return { ok: false, message: linkAddressMessages.invalid };
	}
	const web = (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
	const mail = url.protocol === 'mailto:' && /^[^@\s]+@[^@\s]+$/.test(url.pathname);
	if (!web && !mail) return { ok: false, message: linkAddressMessages.invalid };
	// As typed, not as URL would normalise it: people recognise their own spelling.
	return { ok: true, href };
}
