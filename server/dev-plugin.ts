// Development: attaches the app's WebSocket upgrade handler to Vite's server, leaving every other
// path (Vite's own hot-reload socket) alone.
import type { Plugin, ViteDevServer } from 'vite';

const realtimePathPrefix = '/collab/';

export function realtimeDevPlugin(): Plugin {
	return {
		name: 'leitbild-werkstatt-realtime',
		configureServer(server: ViteDevServer) {
			server.httpServer?.on('upgrade', (req, socket, head) => {
				if (!req.url?.startsWith(realtimePathPrefix)) return;
				server
					.ssrLoadModule('/src/lib/server/app.ts')
					.then((app) => app.appRuntime().handleUpgrade(req, socket, head))
					.catch((err: unknown) => {
						server.config.logger.error(`realtime upgrade failed: ${String(err)}`);
						socket.destroy();
					});
			});
		}
	};
}
