// The loopback floor for the fan-out benchmark: every message to a room goes to the room's other
// sockets as it came, with no Yjs, no storage and no checks. Nothing real can be faster.
import { createServer } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';

const rooms = new Map<string, Set<WebSocket>>();
const server = createServer((_request, response) => response.end('ok'));
const wss = new WebSocketServer({ server });

wss.on('connection', (socket, request) => {
	const room = request.url ?? '/';
	const members = rooms.get(room) ?? new Set<WebSocket>();
	rooms.set(room, members);
	members.add(socket);
	socket.on('message', (data, isBinary) => {
		for (const other of members) {
			if (other !== socket && other.readyState === other.OPEN)
				other.send(data, { binary: isBinary });
		}
	});
	socket.on('close', () => members.delete(socket));
});

server.listen(Number(process.env.PORT), process.env.HOST ?? '127.0.0.1');
process.on('SIGTERM', () => {
	for (const socket of wss.clients) socket.terminate();
	server.close(() => process.exit(0));
});
