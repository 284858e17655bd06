// Cuts KERN's Fira Sans down to the characters German text and its neighbours' names need, so
// that a phone loads a fraction of the full fonts. Run after updating @kern-ux/native:
//   npm run fonts
// The results are committed in src/lib/styles/fonts/; other characters fall back to the
// system's sans-serif, letter by letter.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import subsetFont from 'subset-font';
import { fontCharacters, subsetFaces, subsetOptions } from '../src/lib/styles/font-subset';

const source = 'node_modules/@kern-ux/native/dist/fonts/fira-sans';
const target = 'src/lib/styles/fonts';

for (const face of subsetFaces) {
	const full = await readFile(path.join(source, face));
	const subset = await subsetFont(full, fontCharacters, subsetOptions);
	await writeFile(path.join(target, face), subset);
	console.log(`${face}: ${full.length} → ${subset.length} Bytes`);
}
