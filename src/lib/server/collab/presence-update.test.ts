import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readPresenceUpdate } from './presence-update';

function update(entries: [number, number, string][]): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, entries.length);
	for (const [clientId, clock, json] of entries) {
		encoding.writeVarUint(encoder, clientId);
		encoding.writeVarUint(encoder, clock);
		encoding.writeVarString(encoder, json);
	}
	return encoding.toUint8Array(encoder);
}

describe('readPresenceUpdate', () => {
	it('reads what a real client sends', () => {
		const doc = new Y.Doc();
		const awareness = new awarenessProtocol.Awareness(doc);
		awareness.setLocalState({ user: { name: 'Emil', color: '#1d4ed8' } });
		const entries = readPresenceUpdate(
			awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID])
		);
		expect(entries).toEqual([
			{ clientId: doc.clientID, clock: 1, state: { user: { name: 'Emil', color: '#1d4ed8' } } }
		]);
	});

	it('accepts a presence that ends', () => {
		expect(readPresenceUpdate(update([[7, 3, 'null']]))).toEqual([
			{ clientId: 7, clock: 3, state: null }
		]);
	});

	it.each([['7'], ['"Text"'], ['[1,2]'], ['true'], ['{kaputt']])('refuses the state %s', (json) => {
		expect(() => readPresenceUpdate(update([[7, 1, json]]))).toThrow();
	});

	it('refuses truncated updates and trailing bytes', () => {
		const whole = update([[7, 1, '{"user":{"name":"Emil"}}']]);
		expect(() => readPresenceUpdate(whole.slice(0, whole.length - 3))).toThrow();
		expect(() => readPresenceUpdate(Uint8Array.from([...whole, 0]))).toThrow();
	});
});
