// The live link of a page to an event's polls: keeps the latest state the server pushed; the
// socket reconnects by the one policy of live sockets (venue Wi-Fi, phones going to sleep).
import { LiveSocket } from '$lib/live/live-socket';
import type { PollState } from './types';

export type LiveConnection = 'connecting' | 'online' | 'offline';

export class PollConnection<TState extends PollState> {
	state: TState = $state() as TState;
	connection = $state<LiveConnection>('connecting');
	/** Why the server closed the connection, when it said so (e.g. too many connections). */
	closeReason = $state<string | null>(null);
	#socket: LiveSocket;

	/** The projector asks for its own view, which holds the counts back until they are shown. */
	constructor(eventId: string, initial: TState) {
		const view = initial.viewer === 'projection' ? '/projektion' : '';
		this.state = initial;
		this.#socket = new LiveSocket(`/collab/poll/${eventId}${view}`, {
			onOpen: () => {
				this.connection = 'online';
				this.closeReason = null;
			},
			onMessage: (message) => {
				const data = JSON.parse(message) as { type: string; state?: TState };
				if (data.type === 'state' && data.state?.viewer === this.state.viewer) {
					this.state = data.state;
				}
			},
			onClose: ({ reason }) => {
				this.connection = 'offline';
				this.closeReason = reason;
			}
		});
	}

	/** In the browser only, from onMount: the server-rendered page shows the initial state. */
	start() {
		this.#socket.start();
	}

	/** Fresh state from elsewhere, e.g. a page load after a form action. */
	replace(state: TState) {
		this.state = state;
	}

	destroy() {
		this.#socket.destroy();
	}
}
