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

/** JSON.stringify(null) as sent: a client leaving. */
const nullState = 'null';

/**
 * Whether the update is an echo through and through: every entry names a clock the document
 * already holds. Decided without parsing any state, since at N connections every presence change
 * comes back N − 1 times. False when in doubt (news, or a malformed update): then it is read.
 */
export function isEcho(update: Uint8Array, awareness: Awareness): boolean {
	try {
		const decoder = decoding.createDecoder(update);
		const count = decoding.readVarUint(decoder);
		for (let i = 0; i < count; i++) {
			const clientId = decoding.readVarUint(decoder);
			const clock = decoding.readVarUint(decoder);
			const json = decoding.readVarUint8Array(decoder);
			const current = awareness.meta.get(clientId)?.clock ?? -1;
			if (clock > current) return false;
			// A departure at the current clock is news while the client is still held.
			if (clock === current && awareness.getStates().has(clientId) && isNullState(json)) {
				return false;
			}
		}
		return !decoding.hasContent(decoder);
	} catch {
		return false;
	}
}

/** As the awareness protocol writes it; a hand-made spelling such as ' null' is taken as a state,
 * and at the current clock dropped as an echo: the departure comes with the connection's end. */
function isNullState(json: Uint8Array): boolean {
	if (json.length !== nullState.length) return false;
	for (let i = 0; i < json.length; i++) if (json[i] !== nullState.charCodeAt(i)) return false;
	return true;
}

/**
 * Several awareness updates as one, as if encoded together: of each client only its last entry,
 * which is its newest. The states are copied as sent, without parsing them.
 */
export function mergePresenceUpdates(updates: Uint8Array[]): Uint8Array {
	const latest = new Map<number, { clock: number; json: Uint8Array }>();
	for (const update of updates) {
		const decoder = decoding.createDecoder(update);
		const count = decoding.readVarUint(decoder);
		for (let i = 0; i < count; i++) {
			const clientId = decoding.readVarUint(decoder);
			const clock = decoding.readVarUint(decoder);
			latest.set(clientId, { clock, json: decoding.readVarUint8Array(decoder) });
		}
	}
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, latest.size);
	for (const [clientId, { clock, json }] of latest) {
		encoding.writeVarUint(encoder, clientId);
		encoding.writeVarUint(encoder, clock);
		// A string is written as its UTF-8 bytes with their length: the same as a byte array.
		encoding.writeVarUint8Array(encoder, json);
	}
	return encoding.toUint8Array(encoder);
}
