// The consensus marks of one open document, kept current by the server's consensus channel.
import type { AdoptingBody, ConsensusMark } from '$lib/consensus';

interface StateMessage {
	type: 'state';
	bodies: AdoptingBody[];
	marks: ConsensusMark[];
	signFor: AdoptingBody[];
}

export class ConsensusFeed {
	bodies = $state<AdoptingBody[]>([]);
	marks = $state<ConsensusMark[]>([]);
	/** The bodies the signed-in person may mark passages for. */
	signFor = $state<AdoptingBody[]>([]);
	/** The first state has arrived. */
	ready = $state(false);
	#url: string;
	#socket: WebSocket | undefined;
	#retry: ReturnType<typeof setTimeout> | undefined;
	#closed = false;

	constructor(documentId: string) {
		const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
		this.#url = `${scheme}://${location.host}/collab/consensus/${documentId}`;
		this.#connect();
	}

	#connect() {
		const socket = new WebSocket(this.#url);
		this.#socket = socket;
		socket.addEventListener('message', (event) => {
			const message = JSON.parse(String(event.data)) as StateMessage;
			if (message.type !== 'state') return;
			this.bodies = message.bodies;
			this.marks = message.marks;
			this.signFor = message.signFor;
			this.ready = true;
		});
		socket.addEventListener('close', (event) => {
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
