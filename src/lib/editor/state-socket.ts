// The browser's end of a channel on which only the server speaks (see document-push-channel.ts):
// it hands on each state message. Refused for good (4400–4499), it stops: the document page
// reloads its rights on its own.
import { LiveSocket } from '$lib/live/live-socket';

export class StateSocket<State extends { type: 'state' }> {
	#socket: LiveSocket;

	constructor(
		/** e.g. /collab/comments/<documentId> */
		path: string,
		handlers: {
			onState: (state: State) => void;
			onLive?: (live: boolean) => void;
		}
	) {
		this.#socket = new LiveSocket(path, {
			onOpen: () => handlers.onLive?.(true),
			onMessage(data) {
				const message = JSON.parse(data) as State;
				if (message.type === 'state') handlers.onState(message);
			},
			onClose: () => handlers.onLive?.(false)
		});
		this.#socket.start();
	}

	destroy() {
		this.#socket.destroy();
	}
}
