import { describe, expect, it } from 'vitest';
import type { PollAnswerRow } from '../db/schema';
import { breakdown } from './breakdown';

function answer(choice: number, group: string | null): PollAnswerRow {
	return {
		id: crypto.randomUUID(),
		questionId: 'q',
		participantId: null,
		choices: [choice],
		scaleValue: null,
		text: null,
		affiliationOrganisationId: group,
		organisationType: null,
		hiddenAt: null,
		createdAt: new Date(),
		updatedAt: new Date()
	};
}

describe('breakdown', () => {
	it('shows groups of three or more answers and hides smaller ones', () => {
		const question = {
			type: 'single' as const,
			options: ['Ja', 'Nein'],
			scaleMin: null,
			scaleMax: null
		};
		const answers = [
			answer(0, 'kamen'),
			answer(0, 'kamen'),
			answer(1, 'kamen'),
			answer(1, 'unna'),
			answer(1, 'unna'),
			answer(0, null),
			answer(0, null),
			answer(0, null)
		];
		const labels = new Map([
			['kamen', 'Kamen'],
			['unna', 'Unna']
		]);
		const result = breakdown(question, answers, (a) => a.affiliationOrganisationId, labels);
		expect(result.hiddenAnswers).toBe(2);
		expect(result.groups.map((g) => [g.label, g.tally.respondents])).toEqual([
			['Kamen', 3],
			['Ohne Angabe', 3]
		]);
		const kamen = result.groups[0].tally;
		expect(kamen.type === 'single' && kamen.options.map((o) => o.count)).toEqual([2, 1]);
	});
});

describe('breakdown of small groups', () => {
	it('folds groups under three people into "Weitere" when they are three together', () => {
		const question = {
			type: 'single' as const,
			options: ['Ja', 'Nein'],
			scaleMin: null,
			scaleMax: null
		};
		const answers = [
			answer(0, 'kamen'),
			answer(0, 'kamen'),
			answer(1, 'kamen'),
			answer(1, 'selm'),
			answer(1, 'selm'),
			answer(0, 'werne')
		];
		const labels = new Map([
			['kamen', 'Kamen'],
			['selm', 'Selm'],
			['werne', 'Werne']
		]);
		const result = breakdown(question, answers, (a) => a.affiliationOrganisationId, labels);
		expect(result.groups.map((g) => [g.label, g.tally.respondents])).toEqual([
			['Kamen', 3],
			['Weitere', 3]
		]);
		expect(result.hiddenAnswers).toBe(0);
	});
});
