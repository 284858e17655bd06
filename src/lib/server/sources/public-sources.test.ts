import { describe, expect, it } from 'vitest';
import type { PmNode } from '../../editor/pm-node';
import { publicPassageSources } from './public-sources';
import type { LinkedSource, SourceDetail } from './source-details';

const doc: PmNode = {
	type: 'doc',
	content: [
		{ type: 'paragraph', attrs: { id: 'p1' }, content: [{ type: 'text', text: 'Wir vernetzen.' }] },
		{ type: 'paragraph', attrs: { id: 'p2' }, content: [{ type: 'text', text: 'Ohne Quelle.' }] }
	]
};
const card = (votes: number): SourceDetail => ({
	kind: 'card',
	key: `card:${votes}`,
	eventTitle: 'Konferenz',
	group: 'AG 1',
	column: 'Ideen',
	text: `Karte mit ${votes}`,
	votes
});

describe('publicPassageSources', () => {
	it('names only sources with at least three people behind them and counts the rest', () => {
		const links: LinkedSource[] = [
			{ blockId: 'p1', source: card(3) },
			{ blockId: 'p1', source: card(2) },
			{
				blockId: 'p1',
				source: {
					kind: 'poll-option',
					key: 'o',
					eventTitle: 'Konferenz',
					question: 'Wie weiter?',
					option: 'Runder Tisch',
					votes: 4,
					respondents: 10
				}
			},
			{
				blockId: 'p1',
				source: {
					kind: 'poll-answer',
					key: 'a',
					eventTitle: 'Konferenz',
					question: 'Was noch?',
					text: 'Meine eigenen Worte'
				}
			}
		];
		expect(publicPassageSources(doc, links)).toEqual([
			{
				title: 'Abschnitt 1',
				excerpt: 'Wir vernetzen.',
				sources: [
					'Karte „Karte mit 3“ – Konferenz, AG 1, Spalte „Ideen“, 3 Punkte',
					'Umfrage „Wie weiter?“ – Konferenz: Antwort „Runder Tisch“, 4 von 10 Personen (40 %)'
				],
				unnamed: 2
			}
		]);
	});
});
