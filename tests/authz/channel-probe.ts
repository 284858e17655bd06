// Opens a live channel as a browser would (the app's Origin, the actor's cookies) and reports
// how it went: the first message, or the refusal of the handshake, or the close.
import WebSocket from 'ws';

export type ChannelOutcome =
	{ kind: 'message' } | { kind: 'refused'; status: number } | { kind: 'closed'; code: number };

export function probeChannel(
	baseURL: string,
	path: string,
	cookie: string,
	probe?: string
): Promise<ChannelOutcome> {
	const socket = new WebSocket(`${baseURL.replace(/^http/, 'ws')}${path}`, {
		origin: baseURL,
		headers: cookie ? { cookie } : {}
	});
	return new Promise<ChannelOutcome>((resolve, reject) => {
		socket.once('open', () => {
			if (probe) socket.send(probe);
		});
		socket.once('message', () => resolve({ kind: 'message' }));
		socket.once('unexpected-response', (_request, response) =>
			resolve({ kind: 'refused', status: response.statusCode ?? 0 })
		);
		socket.once('close', (code) => resolve({ kind: 'closed', code }));
		socket.on('error', (err) => reject(err));
	}).finally(() => socket.terminate());
}
