import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { transaction } from '../db/database';
import { runSeeds } from '../db/seeds';
import { createTestDatabase } from '../db/test-database';
import { jsonFromYDoc, plainText } from '../documents/document-state';
import { createDocument, listDocuments } from '../documents/documents';
import { documentsSeed } from '../documents/documents-seed';
import {
	appendUpdate,
	compactDocument,
	countUpdates,
	loadDocument,
	loadUpdates,
	replaceUpdates
} from './update-store';
import { findDocument } from '../documents/documents';

describe('the update store', () => {
	it('folds many updates into one row that loads to the same content', () => {
		const db = createTestDatabase();
		const { id } = createDocument(db, { title: 'Test', kind: 'sonstiges', createdBy: null });
		const writer = new Y.Doc();
		writer.on('update', (update: Uint8Array) => appendUpdate(db, id, update));
		const text = writer.getText('t');
		for (let i = 0; i < 300; i++) text.insert(text.length, `${i} `);
		text.delete(0, 10);
		expect(countUpdates(db, id)).toBe(301);

		const before = loadDocument(db, id).getText('t').toString();
		const bytes = compactDocument(db, id);
		expect(countUpdates(db, id)).toBe(1);
		expect(bytes).toBe(loadUpdates(db, id)[0].length);
		expect(compactDocument(db, id)).toBe(bytes);
		expect(loadDocument(db, id).getText('t').toString()).toBe(before);
		expect(before).toBe(text.toString());

		// Read inside a transaction too, as a new version does.
		expect(transaction(db, (tx) => loadUpdates(tx, id))).toEqual(loadUpdates(db, id));

		// Later updates still apply on top of the compacted state.
		text.insert(0, 'Anfang ');
		expect(loadDocument(db, id).getText('t').toString()).toBe(text.toString());
	});

	it('replaces the rows with a live state, keeping the newest row’s place', () => {
		const db = createTestDatabase();
		const { id } = createDocument(db, { title: 'Test', kind: 'sonstiges', createdBy: null });
		const live = new Y.Doc();
		live.on('update', (update: Uint8Array) => appendUpdate(db, id, update));
		const text = live.getText('t');
		for (let i = 0; i < 50; i++) text.insert(text.length, `${i} `);
		const newest = db.$client
			.prepare('select max(id) as id from document_update where document_id = ?')
			.get(id) as { id: number };

		const state = Y.encodeStateAsUpdate(live);
		expect(replaceUpdates(db, id, state)).toBe(state.length);
		// Stored blobs come back as Buffers, which are Uint8Arrays with the same bytes.
		expect(loadUpdates(db, id).map((update) => new Uint8Array(update))).toEqual([state]);
		expect(
			db.$client.prepare('select id from document_update where document_id = ?').get(id)
		).toEqual({ id: newest.id });
		text.insert(0, 'Anfang ');
		expect(loadDocument(db, id).getText('t').toString()).toBe(text.toString());

		const { id: empty } = createDocument(db, { title: 'Leer', kind: 'sonstiges', createdBy: null });
		expect(replaceUpdates(db, empty, Y.encodeStateAsUpdate(new Y.Doc()))).toBe(0);
		expect(countUpdates(db, empty)).toBe(0);
	});

	it('reads every stored byte back unchanged, row by row', () => {
		const db = createTestDatabase();
		const { id } = createDocument(db, { title: 'Test', kind: 'sonstiges', createdBy: null });
		expect(loadUpdates(db, id)).toEqual([]);
		// Every byte value, NUL and bytes that are no UTF-8 among them, at the ends of rows too.
		const everyByte = Uint8Array.from({ length: 256 }, (_, value) => value);
		const rows = [everyByte, everyByte.slice().reverse(), Uint8Array.of(0), Uint8Array.of(0xff, 0)];
		for (const row of rows) appendUpdate(db, id, row);
		const { id: other } = createDocument(db, {
			title: 'Andere',
			kind: 'sonstiges',
			createdBy: null
		});
		appendUpdate(db, other, Uint8Array.of(1, 2, 3));
		expect(loadUpdates(db, id).map((update) => new Uint8Array(update))).toEqual(rows);
		expect(loadUpdates(db, other).map((update) => new Uint8Array(update))).toEqual([
			Uint8Array.of(1, 2, 3)
		]);
	});

	it('notes when the text last changed', () => {
		const db = createTestDatabase();
		const { id } = createDocument(db, { title: 'Test', kind: 'sonstiges', createdBy: null });
		const writer = new Y.Doc();
		writer.getText('t').insert(0, 'Kreis Unna');
		const when = new Date('2026-12-07T10:00:00.123Z');
		appendUpdate(db, id, Y.encodeStateAsUpdate(writer), when);
		expect(findDocument(db, id)?.updatedAt).toEqual(when);
	});

	it('seeds the Leitbild and the Selbstverpflichtung once, each text present once', () => {
		const db = createTestDatabase();
		runSeeds(db, [documentsSeed()]);
		runSeeds(db, [documentsSeed()]);
		const documents = listDocuments(db);
		expect(documents.map((d) => d.kind)).toEqual(['leitbild', 'selbstverpflichtung']);
		const leitbild = plainText(jsonFromYDoc(loadDocument(db, documents[0].id)));
		expect(leitbild.match(/Ratsuchende Menschen und ihre Familien/g)).toHaveLength(1);
		expect(leitbild).toContain('Arbeitsweise und Netzwerk');
		const json = jsonFromYDoc(loadDocument(db, documents[0].id));
		const ids = (json.content ?? []).map((block) => block.attrs?.id);
		expect(ids.every((id) => typeof id === 'string' && id.length > 0)).toBe(true);
		expect(new Set(ids).size).toBe(ids.length);
	});
});
