// The comment threads and change proposals of one open document, kept current by the server's
// comment channel.
import type { CommentThread } from '$lib/comments';
import type { ChangeProposal } from '$lib/proposals';

interface StateMessage {
	type: 'state';
	threads: CommentThread[];
	proposals: ChangeProposal[];
	canComment: boolean;
	canPropose: boolean;
	canModerate: boolean;
}

export class CommentFeed {
	threads = $state<CommentThread[]>([]);
	proposals = $state<ChangeProposal[]>([]);
	canComment = $state(false);
	canPropose = $state(false);
	canModerate = $state(false);
	live = $state(false);
	#url: string;
	#socket: WebSocket | undefined;
	#retry: ReturnType<typeof setTimeout> | undefined;
	#closed = false;

	constructor(documentId: string, initial: Omit<StateMessage, 'type'>) {
		this.threads = initial.threads;
		this.proposals = initial.proposals;
		this.canComment = initial.canComment;
		this.canPropose = initial.canPropose;
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
			this.proposals = message.proposals;
			this.canComment = message.canComment;
			this.canPropose = message.canPropose;
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
