// The comment threads of one open document, kept current by the server's comment channel.
import type { CommentThread } from '$lib/comments';

interface StateMessage {
	type: 'state';
	threads: CommentThread[];
	canComment: boolean;
	canModerate: boolean;
}

export class CommentFeed {
	threads = $state<CommentThread[]>([]);
	canComment = $state(false);
	canModerate = $state(false);
	live = $state(false);
	#url: string;
	#socket: WebSocket | undefined;
	#retry: ReturnType<typeof setTimeout> | undefined;
	#closed = false;

	constructor(
		documentId: string,
		initial: { threads: CommentThread[]; canComment: boolean; canModerate: boolean }
	) {
		this.threads = initial.threads;
		this.canComment = initial.canComment;
		this.canModerate = initial.canModerate;
		const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
		this.#url = `${scheme}://${location.host}/collab/comments/${documentId}`;
		this.#connect();
	}

	#connect() {
		const socket = new WebSocket(this.#url);
		this.#socket = socket;
		socket.addEventListener('open', () => (this.live = true));
		socket.addEventListener('message', (event) => {
			const message = JSON.parse(String(event.data)) as StateMessage;
			if (message.type !== 'state') return;
			this.threads = message.threads;
			this.canComment = message.canComment;
			this.canModerate = message.canModerate;
		});
		socket.addEventListener('close', (event) => {
			this.live = false;
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
