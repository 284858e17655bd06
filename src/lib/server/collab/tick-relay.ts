// What a document's connections are sent of its changes and presence, gathered per turn of the
// event loop: everything stored in one turn goes out as one Yjs update, every presence change as
// one awareness update, each encoded once for all sockets. The y-websocket client reads one
// message per frame, so the two cannot share a frame; but under load many keystrokes arrive in
// one turn, and then every socket gets two frames instead of two per keystroke.
import * as Y from 'yjs';
import { mergePresenceUpdates } from './presence-update';

export interface RelayTarget {
	/** A Yjs update (V1) for everyone connected. */
	update(update: Uint8Array): void;
	/** An awareness update for everyone connected. */
	presence(update: Uint8Array): void;
}

export class TickRelay {
	readonly #target: RelayTarget;
	#updates: Uint8Array[] = [];
	#presence: Uint8Array[] = [];
	#pending: ReturnType<typeof setImmediate> | null = null;

	constructor(target: RelayTarget) {
		this.#target = target;
	}

	/** Relays a stored update (only ever called once it is stored) by the end of this turn. */
	update(update: Uint8Array): void {
		this.#updates.push(update);
		this.#schedule();
	}

	presence(update: Uint8Array): void {
		this.#presence.push(update);
		this.#schedule();
	}

	/** Sends what is gathered now; changes before presence, as clients send them. */
	flush(): void {
		if (this.#pending) clearImmediate(this.#pending);
		this.#pending = null;
		const updates = this.#updates;
		const presence = this.#presence;
		this.#updates = [];
		this.#presence = [];
		if (updates.length > 0) {
			this.#target.update(updates.length === 1 ? updates[0] : Y.mergeUpdates(updates));
		}
		if (presence.length > 0) {
			this.#target.presence(presence.length === 1 ? presence[0] : mergePresenceUpdates(presence));
		}
	}

	#schedule(): void {
		// After the I/O callbacks of this turn: messages from all sockets that were read together.
		this.#pending ??= setImmediate(() => this.flush());
	}
}
