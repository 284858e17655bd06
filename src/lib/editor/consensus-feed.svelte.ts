// The consensus marks of one open document, kept current by the server's consensus channel.
import type { AdoptingBody, ConsensusMark } from '$lib/consensus';
import { StateSocket } from './state-socket';

interface StateMessage {
	type: 'state';
	bodies: AdoptingBody[];
	marks: ConsensusMark[];
	countHeadings: boolean;
	signFor: AdoptingBody[];
}

export class ConsensusFeed {
	bodies = $state<AdoptingBody[]>([]);
	marks = $state<ConsensusMark[]>([]);
	/** Headings are passages to agree on, too (the document's choice). */
	countHeadings = $state(false);
	/** The bodies the signed-in person may mark passages for. */
	signFor = $state<AdoptingBody[]>([]);
	/** The first state has arrived. */
	ready = $state(false);
	#socket: StateSocket<StateMessage>;

	constructor(documentId: string) {
		this.#socket = new StateSocket<StateMessage>(`/collab/consensus/${documentId}`, {
			onState: (state) => {
				this.bodies = state.bodies;
				this.marks = state.marks;
				this.countHeadings = state.countHeadings;
				this.signFor = state.signFor;
				this.ready = true;
			}
		});
	}

	destroy() {
		this.#socket.destroy();
	}
}
