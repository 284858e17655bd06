// The presence (names, colours, carets) of one open document, and what guards it: a connection
// speaks only for its own clients, never moves or removes another person's caret, and stays
// within the presence budget (presence-budget.ts). Echoes of others' presence, which y-websocket
// clients send back, are not news and cost nothing (presence-update.ts).
import * as awarenessProtocol from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { log } from '../log';
import {
	PresenceBudget,
	presenceTooLargeCode,
	presenceTooLargeReason,
	type PresenceLimits
} from './presence-budget';
import {
	encodePresenceUpdate,
	isEcho,
	newsIn,
	readPresenceUpdate,
	type PresenceEntry
} from './presence-update';

/** One person's presence (name, colour, caret) takes well under a kilobyte. */
export const maxPresenceUpdateBytes = 16 << 10;

/**
 * How long the server remembers a client whose connection closed. Clients send every presence
 * change they receive back to the server; such an echo of a departed client, arriving late,
 * must not bring its caret back, nor count as the echoing connection's own client.
 */
export const departedMemoryMs = 5 * 60_000;

/** A client whose connection closed: its last clock and size, and whose it was. */
interface Departed {
	clock: number;
	bytes: number;
	userId: string | null;
	at: number;
}

/** Someone who speaks in the document: one connection, and the person behind it. */
interface Speaker {
	userId: string | null;
	/** The clients this speaker spoke for (announced, renewed, removed); gone when it leaves. */
	clientIds: Set<number>;
}

export class PresenceGuard<Key> {
	readonly awareness: awarenessProtocol.Awareness;
	readonly #budget: PresenceBudget;
	readonly #speakers = new Map<Key, Speaker>();
	/** In the order they left, oldest first. */
	readonly #departed = new Map<number, Departed>();

	constructor(
		readonly name: string,
		ydoc: Y.Doc,
		limits: PresenceLimits,
		/** Told of every change of presence, as an awareness update for everyone in the document. */
		changed: (update: Uint8Array) => void
	) {
		this.#budget = new PresenceBudget(limits);
		this.awareness = new awarenessProtocol.Awareness(ydoc);
		// The server has no presence of its own.
		this.awareness.setLocalState(null);
		this.awareness.on(
			'update',
			({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
				// Timed out, or taken with a closed connection.
				for (const id of removed) this.#budget.record(id, null);
				const all = [...added, ...updated, ...removed];
				changed(awarenessProtocol.encodeAwarenessUpdate(this.awareness, all));
			}
		);
	}

	/** Bytes of all presence held now. */
	get total(): number {
		return this.#budget.total;
	}

	join(key: Key, userId: string | null): void {
		this.#speakers.set(key, { userId, clientIds: new Set() });
	}

	/** Everyone's presence, for a newcomer; null when nobody has any. */
	everyone(): Uint8Array | null {
		const states = [...this.awareness.getStates().keys()];
		return states.length > 0
			? awarenessProtocol.encodeAwarenessUpdate(this.awareness, states)
			: null;
	}

	/**
	 * Takes a speaker's presence update, drops it, or says why its connection is to be closed.
	 * Throws on a malformed update.
	 */
	receive(key: Key, update: Uint8Array): { code: number; reason: string } | null {
		const speaker = this.#speakers.get(key);
		if (!speaker) return null;
		if (update.length > maxPresenceUpdateBytes) {
			return { code: presenceTooLargeCode, reason: presenceTooLargeReason };
		}
		if (isEcho(update, this.awareness)) return null;
		const read = readPresenceUpdate(update);
		const entries = newsIn(read, this.awareness).filter((entry) => this.#mayRevive(speaker, entry));
		if (entries.length === 0) return null;
		if (!this.#mayAnnounce(speaker, entries)) {
			log.warn('collab.foreign_presence_dropped', { document: this.name, user: speaker.userId });
			return null;
		}
		// A reconnecting browser's caret comes back even into a full document, as a renewal would.
		const formerly = new Map(
			entries.flatMap(({ clientId }) => {
				const departed = this.#departed.get(clientId);
				return departed?.userId === speaker.userId ? [[clientId, departed.bytes] as const] : [];
			})
		);
		const verdict = this.#budget.check(entries, speaker.clientIds, formerly);
		if (verdict.kind !== 'take') {
			log.warn('collab.presence_refused', {
				document: this.name,
				user: speaker.userId,
				verdict: verdict.kind,
				total: this.#budget.total
			});
			return verdict.kind === 'close' ? { code: verdict.code, reason: verdict.reason } : null;
		}
		// Renewals count too: after a reconnect the client's presence arrives as an update, as the
		// server already knows it from the connection that has not yet timed out.
		for (const { clientId } of entries) {
			speaker.clientIds.add(clientId);
			this.#departed.delete(clientId);
		}
		const news = entries.length === read.length ? update : encodePresenceUpdate(entries);
		awarenessProtocol.applyAwarenessUpdate(this.awareness, news, key);
		for (const { clientId, bytes } of entries) {
			this.#budget.record(clientId, this.awareness.getStates().has(clientId) ? bytes : null);
		}
		return null;
	}

	/** The speaker's connection closed: its presence goes, unless another renewed it meanwhile. */
	leave(key: Key, now = Date.now()): void {
		const speaker = this.#speakers.get(key);
		this.#speakers.delete(key);
		if (!speaker) return;
		// A dead connection is often noticed only by the heartbeat, after its client came back on a
		// new one: it must not take the presence the new connection has renewed meanwhile.
		const renewed = new Set([...this.#speakers.values()].flatMap((s) => [...s.clientIds]));
		const gone = [...speaker.clientIds].filter((id) => !renewed.has(id));
		const sizes = new Map(gone.map((id) => [id, this.#budget.sizeOf(id)]));
		awarenessProtocol.removeAwarenessStates(this.awareness, gone, null);
		for (const id of gone) {
			const clock = this.awareness.meta.get(id)?.clock ?? 0;
			const bytes = sizes.get(id) ?? 0;
			// Kept apart from the awareness, so that a reconnecting client's renewal at the same
			// clock counts as news (see #mayRevive); and only for a while.
			this.awareness.meta.delete(id);
			this.#departed.delete(id);
			this.#departed.set(id, { clock, bytes, userId: speaker.userId, at: now });
		}
		for (const [id, departed] of this.#departed) {
			if (now - departed.at < departedMemoryMs) break;
			this.#departed.delete(id);
		}
	}

	destroy(): void {
		this.awareness.destroy();
	}

	/**
	 * Whether an entry may be taken as far as departed clients go. A client that moved on (a newer
	 * clock) may. At its last clock, the entry is a reconnecting browser's renewal, which is the
	 * first thing a new connection says and comes from the same person, or else somebody's late
	 * echo of what the server relayed before the client left: that is dropped, without a word.
	 */
	#mayRevive(speaker: Speaker, { clientId, clock }: PresenceEntry): boolean {
		const departed = this.#departed.get(clientId);
		if (!departed || clock > departed.clock) return true;
		return speaker.clientIds.size === 0 && speaker.userId === departed.userId;
	}

	/**
	 * Whether a presence update names only clients this speaker's person announced or that nobody
	 * has: no one may move or remove another person's caret. The same person may, since a
	 * reconnecting client renews its presence before its old connection is noticed as dead.
	 */
	#mayAnnounce(speaker: Speaker, entries: PresenceEntry[]): boolean {
		return entries.every(({ clientId }) =>
			[...this.#speakers.values()].every(
				(other) =>
					other === speaker || !other.clientIds.has(clientId) || other.userId === speaker.userId
			)
		);
	}
}
