// Cuts KERN's Fira Sans down to the characters German text and its neighbours' names need, so
// that a phone loads a fraction of the full fonts, and converts the faces the PDF export embeds
// to TrueType. Run after updating @kern-ux/native:
//   npm run fonts
// The results are committed in src/lib/styles/fonts/ (in the browser, other characters fall back
// to the system's sans-serif, letter by letter) and src/lib/server/documents/fonts/.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import subsetFont from 'subset-font';
import {
	cyrillicCharacters,
	cyrillicFace,
	fontCharacters,
	pdfCharacters,
	pdfFaces,
	pdfOptions,
	subsetFaces,
	subsetOptions
} from '../src/lib/styles/font-subset';

const source = 'node_modules/@kern-ux/native/dist/fonts/fira-sans';
const target = 'src/lib/styles/fonts';
const pdfTarget = 'src/lib/server/documents/fonts';

for (const face of subsetFaces) {
	const full = await readFile(path.join(source, face));
	const subset = await subsetFont(full, fontCharacters, subsetOptions);
	await writeFile(path.join(target, face), subset);
	console.log(`${face}: ${full.length} → ${subset.length} Bytes`);
	const cyrillic = await subsetFont(full, cyrillicCharacters, subsetOptions);
	await writeFile(path.join(target, cyrillicFace(face)), cyrillic);
	console.log(`${cyrillicFace(face)}: ${cyrillic.length} Bytes`);
}

for (const face of pdfFaces) {
	const full = await readFile(path.join(source, `${face}.woff2`));
	const converted = await subsetFont(full, pdfCharacters, pdfOptions);
	await writeFile(path.join(pdfTarget, `${face}.ttf`), converted);
	console.log(`${face}.ttf: ${converted.length} Bytes`);
}
