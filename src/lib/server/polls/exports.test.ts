import { describe, expect, it } from 'vitest';
import type { PollAnswerRow, PollQuestionRow } from '../db/schema';
import { answersCsv, chartSvg, csvField } from './exports';
import { tally } from './tallies';

const question: PollQuestionRow = {
	id: 'q1',
	eventId: 'e1',
	sortOrder: 0,
	type: 'ranking',
	prompt: 'Was zuerst? <Reihenfolge>',
	options: ['Wohnen', 'Beratung; vor Ort', '=Gesundheit'],
	maxChoices: null,
	scaleMin: null,
	scaleMax: null,
	scaleMinLabel: null,
	scaleMaxLabel: null,
	allowChange: true,
	status: 'closed',
	resultsVisible: false,
	projectionLive: false,
	projectedAt: null,
	createdAt: new Date()
};

const answer: PollAnswerRow = {
	id: 'a1',
	questionId: 'q1',
	participantId: 'p1',
	choices: [1, 0, 2],
	scaleValue: null,
	text: null,
	affiliationOrganisationId: 'org-kamen',
	organisationType: 'traeger',
	hiddenAt: null,
	createdAt: new Date('2025-06-11T14:30:00Z'),
	updatedAt: new Date('2025-06-11T14:30:00Z')
};

describe('exports', () => {
	it('quotes CSV fields and defuses formulas', () => {
		expect(csvField('a;b')).toBe('"a;b"');
		expect(csvField('sagt "ja"')).toBe('"sagt ""ja"""');
		expect(csvField('=SUMME(A1)')).toBe("'=SUMME(A1)");
	});

	it('writes each answer as one anonymous line, in Berlin time', () => {
		const csv = answersCsv(
			[{ row: question, answers: [answer] }],
			new Map([['org-kamen', 'Kamen']])
		);
		const [header, line] = csv.replace('\uFEFF', '').trim().split('\r\n');
		expect(header).toContain('Kommune oder Kreis');
		expect(line).toBe(
			'1;Was zuerst? <Reihenfolge>;Rangfolge;"1. Beratung; vor Ort | 2. Wohnen | 3. =Gesundheit";nein;Kamen;Träger;2025-06-11 16:30:00'
		);
		expect(csv).not.toContain('p1');
	});

	it('draws the chart as SVG with escaped text and the numbers in its description', () => {
		const svg = chartSvg(question, tally(question, [answer]), new Date());
		expect(svg).toContain('<title id="umfrage-q1-titel">Was zuerst? &lt;Reihenfolge&gt;</title>');
		expect(svg).toContain('aria-labelledby="umfrage-q1-titel umfrage-q1-beschreibung"');
		expect(svg).toContain('Beratung; vor Ort: Ø Platz 1');
		expect(svg).toContain('>1 Rangfolge · Stand ');
		const two = chartSvg(question, tally(question, [answer, { ...answer, id: 'a2' }]), new Date());
		expect(two).toContain('>2 Rangfolgen · Stand ');
		expect(svg).not.toContain('<Reihenfolge>');
	});

	it('gives each chart its own ids, so several inlined into one page never share one', () => {
		const at = new Date();
		const page = [
			chartSvg(question, tally(question, [answer]), at),
			chartSvg({ ...question, id: 'q2' }, tally(question, [answer]), at)
		]
			.map((svg) => svg.replace(/^<\?xml[^>]*>\n/, ''))
			.join('\n');
		const ids = [...page.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
		expect(ids.length).toBeGreaterThanOrEqual(4);
		expect(new Set(ids).size).toBe(ids.length);
		for (const [, labels] of page.matchAll(/aria-labelledby="([^"]+)"/g)) {
			for (const id of labels.split(' ')) expect(ids).toContain(id);
		}
	});
});
