import { sveltekit } from '@sveltejs/kit/vite';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { realtimeDevPlugin } from './server/dev-plugin.ts';
import { kernUsage, pruneKern } from './src/lib/styles/kern-prune.ts';

function* sourceTexts(dir: string): Generator<string> {
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const file = path.join(dir, entry.name);
		if (entry.isDirectory()) yield* sourceTexts(file);
		// Tests name classes to check them, not to show them.
		else if (/(?<!\.test)\.(svelte|ts|js|css|html)$/.test(entry.name))
			yield readFileSync(file, 'utf8');
	}
}

/** KERN without what no source file names: the participants' part and the staff pages' whole
 * stylesheet. Only in the build: in development a class just typed into a component would
 * otherwise stay unstyled. */
function pruneKernPlugin(): Plugin {
	return {
		name: 'prune-kern',
		apply: 'build',
		transform(code, id) {
			const kern =
				id.endsWith('/src/lib/styles/kern-participant.scss') ||
				id.endsWith('/@kern-ux/native/dist/kern.min.css');
			if (!kern) return;
			return { code: pruneKern(code, kernUsage(sourceTexts('src'))), map: null };
		}
	};
}

export default defineConfig({
	plugins: [sveltekit(), realtimeDevPlugin(), pruneKernPlugin()],
	resolve: { dedupe: ['yjs'] },
	build: {
		// Every page needs Svelte's and SvelteKit's client runtime: as one file it compresses
		// better than as the handful of small files the bundler would otherwise cut it into.
		rolldownOptions: {
			output: {
				codeSplitting: {
					groups: [
						{
							name: 'framework',
							test: /node_modules[\\/](svelte[\\/]src[\\/]internal|@sveltejs[\\/]kit[\\/]src[\\/]runtime)|vite[\\/]preload-helper/
						}
					]
				}
			}
		}
	},
	css: {
		preprocessorOptions: {
			// KERN's sources still use Sass features that warn on every build; they are not ours.
			scss: { quietDeps: true, silenceDeprecations: ['import', 'global-builtin', 'if-function'] }
		}
	},
	test: {
		include: ['src/**/*.test.ts', 'server/**/*.test.ts', 'bench/**/*.test.ts'],
		environment: 'node'
	}
});
