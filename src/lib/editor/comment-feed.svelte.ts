// The comment threads and change proposals of one open document, kept current by the server's
// comment channel.
import type { CommentThread } from '$lib/comments';
import type { ChangeProposal } from '$lib/proposals';
import { StateSocket } from './state-socket';

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
	#socket: StateSocket<StateMessage>;

	constructor(documentId: string, initial: Omit<StateMessage, 'type'>) {
		this.#take(initial);
		this.#socket = new StateSocket<StateMessage>(`/collab/comments/${documentId}`, {
			onState: (state) => this.#take(state),
			onLive: (live) => (this.live = live)
		});
	}

	#take(state: Omit<StateMessage, 'type'>) {
		this.threads = state.threads;
		this.proposals = state.proposals;
		this.canComment = state.canComment;
		this.canPropose = state.canPropose;
		this.canModerate = state.canModerate;
	}

	destroy() {
		this.#socket.destroy();
	}
}
