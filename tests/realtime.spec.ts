// The WebSocket path next to the pages: /collab/… on the same port, checked before the handshake.
import WebSocket from 'ws';
import { expect, openPage, test } from './support/fixtures';
import { startServer } from './support/server';

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

test('a peer that stops answering pings is cut, one that answers stays', async () => {
	// A heartbeat of a second, so that a dead peer is noticed within the test.
	const server = await startServer({ env: { LIVE_HEARTBEAT_SECONDS: '1' } });
	try {
		const open = (options: WebSocket.ClientOptions) =>
			new Promise<WebSocket>((resolve, reject) => {
				const socket = new WebSocket(wsUrl(server.url, '/collab/echo'), {
					origin: server.url,
					...options
				});
				socket.once('open', () => resolve(socket));
				socket.once('error', reject);
			});
		// A phone asleep: its socket is open, but nothing answers the server's pings.
		const asleep = await open({ autoPong: false });
		const awake = await open({});
		let pingsAnswered = 0;
		awake.on('ping', () => (pingsAnswered += 1));
		const cut = new Promise<number>((resolve) => asleep.once('close', (code) => resolve(code)));
		// Cut without a close frame: the server does not wait for a peer that is gone.
		expect(await cut).toBe(1006);
		expect(pingsAnswered).toBeGreaterThan(0);
		expect(awake.readyState).toBe(WebSocket.OPEN);
		// The one that answers still gets its messages through.
		const echoed = new Promise<string>((resolve) =>
			awake.once('message', (data) => resolve(String(data)))
		);
		awake.send('noch da');
		expect(await echoed).toBe('noch da');
		awake.close();
	} finally {
		await server.dispose();
	}
});
