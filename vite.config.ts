import { sveltekit } from '@sveltejs/kit/vite';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { messagesPlugin } from './scripts/messages-plugin.ts';
import { realtimeDevPlugin } from './server/dev-plugin.ts';
import { purgeKern } from './src/lib/styles/kern-purge.ts';

/** KERN without what no source file names: the participants' part and the staff pages' whole
 * stylesheet. Only in the build: in development a class just typed into a component would
 * otherwise stay unstyled. */
function purgeKernPlugin(): Plugin {
	return {
		name: 'purge-kern',
		apply: 'build',
		async transform(code, id) {
			const forParticipants = id.endsWith('/src/lib/styles/kern-participant.scss');
			if (!forParticipants && !id.endsWith('/@kern-ux/native/dist/kern.min.css')) return;
			return { code: await purgeKern(code, { forParticipants }), map: null };
		}
	};
}

/** The commit the build is made from, for the admins' operations page: asked once, at build
 * time, since a deployed app need not run in a git checkout. */
function buildCommit(): string {
	try {
		const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'ignore']
		}).trim();
		return commit || 'unbekannt';
	} catch {
		return 'unbekannt';
	}
}

const { version } = JSON.parse(
	readFileSync(new URL('./package.json', import.meta.url), 'utf8')
) as { version: string };

export default defineConfig({
	plugins: [messagesPlugin(), sveltekit(), realtimeDevPlugin(), purgeKernPlugin()],
	define: {
		__APP_VERSION__: JSON.stringify(version),
		__BUILD_COMMIT__: JSON.stringify(buildCommit())
	},
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
		include: [
			'src/**/*.test.ts',
			'server/**/*.test.ts',
			'bench/**/*.test.ts',
			'deploy/**/*.test.ts'
		],
		environment: 'node',
		// Worker threads start and import faster than child processes: about a third less CPU
		// for the whole suite on two cores (better-sqlite3 works in threads).
		pool: 'threads'
	}
});
