// Board commands over a raw socket, as a phone or the moderation sends them, one after another.
import WebSocket from 'ws';

export type BoardAnswer = { type: 'done' | 'refused'; message?: string };

/** Sends the commands in order, each after the answer to the one before; returns every answer. */
export async function sendBoardCommands(
	baseURL: string,
	boardId: string,
	cookie: string,
	commands: object[]
): Promise<BoardAnswer[]> {
	const socket = new WebSocket(`${baseURL.replace('http', 'ws')}/collab/board/${boardId}`, {
		origin: baseURL,
		headers: { cookie }
	});
	await new Promise<void>((resolve, reject) => {
		socket.once('open', () => resolve());
		socket.once('error', reject);
	});
	const answers: BoardAnswer[] = [];
	for (const [ref, command] of commands.entries()) {
		const answered = new Promise<BoardAnswer>((resolve) => {
			const onMessage = (data: Buffer) => {
				const answer = JSON.parse(String(data));
				if (answer.ref !== ref) return;
				socket.off('message', onMessage);
				resolve(answer);
			};
			socket.on('message', onMessage);
		});
		socket.send(JSON.stringify({ ref, command }));
		answers.push(await answered);
	}
	socket.close();
	return answers;
}
