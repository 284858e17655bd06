// Which characters the self-hosted fonts keep (see scripts/subset-fonts.ts): Basic Latin,
// Latin-1 (ä, ö, ü, ß, é …) and Latin Extended-A (names such as Łukasz, Şahin, Dvořák), and the
// punctuation and signs German typesetting uses.
function range(from: number, to: number): string {
	return String.fromCodePoint(...Array.from({ length: to - from + 1 }, (_, i) => from + i));
}

export const fontCharacters =
	range(0x20, 0x7e) +
	range(0xa0, 0xff) +
	range(0x100, 0x17f) +
	// Dashes, quotes („“‚‘ ’), bullet, ellipsis, per mille, guillemets, euro, arrows, check mark,
	// and the shapes the interface draws with (dots, triangles, warning sign).
	'–—‘’‚“”„•…‰‹›€−→←↑↓✓×·●▲▼▴▾⚠';

/**
 * Cyrillic for the Ukrainian and Russian participant pages, in faces of their own that a browser
 * loads only for a page that shows such letters (their @font-face rules carry this range).
 * Arabic is not in Fira Sans: it shows in the phone's own Arabic font.
 */
export const cyrillicCharacters = range(0x400, 0x45f) + range(0x490, 0x491);
export const cyrillicRange = 'U+0400-045F, U+0490-0491';

/** The file of a face's Cyrillic part. */
export function cyrillicFace(face: string): string {
	return face.replace(/\.woff2$/, '.cyrillic.woff2');
}

/** The faces the app's @font-face rules use. */
export const subsetFaces = [
	'FiraSans-Regular.woff2',
	'FiraSans-Italic.woff2',
	'FiraSans-Medium.woff2',
	'FiraSans-SemiBold.woff2'
] as const;

/** WOFF2, keeping the font's licence (name ids 13 and 14: SIL Open Font License 1.1) inside it. */
export const subsetOptions: { targetFormat: 'woff2'; preserveNameIds: number[] } = {
	targetFormat: 'woff2',
	preserveNameIds: [13, 14]
};

/** The faces the PDF export embeds (src/lib/server/documents/fonts/). */
export const pdfFaces = [
	'FiraSans-Regular',
	'FiraSans-Italic',
	'FiraSans-SemiBold',
	'FiraSans-SemiBoldItalic'
] as const;

/** Every character of the Basic Multilingual Plane: a PDF cannot fall back to another font letter
 * by letter as a browser does, so its fonts keep all the characters Fira Sans has (Greek,
 * Cyrillic, Vietnamese …). PDFKit embeds only the glyphs a file uses. */
export const pdfCharacters = range(0x20, 0xd7ff) + range(0xe000, 0xfffd);

/** TrueType (PDFKit reads no WOFF2), with the licence kept in the name table. */
export const pdfOptions: { targetFormat: 'sfnt'; preserveNameIds: number[] } = {
	targetFormat: 'sfnt',
	preserveNameIds: [13, 14]
};
