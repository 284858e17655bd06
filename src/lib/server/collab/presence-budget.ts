// What presence (names, colours, carets) may cost in one document. Every newcomer receives all
// presence states at once, so their sum is bounded; so is each state, and the number of clients
// one connection may speak for (a browser speaks for one; each client the server hears of is
// remembered while the document is open).
import type { PresenceEntry } from './presence-update';

export interface PresenceLimits {
	/** Bytes of one state, as JSON. */
	stateBytes: number;
	/** Bytes of all states of the document together. */
	documentBytes: number;
	/** Clients one connection may speak for, over its lifetime. */
	clientsPerConnection: number;
}

/** What to do with a presence update: take it, drop it, or close the connection that sent it. */
export type PresenceVerdict =
	| { kind: 'take' }
	/** The document's presence is full: the update is not taken, the connection stays. */
	| { kind: 'drop' }
	/** Only a broken or hostile client sends this; sending it again would not help. */
	| { kind: 'close'; code: number; reason: string };

export const presenceTooLargeCode = 4400;
export const presenceTooLargeReason = 'Anwesenheitsangabe zu groß.';
export const tooManyPresencesCode = 4429;
export const tooManyPresencesReason = 'Zu viele Anwesenheitsangaben über eine Verbindung.';

export class PresenceBudget {
	readonly #sizes = new Map<number, number>();
	#total = 0;

	constructor(readonly limits: PresenceLimits) {}

	/** Bytes of all states held now. */
	get total(): number {
		return this.#total;
	}

	/**
	 * Judges an update before it is applied. `spokenFor` are the clients the sending connection
	 * has spoken for so far; `formerly` the sizes of clients coming back after a reconnect, whose
	 * return is a renewal too.
	 */
	check(
		entries: PresenceEntry[],
		spokenFor: ReadonlySet<number>,
		formerly: ReadonlyMap<number, number> = new Map()
	): PresenceVerdict {
		if (entries.some((entry) => entry.state !== null && entry.bytes > this.limits.stateBytes)) {
			return { kind: 'close', code: presenceTooLargeCode, reason: presenceTooLargeReason };
		}
		const clients = new Set([...spokenFor, ...entries.map((entry) => entry.clientId)]);
		if (clients.size > this.limits.clientsPerConnection) {
			return { kind: 'close', code: tooManyPresencesCode, reason: tooManyPresencesReason };
		}
		const after = new Map<number, number>();
		for (const entry of entries) after.set(entry.clientId, entry.state === null ? 0 : entry.bytes);
		let projected = this.#total;
		for (const [clientId, bytes] of after) {
			projected += bytes - (this.#sizes.get(clientId) ?? formerly.get(clientId) ?? 0);
		}
		// Renewals and departures always pass, so a full document never locks its people out.
		if (projected > this.limits.documentBytes && projected > this.#total) return { kind: 'drop' };
		return { kind: 'take' };
	}

	/** Bytes of the client's state as held now (0: none). */
	sizeOf(clientId: number): number {
		return this.#sizes.get(clientId) ?? 0;
	}

	/** Notes a client's state as the document now holds it (null: gone). */
	record(clientId: number, bytes: number | null): void {
		this.#total -= this.#sizes.get(clientId) ?? 0;
		if (bytes === null) {
			this.#sizes.delete(clientId);
		} else {
			this.#sizes.set(clientId, bytes);
			this.#total += bytes;
		}
	}
}
