// The participant pages' messages in the build and in development (scripts/compile-messages.ts):
// compiled before the build, and again when a file of messages/ changes under `vite dev`.
import path from 'node:path';
import type { Plugin } from 'vite';
import { compileMessages } from './compile-messages.ts';

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
