import { describe, expect, it } from 'vitest';
import type { PmNode } from '../../editor/pm-node';
import { passageSourceChanges, sourceChanges } from './source-changes';
import type { LinkedSource } from './source-details';

const card = (key: string, text: string, votes = 3): LinkedSource['source'] => ({
	kind: 'card',
	key,
	eventTitle: 'Konferenz',
	group: 'AG 1',
	column: 'Ideen',
	text,
	votes
});

describe('sourceChanges', () => {
	it('names the sources a passage gained and lost, by the source, not its details', () => {
		const older: LinkedSource[] = [
			{ blockId: 'p1', source: card('card:a', 'Alt') },
			{ blockId: 'p1', source: card('card:b', 'Bleibt', 3) },
			{ blockId: 'p2', source: card('card:c', 'Weg') }
		];
		const newer: LinkedSource[] = [
			// More dots since: the same source, no change.
			{ blockId: 'p1', source: card('card:b', 'Bleibt', 5) },
			{ blockId: 'p1', source: card('card:d', 'Neu') },
			{ blockId: 'p3', source: card('card:a', 'Alt') }
		];
		const changes = sourceChanges(older, newer);
		expect([...changes.keys()].sort()).toEqual(['p1', 'p2', 'p3']);
		expect(changes.get('p1')).toEqual({
			added: ['Karte „Neu“ – Konferenz, AG 1, Spalte „Ideen“, 3 Punkte'],
			removed: ['Karte „Alt“ – Konferenz, AG 1, Spalte „Ideen“, 3 Punkte']
		});
		expect(changes.get('p2')).toEqual({
			added: [],
			removed: ['Karte „Weg“ – Konferenz, AG 1, Spalte „Ideen“, 3 Punkte']
		});
		expect(changes.get('p3')?.added).toHaveLength(1);
	});

	it('finds nothing between equal states', () => {
		const links: LinkedSource[] = [{ blockId: 'p1', source: card('card:a', 'A') }];
		expect(sourceChanges(links, links).size).toBe(0);
	});
});

describe('passageSourceChanges', () => {
	const paragraph = (id: string, text: string): PmNode => ({
		type: 'paragraph',
		attrs: { id },
		content: [{ type: 'text', text }]
	});
	it('names the passages by number, in the order of the newer text, deleted ones after', () => {
		const older = {
			json: { type: 'doc', content: [paragraph('p1', 'Eins'), paragraph('p2', 'Zwei')] },
			links: [{ blockId: 'p2', source: card('card:x', 'X') }]
		};
		const newer = {
			json: { type: 'doc', content: [paragraph('p3', 'Neu'), paragraph('p1', 'Eins')] },
			links: [
				{ blockId: 'p1', source: card('card:y', 'Y') },
				{ blockId: 'p3', source: card('card:z', 'Z') },
				{ blockId: 'weg', source: card('card:w', 'W') }
			]
		};
		expect(
			passageSourceChanges(older, newer).map(({ title, added, removed }) => [
				title,
				added.length,
				removed.length
			])
		).toEqual([
			['Abschnitt 1', 1, 0],
			['Abschnitt 2', 1, 0],
			['Abschnitt 2 der älteren Fassung (nicht mehr im Text)', 0, 1]
		]);
	});
});
