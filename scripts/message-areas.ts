// One module per area of the participant pages and language, re-exporting that area's messages
// from Paraglide's module of the language: a page loads the texts of its own areas in its own
// language, and the bundler leaves the rest out. Written after each Paraglide compilation
// (`npm run i18n`, and by the Vite plugin in vite.config.ts).
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const messagesDir = path.join(root, 'messages');
const outDir = path.join(root, 'src/lib/paraglide/areas');

export function writeMessageAreas(): void {
	const settings = JSON.parse(
		readFileSync(path.join(root, 'project.inlang/settings.json'), 'utf8')
	) as { locales: string[] };
	const areas = readdirSync(messagesDir, { withFileTypes: true }).filter((entry) =>
		entry.isDirectory()
	);
	for (const { name: area } of areas) {
		const keys = Object.keys(
			JSON.parse(readFileSync(path.join(messagesDir, area, 'de.json'), 'utf8')) as object
		);
		mkdirSync(path.join(outDir, area), { recursive: true });
		for (const locale of settings.locales) {
			const body = keys.length
				? `export { ${keys.join(', ')} } from '../../messages/${locale}.js';\n`
				: 'export {};\n';
			writeFileSync(path.join(outDir, area, `${locale}.js`), `/* eslint-disable */\n${body}`);
		}
	}
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
	writeMessageAreas();
}
