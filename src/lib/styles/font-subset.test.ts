import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import subsetFont from 'subset-font';
import { describe, expect, it } from 'vitest';
import {
	fontCharacters,
	pdfCharacters,
	pdfFaces,
	pdfOptions,
	subsetFaces,
	subsetOptions,
	cyrillicCharacters,
	cyrillicFace,
	cyrillicRange
} from './font-subset';

describe('the self-hosted font subset', () => {
	it('keeps every character the interface itself writes', () => {
		// Tests hold what people type (Arabic, Ukrainian, emoji), which the browser shows in a
		// fallback font; only the interface's own words must be in the subset.
		// The participant pages' messages too, in every language; Arabic letters show in the
		// phone's own Arabic font (Fira Sans has none), Cyrillic in the Cyrillic faces.
		const files = execFileSync('git', [
			'ls-files',
			'src/**/*.svelte',
			'src/**/*.ts',
			'messages/**/*.json'
		])
			.toString()
			.trim()
			.split('\n')
			.filter((file) => !file.endsWith('.test.ts'));
		const kept = new Set(fontCharacters + cyrillicCharacters);
		const arabic = /[\u0600-\u06ff]/;
		const missing = new Set<string>();
		for (const file of files) {
			for (const character of readFileSync(file, 'utf8')) {
				if (character > '~' && !kept.has(character) && !arabic.test(character)) {
					missing.add(character);
				}
			}
		}
		expect([...missing]).toEqual([]);
	});

	it('is what `npm run fonts` makes of the current KERN fonts', async () => {
		const face = subsetFaces[0];
		const full = readFileSync(path.join('node_modules/@kern-ux/native/dist/fonts/fira-sans', face));
		const made = await subsetFont(full, fontCharacters, subsetOptions);
		expect(Buffer.compare(made, readFileSync(path.join('src/lib/styles/fonts', face)))).toBe(0);
		const cyrillic = await subsetFont(full, cyrillicCharacters, subsetOptions);
		const committed = readFileSync(path.join('src/lib/styles/fonts', cyrillicFace(face)));
		expect(Buffer.compare(cyrillic, committed)).toBe(0);
	});

	it('loads the Cyrillic faces only for Cyrillic letters', () => {
		const css = readFileSync('src/lib/styles/fonts.css', 'utf8');
		const rules = [...css.matchAll(/@font-face \{[^}]*\}/g)].map(([rule]) => rule);
		for (const face of subsetFaces) {
			const rule = rules.find((r) => r.includes(`'./fonts/${cyrillicFace(face)}'`));
			expect(rule, cyrillicFace(face)).toContain(`unicode-range: ${cyrillicRange};`);
		}
	});

	it('gives the PDF export what `npm run fonts` makes of the current KERN fonts', async () => {
		const face = pdfFaces[0];
		const full = readFileSync(
			path.join('node_modules/@kern-ux/native/dist/fonts/fira-sans', `${face}.woff2`)
		);
		const made = await subsetFont(full, pdfCharacters, pdfOptions);
		const committed = readFileSync(path.join('src/lib/server/documents/fonts', `${face}.ttf`));
		expect(Buffer.compare(made, committed)).toBe(0);
	});
});
