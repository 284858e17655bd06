// One open board in the browser: the socket to /collab/board/<id> (reconnecting by the one
// policy of live sockets), the latest state the server sent, and commands with their answers. The projection asks for the
// view participants get, so it shows no more than they see.
import type { Attendance } from '$lib/attendance';
import { LiveSocket } from '$lib/live/live-socket';
import type { BoardCommand, BoardRefusal, BoardView } from './types';

export type BoardConnection = 'connecting' | 'connected' | 'offline' | 'refused';

export class BoardClient {
	board = $state<BoardView | null>(null);
	present = $state(0);
	/** Who is at the event: sent to staff only, for the projector. */
	attendance = $state<Attendance | null>(null);
	connection = $state<BoardConnection>('connecting');
	/** The last refusal, shown to the person (in their language, by its code) until their next action. */
	message = $state<BoardRefusal | null>(null);
	/** Why the server closed the connection, when it said so in German (e.g. too many connections). */
	closeReason = $state<string | null>(null);
	/** The log entry of this client's last command that can be undone, until the next command. */
	undoId = $state<number | null>(null);

	#socket: LiveSocket;
	#ref = 0;
	// Not reactive state: the answers only resolve promises.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#pending = new Map<number, (ok: boolean) => void>();

	constructor(boardId: string, projection = false) {
		const view = projection ? '?ansicht=projektion' : '';
		this.#socket = new LiveSocket(`/collab/board/${boardId}${view}`, {
			onOpen: () => {
				this.connection = 'connected';
				this.closeReason = null;
			},
			onMessage: (data) => this.#receive(data),
			onClose: ({ reason, final }) => {
				for (const resolve of this.#pending.values()) resolve(false);
				this.#pending.clear();
				this.closeReason = reason;
				// 4401/4403/4404: no right (any more) or no board; retrying would not help.
				this.connection = final ? 'refused' : 'offline';
			}
		});
		// Pages are rendered on the server first; the socket opens in the browser only.
		if (typeof window !== 'undefined') this.#socket.start();
	}

	#receive(data: string) {
		const message = JSON.parse(data) as
			| { type: 'state'; board: BoardView; present: number; attendance?: Attendance }
			| { type: 'done'; ref: number | null; undoId: number | null }
			| ({ type: 'refused'; ref: number | null } & BoardRefusal);
		if (message.type === 'state') {
			this.board = message.board;
			this.present = message.present;
			this.attendance = message.attendance ?? null;
			return;
		}
		if (message.type === 'refused') {
			this.message = { message: message.message, code: message.code, params: message.params };
		}
		if (message.type === 'done') this.undoId = message.undoId;
		if (message.ref !== null) {
			this.#pending.get(message.ref)?.(message.type === 'done');
			this.#pending.delete(message.ref);
		}
	}

	/** Sends a command; resolves true when the server applied it. */
	send(command: BoardCommand): Promise<boolean> {
		this.message = null;
		const ref = ++this.#ref;
		if (!this.#socket.send(JSON.stringify({ ref, command }))) {
			this.message = {
				message: 'Keine Verbindung. Ihre Aktion wurde nicht gesendet; bitte gleich noch einmal.',
				code: 'not_sent'
			};
			return Promise.resolve(false);
		}
		return new Promise((resolve) => this.#pending.set(ref, resolve));
	}

	destroy() {
		this.#socket.destroy();
		for (const resolve of this.#pending.values()) resolve(false);
		this.#pending.clear();
	}
}
