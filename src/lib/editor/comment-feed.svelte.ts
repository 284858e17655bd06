// The comment threads, change proposals and conference sources of one open document, kept
// current by the server's comment channel.
import type { CommentThread } from '$lib/comments';
import type { ChangeProposal } from '$lib/proposals';
import type { PassageSourceView } from '$lib/sources/types';
import { StateSocket } from './state-socket';

interface StateMessage {
	type: 'state';
	threads: CommentThread[];
	proposals: ChangeProposal[];
	sources: PassageSourceView[];
	canComment: boolean;
	canPropose: boolean;
	canModerate: boolean;
	canLinkSources: boolean;
}

export class CommentFeed {
	threads = $state<CommentThread[]>([]);
	proposals = $state<ChangeProposal[]>([]);
	/** The passages' links to conference results. */
	sources = $state<PassageSourceView[]>([]);
	canComment = $state(false);
	canPropose = $state(false);
	canModerate = $state(false);
	canLinkSources = $state(false);
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
		this.sources = state.sources;
		this.canComment = state.canComment;
		this.canPropose = state.canPropose;
		this.canModerate = state.canModerate;
		this.canLinkSources = state.canLinkSources;
	}

	destroy() {
		this.#socket.destroy();
	}
}
