import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
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
	loadUpdates
} from './update-store';

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

		// Later updates still apply on top of the compacted state.
		text.insert(0, 'Anfang ');
		expect(loadDocument(db, id).getText('t').toString()).toBe(text.toString());
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
