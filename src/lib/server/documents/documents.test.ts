import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../db/test-database';
import { slugify } from '../slug';
import { createDocument } from './documents';

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
