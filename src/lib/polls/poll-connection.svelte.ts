// The live link of a page to an event's polls: keeps the latest state the server pushed, and
// reconnects with growing pauses when the network drops (venue Wi-Fi, phones going to sleep).
import type { PollState } from './types';

export type LiveConnection = 'connecting' | 'online' | 'offline';

const firstRetryMs = 1000;
const longestRetryMs = 15_000;

export class PollConnection<TState extends PollState> {
	state: TState = $state() as TState;
	connection = $state<LiveConnection>('connecting');
	/** Why the server closed the connection, when it said so (e.g. too many connections). */
	closeReason = $state<string | null>(null);
	#path: string;
	#socket: WebSocket | null = null;
	#retries = 0;
	#retryTimer: ReturnType<typeof setTimeout> | undefined;
	#stopped = false;

	/** The projector asks for its own view, which holds the counts back until they are shown. */
	constructor(eventId: string, initial: TState) {
		this.#path = `/collab/poll/${eventId}${initial.viewer === 'projection' ? '/projektion' : ''}`;
		this.state = initial;
	}

	/** In the browser only, from onMount: the server-rendered page shows the initial state. */
	start() {
		this.#connect();
		document.addEventListener('visibilitychange', this.#wake);
		window.addEventListener('online', this.#wake);
	}

	/** A phone back from sleep or back on the network tries at once instead of waiting. */
	#wake = () => {
		if (document.visibilityState !== 'visible' || this.#socket || this.#stopped) return;
		clearTimeout(this.#retryTimer);
		this.#connect();
	};

	#connect() {
		const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
		const socket = new WebSocket(`${scheme}://${location.host}${this.#path}`);
		this.#socket = socket;
		socket.addEventListener('open', () => {
			this.connection = 'online';
			this.closeReason = null;
		});
		socket.addEventListener('message', (message) => {
			// Only a connection the server serves counts as success: one it refuses right after the
			// handshake (too many connections) must not reset the pause before the next try.
			this.#retries = 0;
			const data = JSON.parse(String(message.data)) as { type: string; state?: TState };
			if (data.type === 'state' && data.state?.viewer === this.state.viewer) {
				this.state = data.state;
			}
		});
		socket.addEventListener('close', (event) => {
			this.#socket = null;
			if (this.#stopped) return;
			this.connection = 'offline';
			this.closeReason = event.reason || null;
			const pause = Math.min(firstRetryMs * 2 ** this.#retries, longestRetryMs);
			this.#retries += 1;
			// Some spread, so a room of phones does not come back in the same millisecond.
			this.#retryTimer = setTimeout(() => this.#connect(), pause * (0.75 + Math.random() / 2));
		});
	}

	/** Fresh state from elsewhere, e.g. a page load after a form action. */
	replace(state: TState) {
		this.state = state;
	}

	destroy() {
		this.#stopped = true;
		clearTimeout(this.#retryTimer);
		document.removeEventListener('visibilitychange', this.#wake);
		window.removeEventListener('online', this.#wake);
		this.#socket?.close();
	}
}
