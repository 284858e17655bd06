// KERN ships every variant of every component and hundreds of tokens; a phone should not download
// the ones the app never shows. PurgeCSS drops the rules whose classes no source file names and
// the tokens that no remaining rule and no source file reads; the safelist names what the sources
// only assemble at run time.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PurgeCSS, type RawContent } from 'purgecss';

const sourceRoot = fileURLToPath(new URL('../..', import.meta.url));
const thisModule = path.relative(sourceRoot, fileURLToPath(import.meta.url));

/** Pages that load the whole of KERN, never the participants' part of it. */
const staffRoutes = path.join('routes', '(staff)') + path.sep;

/** The app's files under src/. Tests name classes to check them and this module to keep them,
 * not to show them. For the participants' part of KERN, the staff pages' own files do not count:
 * what only they name is in the whole KERN they load. */
function sources(forParticipants: boolean): RawContent[] {
	return readdirSync(sourceRoot, { recursive: true, encoding: 'utf8' })
		.filter((file) => /(?<!\.test)\.(svelte|ts|js|css|html)$/.test(file) && file !== thisModule)
		.filter((file) => !(forParticipants && file.startsWith(staffRoutes)))
		.map((file) => ({
			raw: readFileSync(path.join(sourceRoot, file), 'utf8'),
			extension: path.extname(file).slice(1)
		}));
}

const runTimeClasses = [
	// Alert.svelte and ConsensusDialog.svelte write `kern-alert--{tone}` and
	// `kern-icon--{tone}`; QuestionCard.svelte writes `kern-badge--{statusTone[status]}`.
	/^kern-(alert|icon)--(info|success|warning|danger)$/,
	/^kern-badge--(info|success|warning)$/,
	// PurgeCSS drops a selector made only of pseudo-classes (FullHuman/purgecss#978, #1282), such
	// as KERN's `:is(body, …):not([class*=kern-level-])` that gives the page its contextual colour
	// tokens. Counting `:is` as found keeps it; the selectors inside are still checked.
	':is'
];

export async function purgeKern(
	css: string,
	{ forParticipants }: { forParticipants: boolean }
): Promise<string> {
	const content = sources(forParticipants);
	const purgeCss = new PurgeCSS();
	// Components' own styles and inline styles read tokens too, where PurgeCSS does not look. They
	// count as read rather than safelisted: a safelisted token would stay without the tokens it
	// reads itself (`--kern-metric-space-5x-large: var(--kern-64)`).
	for (const { raw } of content) {
		for (const [token] of raw.matchAll(/--kern-[\w-]+/g)) {
			purgeCss.variablesStructure.usedVariables.add(token);
		}
	}
	const [result] = await purgeCss.purge({
		content,
		css: [{ raw: css }],
		variables: true,
		keyframes: true,
		// ProseMirror makes the editor `contenteditable` in the browser; KERN gives it a focus ring.
		dynamicAttributes: ['contentEditable'],
		safelist: { standard: runTimeClasses }
	});
	return result.css;
}
