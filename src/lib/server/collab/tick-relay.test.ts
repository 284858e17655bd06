import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { TickRelay } from './tick-relay';

function turn(): Promise<void> {
	return new Promise((resolve) => setImmediate(resolve));
}

function recorder() {
	const sent: { kind: 'update' | 'presence'; bytes: Uint8Array }[] = [];
	const relay = new TickRelay({
		update: (bytes) => sent.push({ kind: 'update', bytes }),
		presence: (bytes) => sent.push({ kind: 'presence', bytes })
	});
	return { sent, relay };
}

function presence(clientId: number, clock: number, state: unknown): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, 1);
	encoding.writeVarUint(encoder, clientId);
	encoding.writeVarUint(encoder, clock);
	encoding.writeVarString(encoder, JSON.stringify(state));
	return encoding.toUint8Array(encoder);
}

describe('the tick relay', () => {
	it('sends the changes of one turn as one update, then the presence as one', async () => {
		const { sent, relay } = recorder();
		const typist = new Y.Doc();
		const other = new Y.Doc();
		const updates: Uint8Array[] = [];
		typist.on('update', (update: Uint8Array) => updates.push(update));
		other.on('update', (update: Uint8Array) => updates.push(update));
		const text = typist.getText('t');
		for (const letter of 'Leitbild') text.insert(text.length, letter);
		other.getArray('marks').push([1, 2]);
		text.delete(0, 1);
		for (const update of updates) relay.update(update);
		relay.presence(presence(1, 1, { cursor: 1 }));
		relay.presence(presence(2, 1, { cursor: 5 }));
		relay.presence(presence(1, 2, { cursor: 2 }));
		expect(sent).toEqual([]);

		await turn();
		expect(sent.map((message) => message.kind)).toEqual(['update', 'presence']);
		const reader = new Y.Doc();
		Y.applyUpdate(reader, sent[0].bytes);
		expect(reader.getText('t').toString()).toBe('eitbild');
		expect(reader.getArray('marks').toArray()).toEqual([1, 2]);
		const awareness = new awarenessProtocol.Awareness(reader);
		awarenessProtocol.applyAwarenessUpdate(awareness, sent[1].bytes, null);
		expect(awareness.getStates().get(1)).toEqual({ cursor: 2 });
		expect(awareness.getStates().get(2)).toEqual({ cursor: 5 });
	});

	it('sends a lone message as it came, and each turn after the one before', async () => {
		const { sent, relay } = recorder();
		const writer = new Y.Doc();
		const updates: Uint8Array[] = [];
		writer.on('update', (update: Uint8Array) => updates.push(update));
		writer.getText('t').insert(0, 'Kreis');
		relay.update(updates[0]);
		await turn();
		writer.getText('t').insert(5, ' Unna');
		relay.update(updates[1]);
		await turn();
		expect(sent.map((message) => message.bytes)).toEqual(updates);
		await turn();
		expect(sent).toHaveLength(2);
	});

	it('sends at once when flushed, and not again', async () => {
		const { sent, relay } = recorder();
		relay.presence(presence(1, 1, {}));
		relay.flush();
		expect(sent).toHaveLength(1);
		await turn();
		expect(sent).toHaveLength(1);
	});
});
