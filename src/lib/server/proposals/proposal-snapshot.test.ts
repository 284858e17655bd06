import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { appendUpdate, loadDocument } from '../collab/update-store';
import type { AppDatabase } from '../db/database';
import { annotation, organisation, user, type AnnotationState } from '../db/schema';
import { createTestDatabase } from '../db/test-database';
import { yjsUpdateFromJSON } from '../documents/document-state';
import { createDocument } from '../documents/documents';
import { markdownToDocument } from '../documents/markdown';
import { freezeVersion } from '../documents/versions';
import { parseProposalsSnapshot } from './proposal-snapshot';
import { anchorsAround, blockText } from './proposal-test-support';
import { textWithProposals } from './text-with-proposals';

function setup() {
	const db = createTestDatabase();
	db.insert(user)
		.values({ id: 'erika', email: 'erika@kamen.de', name: 'Erika Muster', passwordHash: 'x' })
		.run();
	db.insert(organisation)
		.values({
			id: 'kamen',
			slug: 'kamen',
			name: 'Stadt Kamen',
			shortName: 'Kamen',
			kind: 'kommune'
		})
		.run();
	const doc = createDocument(db, { title: 'Leitbild', kind: 'leitbild', createdBy: null });
	appendUpdate(
		db,
		doc.id,
		yjsUpdateFromJSON(markdownToDocument('Wir stärken die Netzwerke im Kreis.'))
	);
	return { db, doc };
}

/** Stores a proposal as suggestion mode will: anchored in the stored text. */
function propose(
	db: AppDatabase,
	documentId: string,
	words: string,
	fields: { text: string; state?: AnnotationState; reason?: string; at?: number }
) {
	const ydoc = loadDocument(db, documentId);
	const anchors = anchorsAround(blockText(ydoc, 0), words);
	ydoc.destroy();
	const id = crypto.randomUUID();
	db.insert(annotation)
		.values({
			id,
			documentId,
			kind: 'proposal',
			...anchors,
			proposedText: fields.text,
			state: fields.state ?? 'open',
			reason: fields.reason ?? null,
			organisationId: 'kamen',
			createdBy: 'erika',
			createdAt: new Date(fields.at ?? Date.UTC(2026, 10, 20, 9))
		})
		.run();
	return id;
}

/** Changes the stored text: the words of `from` become `to`. */
function edit(db: AppDatabase, documentId: string, from: string, to: string) {
	const ydoc = loadDocument(db, documentId);
	const before = Y.encodeStateVector(ydoc);
	const text = blockText(ydoc, 0);
	const index = text.toString().indexOf(from);
	text.delete(index, from.length);
	text.insert(index, to);
	appendUpdate(db, documentId, Y.encodeStateAsUpdate(ydoc, before));
	ydoc.destroy();
}

describe('proposals in frozen versions', () => {
	it('a version records the open proposals of its moment, outdated ones flagged', () => {
		const { db, doc } = setup();
		const open = propose(db, doc.id, 'stärken', { text: 'festigen', reason: 'Klarer.' });
		const stale = propose(db, doc.id, 'Netzwerke', {
			text: 'Netze',
			at: Date.UTC(2026, 10, 21)
		});
		propose(db, doc.id, 'im Kreis', { text: 'hier', state: 'rejected' });
		edit(db, doc.id, 'Netzwerke', 'Verbünde');

		const frozen = freezeVersion(db, { documentId: doc.id, name: 'Entwurf', userId: null });
		if (!frozen.ok) throw new Error(frozen.message);
		const snapshot = parseProposalsSnapshot(frozen.version.proposalsSnapshot);
		expect(snapshot).toEqual([
			expect.objectContaining({
				id: open,
				quote: 'stärken',
				text: 'festigen',
				reason: 'Klarer.',
				organisationId: 'kamen',
				organisationName: 'Stadt Kamen',
				authorId: 'erika',
				createdAt: Date.UTC(2026, 10, 20, 9),
				outdated: false
			}),
			expect.objectContaining({ id: stale, quote: 'Netzwerke', outdated: true })
		]);
		expect(snapshot[0].anchorStart).toMatch(/^[A-Za-z0-9+/=]+$/);
	});

	it('the version keeps its proposals while the live ones change', () => {
		const { db, doc } = setup();
		const first = propose(db, doc.id, 'stärken', { text: 'festigen' });
		const frozen = freezeVersion(db, { documentId: doc.id, name: 'Entwurf', userId: null });
		if (!frozen.ok) throw new Error(frozen.message);
		// Afterwards: the proposal is rejected, a new one made, the text changed.
		db.update(annotation).set({ state: 'rejected' }).run();
		const later = propose(db, doc.id, 'Netzwerke', { text: 'Netze' });
		edit(db, doc.id, 'Wir', 'Alle');

		const version = textWithProposals(db, doc.id, frozen.version);
		expect(version.proposals.map((p) => [p.id, p.authorName, p.outdated])).toEqual([
			[first, 'Erika Muster', false]
		]);
		expect(version.json.content![0].content!.map((n) => n.text)).toEqual([
			'Wir ',
			'stärken',
			'festigen',
			' die Netzwerke im Kreis.'
		]);
		const current = textWithProposals(db, doc.id);
		expect(current.proposals.map((p) => p.id)).toEqual([later]);
		expect(current.json.content![0].content!.map((n) => n.text)).toEqual([
			'Alle stärken die ',
			'Netzwerke',
			'Netze',
			' im Kreis.'
		]);
	});

	it('a version frozen before proposals existed has none', () => {
		expect(parseProposalsSnapshot(null)).toEqual([]);
	});
});
