import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { realtimeDevPlugin } from './server/dev-plugin.ts';

export default defineConfig({
	plugins: [sveltekit(), realtimeDevPlugin()],
	resolve: { dedupe: ['yjs'] },
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
