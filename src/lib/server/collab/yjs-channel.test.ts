import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import { afterEach, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import * as Y from 'yjs';
import { createTestDatabase } from '../db/test-database';
import { createDocument } from '../documents/documents';
import type { AppDatabase } from '../db/database';
import type { Actor } from '../policy';
import { FakeSocket as RecordingSocket } from '../realtime/fake-socket-test-support';
import type { ChannelContext } from '../realtime/realtime-server';
import { appendUpdate, loadDocument, loadUpdates, replaceUpdates } from './update-store';
import { createYjsChannel } from './yjs-channel';

/** A socket as the Yjs channel sees one, which can also say what presence it was sent. */
class FakeSocket extends RecordingSocket<Uint8Array> {
	/** The presence messages it was sent (type 1), as raw awareness updates. */
	presenceMessages(): Uint8Array[] {
		return this.sent
			.map((message) => decoding.createDecoder(message))
			.filter((decoder) => decoding.readVarUint(decoder) === 1)
			.map((decoder) => decoding.readVarUint8Array(decoder));
	}
}

const editor: Actor = { kind: 'member', userId: 'emil', admin: false, memberships: [] };
/** Every socket a test opened: closing them drops the documents, as at shutdown. */
const sockets: FakeSocket[] = [];

/** A channel over the document `id` (a new one unless given): a second over the same database
 * is what a restarted server opens. */
function setup(
	db: AppDatabase,
	limits: { documentBytes?: number; presenceBytes?: number } = {},
	id = createDocument(db, { title: 'Quote', kind: 'sonstiges', createdBy: null }).id
) {
	const resource = {
		type: 'document' as const,
		documentId: id,
		archived: false,
		viewersMayComment: false,
		viewersMayPropose: false
	};
	const channel = createYjsChannel({
		action: 'document:read',
		resource: () => resource,
		documentName: () => id,
		access: () => 'write',
		maxStoredBytes: limits.documentBytes ?? 1 << 20,
		presence: { stateBytes: 1024, documentBytes: limits.presenceBytes ?? 64 << 10 },
		store: {
			load: (name) => loadUpdates(db, name),
			append: (name, update) => appendUpdate(db, name, update),
			compact: (name, state) => replaceUpdates(db, name, state)
		}
	});
	const connect = (actor: Actor = editor) => {
		const socket = new FakeSocket();
		sockets.push(socket);
		const context: ChannelContext = {
			actor,
			url: new URL(`http://localhost/collab/document/${id}`),
			path: { channel: 'document', rest: [id] },
			resource,
			address: '127.0.0.1'
		};
		channel.onConnection(socket as unknown as WebSocket, context);
		return socket;
	};
	return { id, channel, connect };
}

afterEach(() => {
	for (const socket of sockets.splice(0)) socket.close(1001, 'Server wird beendet');
});

/** Changes and presence are relayed once per turn of the event loop: after this. */
function relayed(): Promise<void> {
	return new Promise((resolve) => setImmediate(resolve));
}

function updateMessage(update: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, 0);
	syncProtocol.writeUpdate(encoder, update);
	return encoding.toUint8Array(encoder);
}

/** A client's document: each change it makes is sent to the socket as the browser would. */
function writer(socket: FakeSocket) {
	const ydoc = new Y.Doc();
	ydoc.on('update', (update: Uint8Array) => socket.receive(updateMessage(update)));
	const text = ydoc.getText('t');
	return { ydoc, text };
}

function presenceMessage(entries: [clientId: number, state: unknown][], clock = 1): Uint8Array {
	const update = encoding.createEncoder();
	encoding.writeVarUint(update, entries.length);
	for (const [clientId, state] of entries) {
		encoding.writeVarUint(update, clientId);
		encoding.writeVarUint(update, clock);
		encoding.writeVarString(update, JSON.stringify(state));
	}
	const message = encoding.createEncoder();
	encoding.writeVarUint(message, 1);
	encoding.writeVarUint8Array(message, encoding.toUint8Array(update));
	return encoding.toUint8Array(message);
}

function storedBytes(db: AppDatabase, id: string): number {
	return loadUpdates(db, id).reduce((sum, update) => sum + update.length, 0);
}

/** Reads each frame as the y-websocket client does: one message per frame. */
function readAsClient(ydoc: Y.Doc, frames: Uint8Array[]): void {
	for (const frame of frames) {
		const decoder = decoding.createDecoder(frame);
		if (decoding.readVarUint(decoder) !== 0) continue;
		syncProtocol.readSyncMessage(decoder, encoding.createEncoder(), ydoc, 'server');
	}
}

describe('relaying changes', () => {
	it('stores each change at once and relays those of one turn as one frame, in order', async () => {
		const db = createTestDatabase();
		const { id, connect } = setup(db);
		const reader = connect();
		const greeting = reader.sent.length;
		const { ydoc, text } = writer(connect());
		for (const word of ['Kreis ', 'Unna ', 'für ', 'alle']) text.insert(text.length, word);
		text.delete(0, 6);
		// On disk before anyone hears of it.
		expect(loadDocument(db, id).getText('t').toString()).toBe('Unna für alle');
		expect(reader.sent.length).toBe(greeting);

		await relayed();
		expect(reader.sent.length).toBe(greeting + 1);
		const client = new Y.Doc();
		readAsClient(client, reader.sent);
		expect(client.getText('t').toString()).toBe(ydoc.getText('t').toString());

		text.insert(0, 'Der ');
		await relayed();
		expect(reader.sent.length).toBe(greeting + 2);
		readAsClient(client, reader.sent.slice(-1));
		expect(client.getText('t').toString()).toBe('Der Unna für alle');
	});

	it('sends a fresh client the whole document in answer to its first sync step', () => {
		const db = createTestDatabase();
		const first = setup(db);
		const socket = first.connect();
		writer(socket).text.insert(0, 'Leitbild');
		socket.close(1001, 'Server wird beendet');

		const reopened = setup(db, {}, first.id);
		const fresh = reopened.connect();
		const step1 = encoding.createEncoder();
		encoding.writeVarUint(step1, 0);
		syncProtocol.writeSyncStep1(step1, new Y.Doc());
		fresh.receive(encoding.toUint8Array(step1));
		const client = new Y.Doc();
		readAsClient(client, fresh.sent);
		expect(client.getText('t').toString()).toBe('Leitbild');
	});
});

describe('the document storage limit', () => {
	it('refuses a change with no room: not stored, not relayed, its sender told why', async () => {
		const db = createTestDatabase();
		const { id, connect } = setup(db, { documentBytes: 4000 });
		const reader = connect();
		const socket = connect();
		const { text } = writer(socket);
		text.insert(0, 'x'.repeat(1500));
		text.insert(0, 'y'.repeat(1500));
		await relayed();
		const relayedBefore = reader.sent.length;

		text.insert(0, 'z'.repeat(1500));
		await relayed();
		expect(socket.closedWith).toEqual({
			code: 4413,
			reason: 'Dieses Dokument hat seine Speichergrenze erreicht.'
		});
		expect(storedBytes(db, id)).toBeLessThanOrEqual(4000);
		expect(reader.sent.length).toBe(relayedBefore);
		expect(reader.closedWith).toBeNull();
		expect(loadDocument(db, id).getText('t').toString()).toBe('y'.repeat(1500) + 'x'.repeat(1500));
	});

	it('counts what was stored before the document was opened, as after a restart', () => {
		const db = createTestDatabase();
		const first = setup(db, { documentBytes: 4000 });
		const socket = first.connect();
		writer(socket).text.insert(0, 'x'.repeat(3500));
		socket.close(1001, 'Server wird beendet');

		const reopened = setup(db, { documentBytes: 4000 }, first.id);
		const again = reopened.connect();
		writer(again).text.insert(0, 'y'.repeat(600));
		expect(again.closedWith?.code).toBe(4413);
		expect(loadDocument(db, first.id).getText('t').toString()).toBe('x'.repeat(3500));
	});

	it('makes room by compacting, then takes changes again', () => {
		const db = createTestDatabase();
		const { id, connect } = setup(db, { documentBytes: 6000 });
		const socket = connect();
		const { ydoc, text } = writer(socket);
		// Written and deleted: the history is large, the text small.
		for (let i = 0; i < 4; i++) text.insert(text.length, 'w'.repeat(1000));
		text.delete(0, text.length);
		expect(storedBytes(db, id)).toBeGreaterThan(4000);

		text.insert(0, 'Neu: '.repeat(400));
		expect(socket.closedWith).toBeNull();
		expect(storedBytes(db, id)).toBeLessThanOrEqual(6000);
		expect(loadDocument(db, id).getText('t').toString()).toBe(ydoc.getText('t').toString());
	});
});

describe('presence limits', () => {
	const caret = (name: string, padding = 0) => ({
		user: { name, color: '#1d4ed8' },
		pad: 'p'.repeat(padding)
	});

	it('closes a connection that sends too large a state or speaks for too many clients', () => {
		const db = createTestDatabase();
		const { connect } = setup(db);
		const large = connect();
		large.receive(presenceMessage([[1, caret('Vera', 2000)]]));
		expect(large.closedWith).toEqual({ code: 4400, reason: 'Anwesenheitsangabe zu groß.' });

		const many = connect();
		many.receive(presenceMessage([1, 2, 3, 4].map((id) => [id, caret(`K${id}`)])));
		expect(many.closedWith).toBeNull();
		// Echoes of what others sent are not news and do not count; a fifth client of its own does.
		many.receive(
			presenceMessage([
				[1, caret('K1')],
				[99, null]
			])
		);
		expect(many.closedWith).toBeNull();
		many.receive(presenceMessage([[5, caret('K5')]]));
		expect(many.closedWith).toEqual({
			code: 4429,
			reason: 'Zu viele Anwesenheitsangaben über eine Verbindung.'
		});
	});

	it('keeps what a newcomer receives within the document’s bound, and real carets in it', async () => {
		const db = createTestDatabase();
		const { connect } = setup(db, { presenceBytes: 16 << 10 });
		const emil = connect();
		emil.receive(presenceMessage([[7, caret('Emil Redaktion')]]));
		let clientId = 100;
		for (let attacker = 0; attacker < 12; attacker++) {
			const socket = connect({
				kind: 'member',
				userId: `a${attacker}`,
				admin: false,
				memberships: []
			});
			for (let i = 0; i < 4; i++) socket.receive(presenceMessage([[clientId++, caret('x', 900)]]));
			expect(socket.closedWith).toBeNull();
		}
		const newcomer = connect();
		const [greeting] = newcomer.presenceMessages();
		expect(greeting.length).toBeLessThanOrEqual(17 << 10);
		const doc = new Y.Doc();
		const awareness = new awarenessProtocol.Awareness(doc);
		awarenessProtocol.applyAwarenessUpdate(awareness, greeting, null);
		expect((awareness.getStates().get(7) as { user: { name: string } }).user.name).toBe(
			'Emil Redaktion'
		);
		// Emil's renewal still passes the full document, and reaches the newcomer.
		emil.receive(presenceMessage([[7, caret('Emil Redaktion, wieder da')]], 2));
		await relayed();
		expect(newcomer.presenceMessages()).toHaveLength(2);
	});

	it('forgets the presence of a closed connection, making room for others', () => {
		const db = createTestDatabase();
		const { connect } = setup(db, { presenceBytes: 4 << 10 });
		const first = connect();
		first.receive(presenceMessage([1, 2, 3, 4].map((id) => [id, caret('x', 900)])));
		const second = connect();
		second.receive(presenceMessage([[9, caret('Sina', 900)]]));
		const watcher = connect();
		expect(watcher.presenceMessages()).toHaveLength(1);
		const heldBefore = watcher.presenceMessages()[0].length;
		first.close(1000, '');
		second.receive(presenceMessage([[9, caret('Sina', 900)]], 2));
		const latecomer = connect();
		const [greeting] = latecomer.presenceMessages();
		expect(greeting.length).toBeLessThan(heldBefore);
		expect(new TextDecoder().decode(greeting)).toContain('Sina');
	});
});

describe('the Yjs channel’s loaded documents', () => {
	it('counts a document while someone has it open, and no longer after', () => {
		const db = createTestDatabase();
		const { channel, connect } = setup(db);
		expect(channel.loadedDocuments).toBe(0);
		const first = connect();
		const second = connect();
		expect(channel.loadedDocuments).toBe(1);
		first.close(1000, 'fertig');
		expect(channel.loadedDocuments).toBe(1);
		second.close(1000, 'fertig');
		expect(channel.loadedDocuments).toBe(0);
	});
});
