// The Fira Sans faces the PDF export embeds (TrueType, made by `npm run fonts`), bundled into the
// server code so the file needs nothing from the disk at run time.
import regular from './fonts/FiraSans-Regular.ttf?inline';
import italic from './fonts/FiraSans-Italic.ttf?inline';
import semibold from './fonts/FiraSans-SemiBold.ttf?inline';
import semiboldItalic from './fonts/FiraSans-SemiBoldItalic.ttf?inline';

export type FontFace = 'regular' | 'italic' | 'semibold' | 'semibold-italic';

const dataUrls: Record<FontFace, string> = {
	regular,
	italic,
	semibold,
	'semibold-italic': semiboldItalic
};

let decoded: Map<FontFace, Buffer> | undefined;

/** Each face by the name the PDF export uses for it. */
export function pdfFonts(): Map<FontFace, Buffer> {
	decoded ??= new Map(
		Object.entries(dataUrls).map(([name, url]) => [
			name as FontFace,
			Buffer.from(url.slice(url.indexOf(',') + 1), 'base64')
		])
	);
	return decoded;
}
