import { updateYFragment } from '@tiptap/y-tiptap';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { documentFragment } from '../../editor/extensions';
import { appendUpdate, loadDocument } from '../collab/update-store';
import type { AppDatabase } from '../db/database';
import { documentVersion } from '../db/schema';
import { createTestDatabase } from '../db/test-database';
import { listActivity } from './activity';
import { compareTexts } from './compare';
import { canonicalJson, contentHash } from './content-hash';
import { documentSchema, yjsUpdateFromJSON } from './document-state';
import { createDocument } from './documents';
import { markdownToDocument, type PmNode } from './markdown';
import {
	currentContent,
	findVersion,
	freezeVersion,
	listVersions,
	restoreVersion,
	versionContent,
	type ChangeDocument
} from './versions';

/** Stands in for the live channel: applies the edit to the stored state and stores the change. */
function changeIn(db: AppDatabase): ChangeDocument {
	return (documentId, edit) => {
		const ydoc = loadDocument(db, documentId);
		const before = Y.encodeStateVector(ydoc);
		edit(ydoc);
		appendUpdate(db, documentId, Y.encodeStateAsUpdate(ydoc, before));
		ydoc.destroy();
	};
}

/** Replaces the text of the paragraph whose text starts with `start` (an edit as a client makes). */
function editParagraph(db: AppDatabase, documentId: string, start: string, text: string) {
	const json = currentContent(db, documentId);
	const paragraph = json.content!.find((node) => node.content?.[0]?.text?.startsWith(start))!;
	paragraph.content = [{ type: 'text', text }];
	changeIn(db)(documentId, (ydoc) =>
		updateYFragment(
			ydoc,
			ydoc.getXmlFragment(documentFragment),
			documentSchema().nodeFromJSON(json),
			{
				mapping: new Map(),
				isOMark: new Map()
			}
		)
	);
}

function documentWith(db: AppDatabase, markdown: string) {
	const row = createDocument(db, { title: 'Leitbild', kind: 'leitbild', createdBy: null });
	appendUpdate(db, row.id, yjsUpdateFromJSON(markdownToDocument(markdown)));
	return row;
}

describe('content hash', () => {
	it('does not depend on the order of keys', () => {
		expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(
			'{"a":{"c":null,"d":[1,{"x":1,"y":2}]},"b":1}'
		);
		expect(contentHash({ type: 'doc', attrs: { a: 1, b: 2 } })).toBe(
			contentHash({ attrs: { b: 2, a: 1 }, type: 'doc' })
		);
		expect(contentHash({ type: 'doc' })).toMatch(/^[0-9a-f]{64}$/);
	});
});

describe('named versions', () => {
	it('freezes the current text with its state, HTML, plain text and hash', () => {
		const db = createTestDatabase();
		const doc = documentWith(
			db,
			'## Präambel\n\nArmut schränkt Chancen ein.\n\n- Erstens\n- Zweitens'
		);
		const result = freezeVersion(db, {
			documentId: doc.id,
			name: '  Entwurf   für die AG ',
			userId: null
		});
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		const version = result.version;
		expect(version).toMatchObject({ number: 1, name: 'Entwurf für die AG' });
		expect(version.html).toMatch(/<h2[^>]*><span class="passage-number">1<\/span> Präambel<\/h2>/);
		expect(version.html).toMatch(/<li[^>]*>.*Erstens.*<\/li>/);
		expect(version.plainText).toContain('Armut schränkt Chancen ein.');
		expect(version.contentHash).toBe(contentHash(versionContent(version)));
		// The Yjs state holds the same text.
		const ydoc = new Y.Doc();
		Y.applyUpdate(ydoc, new Uint8Array(version.yjsState));
		expect(ydoc.getXmlFragment(documentFragment).toString()).toContain(
			'Armut schränkt Chancen ein.'
		);
		expect(listActivity(db, doc.id).map((a) => [a.kind, a.versionNumber])).toEqual([['freeze', 1]]);
	});

	it('refuses empty, overlong and duplicate names and writes nothing', () => {
		const db = createTestDatabase();
		const doc = documentWith(db, 'Text.');
		expect(freezeVersion(db, { documentId: doc.id, name: 'Entwurf', userId: null }).ok).toBe(true);
		for (const name of ['', '   ', 'x'.repeat(121), 'entwurf', ' ENTWURF ']) {
			const result = freezeVersion(db, { documentId: doc.id, name, userId: null });
			expect(result.ok, name).toBe(false);
		}
		expect(listVersions(db, doc.id)).toHaveLength(1);
		// The same name in another document is fine.
		const other = documentWith(db, 'Anderer Text.');
		expect(freezeVersion(db, { documentId: other.id, name: 'Entwurf', userId: null }).ok).toBe(
			true
		);
	});

	it('never changes a frozen version', () => {
		const db = createTestDatabase();
		const doc = documentWith(db, 'Text.');
		freezeVersion(db, { documentId: doc.id, name: 'Eins', userId: null });
		expect(() =>
			db
				.update(documentVersion)
				.set({ name: 'Anders' })
				.where(eq(documentVersion.documentId, doc.id))
				.run()
		).toThrow(/immutable/);
		expect(findVersion(db, doc.id, 1)?.name).toBe('Eins');
	});

	it('gives the same text the same hash, and a changed text another', () => {
		const db = createTestDatabase();
		const doc = documentWith(db, 'Wir handeln gemeinsam.');
		const first = freezeVersion(db, { documentId: doc.id, name: 'A', userId: null });
		const second = freezeVersion(db, { documentId: doc.id, name: 'B', userId: null });
		editParagraph(db, doc.id, 'Wir', 'Wir handeln gemeinsam und verbindlich.');
		const third = freezeVersion(db, { documentId: doc.id, name: 'C', userId: null });
		if (!first.ok || !second.ok || !third.ok) throw new Error('not frozen');
		expect(second.version.contentHash).toBe(first.version.contentHash);
		expect(third.version.contentHash).not.toBe(first.version.contentHash);
	});

	it('freeze, edit, freeze: the comparison shows exactly the changed words; restore brings the text back as a new change', () => {
		const db = createTestDatabase();
		const doc = documentWith(
			db,
			'## Ziele\n\nWir bekämpfen die Folgen von Armut gemeinsam.\n\nZweiter Absatz bleibt.'
		);
		const first = freezeVersion(db, { documentId: doc.id, name: 'Erste Fassung', userId: null });
		editParagraph(
			db,
			doc.id,
			'Wir',
			'Wir bekämpfen die Folgen von Armut verbindlich und kreisweit.'
		);
		const second = freezeVersion(db, { documentId: doc.id, name: 'Zweite Fassung', userId: null });
		if (!first.ok || !second.ok) throw new Error('not frozen');

		const comparison = compareTexts(versionContent(first.version), versionContent(second.version));
		const changed = comparison.blocks.filter((block) => block.status !== 'same');
		expect(changed).toHaveLength(1);
		expect(changed[0].parts.filter((p) => p.op === 'delete').map((p) => p.text.trim())).toEqual([
			'gemeinsam'
		]);
		expect(changed[0].parts.filter((p) => p.op === 'insert').map((p) => p.text.trim())).toEqual([
			'verbindlich und kreisweit'
		]);
		expect(comparison).toMatchObject({ insertions: 1, deletions: 1, changes: 2 });

		restoreVersion(db, changeIn(db), { version: first.version, userId: null });
		expect(contentHash(currentContent(db, doc.id))).toBe(first.version.contentHash);
		expect(listVersions(db, doc.id).map((v) => v.name)).toEqual([
			'Zweite Fassung',
			'Erste Fassung'
		]);
		expect(listActivity(db, doc.id).map((a) => a.kind)).toEqual(['restore', 'freeze', 'freeze']);
		// Restoring is a change on top of history: the newer state is still in the stored updates.
		const compared = compareTexts(currentContent(db, doc.id), versionContent(second.version));
		expect(compared.changes).toBe(2);
	});
});

describe('comparison', () => {
	const doc = (markdown: string): PmNode => markdownToDocument(markdown);

	it('marks inserted and deleted blocks whole', () => {
		const older = doc('## A\n\nEins.');
		const newer = JSON.parse(JSON.stringify(older)) as PmNode;
		newer.content!.push({
			type: 'paragraph',
			attrs: { id: 'neu' },
			content: [{ type: 'text', text: 'Neu hier.' }]
		});
		newer.content!.splice(1, 1);
		const result = compareTexts(older, newer);
		expect(result.blocks.map((b) => [b.status, b.parts.map((p) => p.text).join('')])).toEqual([
			['same', 'A'],
			['deleted', 'Eins.'],
			['inserted', 'Neu hier.']
		]);
		expect(result.changes).toBe(2);
	});

	it('notices a paragraph that became a heading', () => {
		const older = doc('Titel');
		const newer = JSON.parse(JSON.stringify(older)) as PmNode;
		newer.content![0].type = 'heading';
		newer.content![0].attrs = { ...newer.content![0].attrs, level: 2 };
		const result = compareTexts(older, newer);
		expect(result.blocks[0]).toMatchObject({ status: 'changed', formatChanged: true });
	});
});
