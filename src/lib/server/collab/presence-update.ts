// Reads a client's presence (awareness) update before the server takes it: every entry must be
// complete, and every state either gone (null) or an object, as editors expect when they draw
// carets. Anything else would reach every other client in the document.
import * as decoding from 'lib0/decoding';

export interface PresenceEntry {
	clientId: number;
	clock: number;
	state: Record<string, unknown> | null;
}

/** Throws when the update is truncated or a state is not an object or null. */
export function readPresenceUpdate(update: Uint8Array): PresenceEntry[] {
	const decoder = decoding.createDecoder(update);
	const count = decoding.readVarUint(decoder);
	const entries: PresenceEntry[] = [];
	for (let i = 0; i < count; i++) {
		const clientId = decoding.readVarUint(decoder);
		const clock = decoding.readVarUint(decoder);
		const state: unknown = JSON.parse(decoding.readVarString(decoder));
		if (state !== null && (typeof state !== 'object' || Array.isArray(state))) {
			throw new Error('presence state is not an object');
		}
		entries.push({ clientId, clock, state: state as Record<string, unknown> | null });
	}
	if (decoding.hasContent(decoder)) throw new Error('presence update has trailing bytes');
	return entries;
}
