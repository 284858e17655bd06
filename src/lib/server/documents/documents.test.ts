import { describe, expect, it } from 'vitest';
import { recordChanges } from '../db/changes-test-support';
import { createTestDatabase } from '../db/test-database';
import { slugify } from '../slug';
import {
	createDocument,
	deleteDocument,
	setArchived,
	setStatus,
	setViewersMayComment,
	setViewersMayPropose
} from './documents';

describe('document slugs', () => {
	it('spells umlauts out and cuts long titles at a word', () => {
		expect(slugify('Gemeinsame Erklärung: Größe & Maß', 'dokument')).toBe(
			'gemeinsame-erklaerung-groesse-mass'
		);
		const long = slugify(
			'Leitbild „Chancengerechtigkeit und Armutsfolgenbekämpfung im Kreis Unna“',
			'dokument'
		);
		expect(long.length).toBeLessThanOrEqual(60);
		expect(long).toBe('leitbild-chancengerechtigkeit-und-armutsfolgenbekaempfung-im');
	});

	it('keeps slugs unique', () => {
		const db = createTestDatabase();
		const first = createDocument(db, { title: 'Protokoll', kind: 'sonstiges', createdBy: null });
		const second = createDocument(db, { title: 'Protokoll', kind: 'sonstiges', createdBy: null });
		expect([first.slug, second.slug]).toEqual(['protokoll', 'protokoll-2']);
	});
});

describe('document changes', () => {
	it('has open connections checked again when who may do what in a document changes', async () => {
		const db = createTestDatabase();
		const { id } = createDocument(db, { title: 'Leitbild', kind: 'leitbild', createdBy: null });
		const told = recordChanges(db);
		setStatus(db, id, 'in-abstimmung', null);
		expect(await told()).toEqual([]);
		for (const change of [
			() => setViewersMayComment(db, id, false),
			() => setViewersMayPropose(db, id, false),
			() => setArchived(db, id, true),
			() => setArchived(db, id, false),
			() => deleteDocument(db, id)
		]) {
			change();
			expect(await told()).toEqual([{ topic: 'access' }]);
		}
	});
});
