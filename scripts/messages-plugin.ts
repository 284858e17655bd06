// The participant pages' messages in the build and in development: Paraglide compiles
// messages/ into src/lib/paraglide/, then each area gets its modules (scripts/message-areas.ts).
// The same as `npm run i18n`, which lint and the type check read before any build.
import { compile } from '@inlang/paraglide-js';
import path from 'node:path';
import type { Plugin } from 'vite';
import { writeMessageAreas } from './message-areas.ts';

async function compileMessages(): Promise<void> {
	await compile({
		project: './project.inlang',
		outdir: './src/lib/paraglide',
		outputStructure: 'locale-modules'
	});
	writeMessageAreas();
}

export function messagesPlugin(): Plugin {
	return {
		name: 'participant-messages',
		async buildStart() {
			await compileMessages();
		},
		configureServer(server) {
			const messagesDir = path.resolve('messages');
			server.watcher.add(messagesDir);
			server.watcher.on('change', (file) => {
				if (file.startsWith(messagesDir) && file.endsWith('.json')) void compileMessages();
			});
		}
	};
}
