// The conference benchmark's floor: a board as a raw room. Every command is answered at once and
// its text sent to everyone in the room as the new "state", with no checks, no storage and no
// views per person. Nothing real can be faster on this machine.
import { createServer } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';

const rooms = new Map<string, Set<WebSocket>>();
const server = createServer((_request, response) => response.end('ok'));
const wss = new WebSocketServer({ server });

wss.on('connection', (socket, request) => {
	const room = (request.url ?? '/').split('?')[0];
	const members = rooms.get(room) ?? new Set<WebSocket>();
	rooms.set(room, members);
	members.add(socket);
	socket.send(JSON.stringify({ type: 'state', board: { texts: [] } }));
	socket.on('message', (data) => {
		const message = JSON.parse(String(data)) as { ref: number; command: { text?: string } };
		socket.send(JSON.stringify({ type: 'done', ref: message.ref, undoId: null }));
		const state = JSON.stringify({ type: 'state', board: { texts: [message.command.text ?? ''] } });
		for (const member of members) if (member.readyState === member.OPEN) member.send(state);
	});
	socket.on('close', () => members.delete(socket));
});

server.listen(Number(process.env.PORT), process.env.HOST ?? '127.0.0.1');
process.on('SIGTERM', () => {
	for (const socket of wss.clients) socket.terminate();
	server.close(() => process.exit(0));
});
