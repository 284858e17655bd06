// One open board in the browser: the socket to /collab/board/<id>, reconnecting with backoff,
// the latest state the server sent, and commands with their answers. The projection asks for the
// view participants get, so it shows no more than they see.
import type { Attendance } from '$lib/attendance';
import type { BoardCommand, BoardView } from './types';

export type BoardConnection = 'connecting' | 'connected' | 'offline' | 'refused';

export class BoardClient {
	board = $state<BoardView | null>(null);
	present = $state(0);
	/** Who is at the event: sent to staff only, for the projector. */
	attendance = $state<Attendance | null>(null);
	connection = $state<BoardConnection>('connecting');
	/** The last refusal, shown to the person until their next action. */
	message = $state<string | null>(null);
	/** Why the server closed the connection, when it said so (e.g. too many connections). */
	closeReason = $state<string | null>(null);
	/** The log entry of this client's last command that can be undone, until the next command. */
	undoId = $state<number | null>(null);

	#socket: WebSocket | null = null;
	#ref = 0;
	// Not reactive state: the answers only resolve promises.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#pending = new Map<number, (ok: boolean) => void>();
	#retry = 0;
	#timer: ReturnType<typeof setTimeout> | undefined;
	#closed = false;

	constructor(
		private readonly boardId: string,
		private readonly projection = false
	) {
		// Pages are rendered on the server first; the socket opens in the browser only.
		if (typeof window !== 'undefined') this.#connect();
	}

	#connect() {
		const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
		const view = this.projection ? '?ansicht=projektion' : '';
		const socket = new WebSocket(
			`${scheme}://${location.host}/collab/board/${this.boardId}${view}`
		);
		this.#socket = socket;
		socket.onopen = () => {
			this.connection = 'connected';
			this.closeReason = null;
		};
		socket.onmessage = (event) => this.#receive(String(event.data));
		socket.onclose = (event) => {
			for (const resolve of this.#pending.values()) resolve(false);
			this.#pending.clear();
			if (this.#closed) return;
			this.closeReason = event.reason || null;
			// 4401/4403/4404: no right (any more) or no board; retrying would not help.
			if (event.code >= 4400 && event.code < 4500) {
				this.connection = 'refused';
				return;
			}
			this.connection = 'offline';
			const delay = Math.min(10_000, 500 * 2 ** this.#retry++);
			this.#timer = setTimeout(() => this.#connect(), delay);
		};
	}

	#receive(data: string) {
		const message = JSON.parse(data) as
			| { type: 'state'; board: BoardView; present: number; attendance?: Attendance }
			| { type: 'done'; ref: number | null; undoId: number | null }
			| { type: 'refused'; ref: number | null; message: string };
		if (message.type === 'state') {
			// Only a connection the server serves counts as success: one it refuses right after the
			// handshake (too many connections) must not reset the pause before the next try.
			this.#retry = 0;
			this.board = message.board;
			this.present = message.present;
			this.attendance = message.attendance ?? null;
			return;
		}
		if (message.type === 'refused') this.message = message.message;
		if (message.type === 'done') this.undoId = message.undoId;
		if (message.ref !== null) {
			this.#pending.get(message.ref)?.(message.type === 'done');
			this.#pending.delete(message.ref);
		}
	}

	/** Sends a command; resolves true when the server applied it. */
	send(command: BoardCommand): Promise<boolean> {
		this.message = null;
		const socket = this.#socket;
		if (!socket || socket.readyState !== WebSocket.OPEN) {
			this.message =
				'Keine Verbindung. Ihre Aktion wurde nicht gesendet; bitte gleich noch einmal.';
			return Promise.resolve(false);
		}
		const ref = ++this.#ref;
		socket.send(JSON.stringify({ ref, command }));
		return new Promise((resolve) => this.#pending.set(ref, resolve));
	}

	destroy() {
		this.#closed = true;
		clearTimeout(this.#timer);
		this.#socket?.close();
	}
}
