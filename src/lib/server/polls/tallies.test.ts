import { describe, expect, it } from 'vitest';
import { tally, publicTally, wordCounts, type TallyAnswer, type TallyQuestion } from './tallies';

let nextId = 0;
function answer(values: Partial<TallyAnswer>): TallyAnswer {
	nextId += 1;
	return {
		id: `a${nextId}`,
		choices: null,
		scaleValue: null,
		text: null,
		hiddenAt: null,
		...values
	};
}

const choiceQuestion = (type: 'single' | 'multiple' | 'ranking'): TallyQuestion => ({
	type,
	options: ['Runder Tisch', 'Sozialplanung', 'Beteiligung'],
	scaleMin: null,
	scaleMax: null
});

describe('tallies', () => {
	it('counts single choices with percentages of those who answered', () => {
		const result = tally(choiceQuestion('single'), [
			answer({ choices: [0] }),
			answer({ choices: [0] }),
			answer({ choices: [2] })
		]);
		expect(result).toEqual({
			type: 'single',
			respondents: 3,
			options: [
				{ label: 'Runder Tisch', count: 2, percent: 67 },
				{ label: 'Sozialplanung', count: 0, percent: 0 },
				{ label: 'Beteiligung', count: 1, percent: 33 }
			]
		});
	});

	it('counts each option of a multiple choice once per person; percentages may sum over 100', () => {
		const result = tally(choiceQuestion('multiple'), [
			answer({ choices: [0, 1] }),
			answer({ choices: [1, 1, 2] }),
			answer({ choices: [7] })
		]);
		expect(result.type === 'multiple' && result.options.map((o) => [o.count, o.percent])).toEqual([
			[1, 33],
			[2, 67],
			[1, 33]
		]);
	});

	it('ranks by average position, best first, with first places', () => {
		const result = tally(choiceQuestion('ranking'), [
			answer({ choices: [1, 0, 2] }),
			answer({ choices: [1, 2, 0] }),
			answer({ choices: [0, 1, 2] })
		]);
		expect(result).toEqual({
			type: 'ranking',
			respondents: 3,
			options: [
				{ label: 'Sozialplanung', averagePosition: 1.3, firstPlaces: 2 },
				{ label: 'Runder Tisch', averagePosition: 2, firstPlaces: 1 },
				{ label: 'Beteiligung', averagePosition: 2.7, firstPlaces: 0 }
			]
		});
	});

	it('has no average positions before anyone ranked', () => {
		const result = tally(choiceQuestion('ranking'), []);
		expect(result.type === 'ranking' && result.options.map((o) => o.averagePosition)).toEqual([
			null,
			null,
			null
		]);
	});

	it('gives a scale its distribution over every value and the average', () => {
		const question: TallyQuestion = { type: 'scale', options: [], scaleMin: 1, scaleMax: 5 };
		const result = tally(question, [
			answer({ scaleValue: 5 }),
			answer({ scaleValue: 4 }),
			answer({ scaleValue: 4 }),
			answer({ scaleValue: 9 })
		]);
		expect(result.type).toBe('scale');
		if (result.type !== 'scale') return;
		expect(result.distribution.map((d) => [d.label, d.count])).toEqual([
			['1', 0],
			['2', 0],
			['3', 0],
			['4', 2],
			['5', 1]
		]);
		expect(result.average).toBe(4.3);
		expect(tally(question, [])).toMatchObject({ average: null, respondents: 0 });
	});

	it('makes a word cloud of open text without filler words, one vote per person and word', () => {
		expect(
			wordCounts([
				'Runder Tisch, runder Tisch!',
				'Ein runder Tisch und mehr Sozialplanung',
				'Sozialplanung'
			])
		).toEqual([
			{ word: 'Runder', count: 2 },
			{ word: 'Sozialplanung', count: 2 },
			{ word: 'Tisch', count: 2 }
		]);
	});

	it('leaves hidden open-text answers out of the words, and out of what participants see', () => {
		const question: TallyQuestion = { type: 'text', options: [], scaleMin: null, scaleMax: null };
		const result = tally(question, [
			answer({ text: 'Netzwerke stärken' }),
			answer({ text: '<b>Werbung</b>', hiddenAt: new Date() })
		]);
		expect(result.type === 'text' && result.words.map((w) => w.word)).toEqual([
			'Netzwerke',
			'stärken'
		]);
		expect(result.respondents).toBe(2);
		const shown = publicTally(result);
		expect(shown.type === 'text' && shown.answers.map((a) => a.text)).toEqual([
			'Netzwerke stärken'
		]);
	});
});
