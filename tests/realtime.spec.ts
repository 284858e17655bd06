// The WebSocket path next to the pages: /collab/… on the same port, checked before the handshake.
import WebSocket from 'ws';
import { expect, openPage, test } from './support/fixtures';

function wsUrl(httpUrl: string, path: string): string {
	return httpUrl.replace(/^http/, 'ws') + path;
}

function handshake(
	url: string,
	origin?: string
): Promise<{ status: number } | { socket: WebSocket }> {
	return new Promise((resolve, reject) => {
		const socket = new WebSocket(url, origin ? { origin } : {});
		socket.once('open', () => resolve({ socket }));
		socket.once('unexpected-response', (_req, res) => {
			resolve({ status: res.statusCode ?? 0 });
			socket.terminate();
		});
		socket.once('error', reject);
	});
}

test('a page of the app opens the echo channel and gets its message back', async ({ page }) => {
	await openPage(page, '/');
	const echoed = await page.evaluate(
		() =>
			new Promise<string>((resolve, reject) => {
				const socket = new WebSocket(`${location.origin.replace(/^http/, 'ws')}/collab/echo`);
				socket.onopen = () => socket.send('Hallo Kreis Unna');
				socket.onmessage = (event) => {
					resolve(String(event.data));
					socket.close();
				};
				socket.onerror = () => reject(new Error('WebSocket-Fehler'));
			})
	);
	expect(echoed).toBe('Hallo Kreis Unna');
});

test('a handshake from another site is refused with 403', async ({ server }) => {
	const result = await handshake(wsUrl(server.url, '/collab/echo'), 'https://angreifer.example');
	expect(result).toEqual({ status: 403 });
});

test('a handshake without Origin is refused', async ({ server }) => {
	const result = await handshake(wsUrl(server.url, '/collab/echo'));
	expect(result).toEqual({ status: 403 });
});

test('an unknown channel answers 404', async ({ server }) => {
	const result = await handshake(wsUrl(server.url, '/collab/unbekannt'), server.url);
	expect(result).toEqual({ status: 404 });
});

test('upgrades outside /collab/ are closed at once', async ({ server }) => {
	await expect(handshake(wsUrl(server.url, '/anderes'), server.url)).rejects.toThrow(
		/socket hang up|ECONNRESET/
	);
});

test('an oversized message closes the connection, the server stays up', async ({
	server,
	request
}) => {
	const result = await handshake(wsUrl(server.url, '/collab/echo'), server.url);
	if (!('socket' in result)) throw new Error(`handshake failed: ${result.status}`);
	const closed = new Promise<number>((resolve) =>
		result.socket.once('close', (code) => resolve(code))
	);
	result.socket.on('error', () => {});
	result.socket.send(Buffer.alloc(2 << 20));
	expect(await closed).toBe(1009);
	expect((await request.get('/healthz')).status()).toBe(200);
});
