import { describe, expect, it } from 'vitest';
import type { PmNode } from '../../editor/pm-node';
import { annexEmpty, annexNotRecorded, provenanceAnnex } from './annex';
import type { LinkedSource, SourceDetail } from './source-details';

const text = (value: string) => [{ type: 'text', text: value }];
const doc: PmNode = {
	type: 'doc',
	content: [
		{ type: 'heading', attrs: { id: 'h1', level: 1 }, content: text('Leitbild') },
		{ type: 'heading', attrs: { id: 's1', level: 2 }, content: text('Ziele') },
		{ type: 'paragraph', attrs: { id: 'p1' }, content: text('Wir bauen Bürokratie ab.') },
		{ type: 'paragraph', attrs: { id: 'p2' }, content: text('Wir vernetzen uns.') },
		{
			type: 'bulletList',
			content: [
				{
					type: 'listItem',
					attrs: { id: 'li1' },
					content: [{ type: 'paragraph', attrs: { id: 'p3' }, content: text('Runder Tisch') }]
				}
			]
		}
	]
};

const card: SourceDetail = {
	kind: 'card',
	key: 'card:c1',
	eventTitle: 'Zukunftskonferenz',
	group: 'AG 2: Netzwerke',
	column: 'Was fehlt?',
	text: 'Weniger „Formulare“',
	votes: 1
};
const option: SourceDetail = {
	kind: 'poll-option',
	key: 'option:q1:3',
	eventTitle: 'Zukunftskonferenz',
	question: 'Nächste Schritte?',
	option: 'Runder Tisch',
	votes: 12,
	respondents: 40
};
const answer: SourceDetail = {
	kind: 'poll-answer',
	key: 'answer:a1',
	eventTitle: 'Zukunftskonferenz',
	question: 'Was noch?',
	text: 'Mehr Beratung vor Ort'
};

describe('provenanceAnnex', () => {
	it('lists each passage with sources by its number, in the order of the text', () => {
		const links: LinkedSource[] = [
			{ blockId: 'li1', source: option },
			{ blockId: 'p1', source: card },
			{ blockId: 'p1', source: answer },
			{ blockId: 'gone', source: { ...card, key: 'card:c9' } }
		];
		expect(provenanceAnnex(doc, links)).toEqual({
			note: null,
			passages: [
				{
					number: '1.1',
					title: 'Abschnitt 1.1',
					sources: [
						'Karte „Weniger ‚Formulare‘“ – Zukunftskonferenz, AG 2: Netzwerke, Spalte „Was fehlt?“, 1 Punkt',
						'Antwort auf „Was noch?“ – Zukunftskonferenz: „Mehr Beratung vor Ort“'
					]
				},
				{
					number: '1.3',
					title: 'Abschnitt 1.3',
					sources: [
						'Umfrage „Nächste Schritte?“ – Zukunftskonferenz: Antwort „Runder Tisch“, 12 von 40 Personen (30 %)'
					]
				}
			]
		});
	});

	it('counts dots and votes in German', () => {
		const links: LinkedSource[] = [
			{ blockId: 'p2', source: { ...card, votes: 0 } },
			{ blockId: 'p2', source: { ...card, votes: 2 } },
			{ blockId: 'p2', source: { ...option, votes: 1, respondents: null } },
			{ blockId: 'p2', source: { ...option, votes: 1, respondents: 1 } }
		];
		const [passage] = provenanceAnnex(doc, links).passages;
		expect(passage.sources.map((line) => line.split(', ').at(-1))).toEqual([
			'0 Punkte',
			'2 Punkte',
			'1 Stimme',
			'1 von 1 Person (100 %)'
		]);
	});

	it('says why it is empty', () => {
		expect(provenanceAnnex(doc, [])).toEqual({ passages: [], note: annexEmpty });
		expect(provenanceAnnex(doc, [{ blockId: 'gone', source: card }])).toEqual({
			passages: [],
			note: annexEmpty
		});
		expect(provenanceAnnex(doc, null)).toEqual({ passages: [], note: annexNotRecorded });
	});
});
