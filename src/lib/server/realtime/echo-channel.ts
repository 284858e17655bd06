// A connectivity probe: answers every text message with the same text. Lets the test suite and
// operators check that WebSockets pass the proxy; the collaboration channels sit beside it.
import type { RealtimeChannel } from './realtime-server';

export const echoChannel: RealtimeChannel = {
	action: 'realtime:echo',
	onConnection(socket) {
		socket.on('message', (data, isBinary) => {
			socket.send(data, { binary: isBinary });
		});
	}
};
