import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	encodePresenceUpdate,
	isEcho,
	mergePresenceUpdates,
	newsIn,
	readPresenceUpdate
} from './presence-update';

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
			{
				clientId: doc.clientID,
				clock: 1,
				state: { user: { name: 'Emil', color: '#1d4ed8' } },
				bytes: '{"user":{"name":"Emil","color":"#1d4ed8"}}'.length
			}
		]);
	});

	it('accepts a presence that ends', () => {
		expect(readPresenceUpdate(update([[7, 3, 'null']]))).toEqual([
			{ clientId: 7, clock: 3, state: null, bytes: 4 }
		]);
	});

	it.each([['7'], ['"Text"'], ['[1,2]'], ['true'], ['{kaputt']])('refuses the state %s', (json) => {
		expect(() => readPresenceUpdate(update([[7, 1, json]]))).toThrow();
	});

	it('counts a state’s size in bytes, as sent', () => {
		const [entry] = readPresenceUpdate(update([[7, 1, '{"user":{"name":"Jürgen"}}']]));
		expect(entry.bytes).toBe(27);
	});

	it('refuses truncated updates and trailing bytes', () => {
		const whole = update([[7, 1, '{"user":{"name":"Emil"}}']]);
		expect(() => readPresenceUpdate(whole.slice(0, whole.length - 3))).toThrow();
		expect(() => readPresenceUpdate(Uint8Array.from([...whole, 0]))).toThrow();
	});
});

describe('newsIn', () => {
	function heldBy(states: [number, number][]) {
		const awareness = new awarenessProtocol.Awareness(new Y.Doc());
		awareness.setLocalState(null);
		awarenessProtocol.applyAwarenessUpdate(
			awareness,
			update(states.map(([clientId, clock]) => [clientId, clock, '{"user":{}}'])),
			null
		);
		return awareness;
	}

	it('keeps what changes the document’s presence', () => {
		const awareness = heldBy([[1, 5]]);
		const entries = readPresenceUpdate(
			update([
				[1, 6, '{"user":{"name":"neu"}}'],
				[2, 1, '{"user":{}}'],
				[1, 5, 'null']
			])
		);
		expect(newsIn(entries, awareness)).toEqual(entries);
	});

	it('drops echoes: states with the clock held, and departures of clients no longer held', () => {
		const awareness = heldBy([[1, 5]]);
		const entries = readPresenceUpdate(
			update([
				[1, 5, '{"user":{}}'],
				[1, 4, '{"user":{}}'],
				[3, 9, 'null']
			])
		);
		expect(newsIn(entries, awareness)).toEqual([]);
	});

	it('encodes entries back into an update that reads the same', () => {
		const entries = readPresenceUpdate(
			update([
				[1, 6, '{"user":{"name":"Jürgen"}}'],
				[2, 3, 'null']
			])
		);
		expect(readPresenceUpdate(encodePresenceUpdate(entries))).toEqual(entries);
	});
});

describe('isEcho', () => {
	function held() {
		const awareness = new awarenessProtocol.Awareness(new Y.Doc());
		awarenessProtocol.applyAwarenessUpdate(
			awareness,
			update([
				[7, 3, '{"user":{"name":"Emil"}}'],
				[8, 1, '{"user":{"name":"Vera"}}']
			]),
			null
		);
		return awareness;
	}

	it('recognises what the document already holds, without reading the states', () => {
		const awareness = held();
		expect(isEcho(update([[7, 3, '{"user":{"name":"Emil"}}']]), awareness)).toBe(true);
		expect(isEcho(update([[7, 2, 'kein JSON']]), awareness)).toBe(true);
		expect(isEcho(update([[99, 0, 'null']]), awareness)).toBe(false);
	});

	it('leaves news, departures at the current clock and malformed updates to be read', () => {
		const awareness = held();
		expect(isEcho(update([[7, 4, '{}']]), awareness)).toBe(false);
		expect(isEcho(update([[12, 1, '{}']]), awareness)).toBe(false);
		expect(isEcho(update([[8, 1, 'null']]), awareness)).toBe(false);
		expect(
			isEcho(
				update([
					[7, 3, '{}'],
					[8, 2, '{}']
				]),
				awareness
			)
		).toBe(false);
		const truncated = update([[7, 3, '{"user":{"name":"Emil"}}']]).slice(0, 6);
		expect(isEcho(truncated, awareness)).toBe(false);
		const trailing = new Uint8Array([...update([[7, 3, '{}']]), 0]);
		expect(isEcho(trailing, awareness)).toBe(false);
	});
});

describe('mergePresenceUpdates', () => {
	it('keeps each client’s last entry, as a real client applies it', () => {
		const merged = mergePresenceUpdates([
			update([[7, 1, '{"cursor":1}']]),
			update([
				[8, 1, '{"cursor":"ä"}'],
				[7, 2, '{"cursor":2}']
			]),
			update([[8, 2, 'null']])
		]);
		expect(readPresenceUpdate(merged)).toEqual([
			{ clientId: 7, clock: 2, state: { cursor: 2 }, bytes: 12 },
			{ clientId: 8, clock: 2, state: null, bytes: 4 }
		]);
		const awareness = new awarenessProtocol.Awareness(new Y.Doc());
		awarenessProtocol.applyAwarenessUpdate(awareness, merged, null);
		expect(awareness.getStates().get(7)).toEqual({ cursor: 2 });
		expect(awareness.getStates().has(8)).toBe(false);
	});
});
