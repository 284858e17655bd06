// Reads a client's presence (awareness) update before the server takes it: every entry must be
// complete, and every state either gone (null) or an object, as editors expect when they draw
// carets. Anything else would reach every other client in the document. Of what is read, only
// news is taken (see newsIn).
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Awareness } from 'y-protocols/awareness';

export interface PresenceEntry {
	clientId: number;
	clock: number;
	state: Record<string, unknown> | null;
	/** Size of the state as sent (JSON, UTF-8). */
	bytes: number;
}

/** Throws when the update is truncated or a state is not an object or null. */
export function readPresenceUpdate(update: Uint8Array): PresenceEntry[] {
	const decoder = decoding.createDecoder(update);
	const count = decoding.readVarUint(decoder);
	const entries: PresenceEntry[] = [];
	for (let i = 0; i < count; i++) {
		const clientId = decoding.readVarUint(decoder);
		const clock = decoding.readVarUint(decoder);
		const json = decoding.readVarString(decoder);
		const state: unknown = JSON.parse(json);
		if (state !== null && (typeof state !== 'object' || Array.isArray(state))) {
			throw new Error('presence state is not an object');
		}
		entries.push({
			clientId,
			clock,
			state: state as Record<string, unknown> | null,
			bytes: Buffer.byteLength(json)
		});
	}
	if (decoding.hasContent(decoder)) throw new Error('presence update has trailing bytes');
	return entries;
}

/**
 * The entries that would change what the document holds. y-websocket clients send back every
 * presence change they receive, other clients' included, with the clock it came with; and a
 * departure (null) for a client the document no longer holds changes nothing either. Such
 * echoes are not news and must not count against the client that relays them.
 */
export function newsIn(entries: PresenceEntry[], awareness: Awareness): PresenceEntry[] {
	return entries.filter(({ clientId, clock, state }) => {
		const held = awareness.getStates().has(clientId);
		if (state === null && !held) return false;
		const current = awareness.meta.get(clientId)?.clock ?? -1;
		return clock > current || (clock === current && state === null);
	});
}

/** The entries as one update, as a client would have sent them. */
export function encodePresenceUpdate(entries: PresenceEntry[]): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, entries.length);
	for (const { clientId, clock, state } of entries) {
		encoding.writeVarUint(encoder, clientId);
		encoding.writeVarUint(encoder, clock);
		encoding.writeVarString(encoder, JSON.stringify(state));
	}
	return encoding.toUint8Array(encoder);
}
