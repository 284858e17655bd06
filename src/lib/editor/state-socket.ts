// The browser's end of a channel on which only the server speaks (see document-push-channel.ts):
// it hands on each state message and reconnects after a lost connection.
export class StateSocket<State extends { type: 'state' }> {
	#url: string;
	#socket: WebSocket | undefined;
	#retry: ReturnType<typeof setTimeout> | undefined;
	#closed = false;

	constructor(
		/** e.g. /collab/comments/<documentId> */
		path: string,
		private readonly handlers: {
			onState: (state: State) => void;
			onLive?: (live: boolean) => void;
		}
	) {
		const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
		this.#url = `${scheme}://${location.host}${path}`;
		this.#connect();
	}

	#connect() {
		const socket = new WebSocket(this.#url);
		this.#socket = socket;
		socket.addEventListener('open', () => this.handlers.onLive?.(true));
		socket.addEventListener('message', (event) => {
			const message = JSON.parse(String(event.data)) as State;
			if (message.type === 'state') this.handlers.onState(message);
		});
		socket.addEventListener('close', (event) => {
			this.handlers.onLive?.(false);
			// 4400–4499: refused for good; the document page reloads its rights on its own.
			if (this.#closed || (event.code >= 4400 && event.code < 4500)) return;
			this.#retry = setTimeout(() => this.#connect(), 2000);
		});
	}

	destroy() {
		this.#closed = true;
		clearTimeout(this.#retry);
		this.#socket?.close();
	}
}
