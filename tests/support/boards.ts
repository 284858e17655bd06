// Raw board commands over the board socket, as a script (or a phone) would send them.
import WebSocket from 'ws';
import { queryDatabase } from './database';

/** Sends one command over a raw socket with the given cookies; resolves with the server's answer. */
export async function rawCommand(
	baseURL: string,
	boardId: string,
	cookies: string,
	command: object
) {
	const socket = new WebSocket(`${baseURL.replace('http', 'ws')}/collab/board/${boardId}`, {
		headers: { cookie: cookies, origin: baseURL }
	});
	return new Promise<{ type: string; message?: string } | { closed: number }>((resolve) => {
		socket.on('unexpected-response', (_request, response) =>
			resolve({ closed: response.statusCode ?? 0 })
		);
		socket.on('open', () => socket.send(JSON.stringify({ ref: 1, command })));
		socket.on('message', (data) => {
			const message = JSON.parse(String(data));
			if (message.type === 'state') return;
			resolve(message);
			socket.close();
		});
	});
}

export function columnIdsOf(dataDir: string, boardId: string): string[] {
	return queryDatabase<{ id: string }>(
		dataDir,
		'select id from board_column where board_id = ? order by sort_order',
		boardId
	).map((row) => row.id);
}

export function cardIdOf(dataDir: string, boardId: string, text: string): string {
	return queryDatabase<{ id: string }>(
		dataDir,
		'select id from card where board_id = ? and text = ?',
		boardId,
		text
	)[0].id;
}
