// The participant pages' messages, compiled by Paraglide JS: one compilation per area of
// messages/, so that each area has a module per language of its own (a bundler cannot split one
// module, so one compilation of all areas would put every area's texts into each page's chunk).
// project.inlang/settings.json names the languages and, for editors, every area; from it each
// area's project is written under src/lib/paraglide/.projects/. Run by `npm run i18n` and by the
// build (scripts/messages-plugin.ts).
import { compile } from '@inlang/paraglide-js';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outRoot = path.join(root, 'src/lib/paraglide');

interface Settings {
	modules: string[];
	'plugin.inlang.messageFormat': { pathPattern: string | string[] };
	[setting: string]: unknown;
}

export async function compileMessages(): Promise<void> {
	const settings = JSON.parse(
		readFileSync(path.join(root, 'project.inlang/settings.json'), 'utf8')
	) as Settings;
	const areas = readdirSync(path.join(root, 'messages'), { withFileTypes: true })
		.filter((entry) => entry.isDirectory())
		.map((entry) => entry.name);
	for (const area of areas) {
		const project = path.join(outRoot, '.projects', `${area}.inlang`);
		mkdirSync(project, { recursive: true });
		const areaSettings: Settings = {
			...settings,
			modules: settings.modules.map((module) => path.resolve(root, module)),
			'plugin.inlang.messageFormat': {
				pathPattern: path.join(root, 'messages', area, '{locale}.json')
			}
		};
		writeFileSync(path.join(project, 'settings.json'), JSON.stringify(areaSettings, null, '\t'));
		await compile({
			project,
			outdir: path.join(outRoot, area),
			outputStructure: 'locale-modules',
			emitReadme: false,
			emitPrettierIgnore: false
		});
	}
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
	await compileMessages();
}
