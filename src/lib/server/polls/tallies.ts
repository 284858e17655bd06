// Counts answers into what charts show. Pure: the numbers on every page, projector and export
// come from here, computed from the stored answers.
import type { OptionCount, RankedOption, Tally, WordCount } from '$lib/polls/types';
import type { PollAnswerRow, PollQuestionRow } from '../db/schema';

export type TallyQuestion = Pick<PollQuestionRow, 'type' | 'options' | 'scaleMin' | 'scaleMax'>;
export type TallyAnswer = Pick<
	PollAnswerRow,
	'id' | 'choices' | 'scaleValue' | 'text' | 'hiddenAt'
>;

export function percentOf(count: number, total: number): number {
	return total === 0 ? 0 : Math.round((count / total) * 100);
}

function optionCounts(labels: string[], counts: number[], respondents: number): OptionCount[] {
	return labels.map((label, index) => ({
		label,
		count: counts[index] ?? 0,
		percent: percentOf(counts[index] ?? 0, respondents)
	}));
}

function choiceTally(question: TallyQuestion, answers: TallyAnswer[]): OptionCount[] {
	const counts = question.options.map(() => 0);
	for (const answer of answers) {
		// A set, so a repeated position in a stored answer cannot count twice.
		for (const choice of new Set(answer.choices ?? [])) {
			if (choice in counts) counts[choice] += 1;
		}
	}
	return optionCounts(question.options, counts, answers.length);
}

function rankingTally(question: TallyQuestion, answers: TallyAnswer[]): RankedOption[] {
	const sums = question.options.map(() => 0);
	const firsts = question.options.map(() => 0);
	for (const answer of answers) {
		(answer.choices ?? []).forEach((option, position) => {
			if (!(option in sums)) return;
			sums[option] += position + 1;
			if (position === 0) firsts[option] += 1;
		});
	}
	const ranked = question.options.map((label, index) => ({
		label,
		averagePosition: answers.length ? Math.round((sums[index] / answers.length) * 10) / 10 : null,
		firstPlaces: firsts[index]
	}));
	// Best average first; ties keep the order the moderator gave.
	return ranked
		.map((option, index) => ({ option, index }))
		.sort(
			(a, b) =>
				(a.option.averagePosition ?? 0) - (b.option.averagePosition ?? 0) || a.index - b.index
		)
		.map(({ option }) => option);
}

function scaleTally(question: TallyQuestion, answers: TallyAnswer[]) {
	const min = question.scaleMin ?? 1;
	const max = question.scaleMax ?? 5;
	const values = Array.from({ length: max - min + 1 }, (_, i) => min + i);
	const counts = values.map(() => 0);
	let sum = 0;
	let counted = 0;
	for (const answer of answers) {
		const value = answer.scaleValue;
		if (value === null || value < min || value > max) continue;
		counts[value - min] += 1;
		sum += value;
		counted += 1;
	}
	return {
		distribution: optionCounts(values.map(String), counts, counted),
		average: counted ? Math.round((sum / counted) * 10) / 10 : null
	};
}

/** Short function words that would crowd out what people actually said. */
const stopWords = new Set(
	(
		'aber alle als also auch auf aus bei bin bis das dass dem den der des die dies diese doch ein ' +
		'eine einem einen einer es für hat ich ihr ist mit nach nicht noch nur oder sehr sich sie ' +
		'sind so und uns vom von vor war was wenn wie wir wird zu zum zur über mehr mal man kann'
	).split(' ')
);

export function wordCounts(texts: string[], limit = 40): WordCount[] {
	const counts = new Map<string, WordCount>();
	for (const text of texts) {
		const words = text
			.split(/[^\p{L}\p{N}-]+/u)
			.map((word) => word.replace(/^-+|-+$/g, ''))
			.filter((word) => word.length >= 3);
		// One person repeating a word does not make it bigger.
		const seen = new Set<string>();
		for (const word of words) {
			const key = word.toLocaleLowerCase('de-DE');
			if (stopWords.has(key) || seen.has(key)) continue;
			seen.add(key);
			// Shown as first written, so German nouns keep their capital.
			const entry = counts.get(key) ?? { word, count: 0 };
			entry.count += 1;
			counts.set(key, entry);
		}
	}
	return [...counts.values()]
		.sort((a, b) => b.count - a.count || a.word.localeCompare(b.word, 'de-DE'))
		.slice(0, limit);
}

/** The tally of one question. Hidden open-text answers still count as answers, but their words
 * and text are left out. */
export function tally(question: TallyQuestion, answers: TallyAnswer[]): Tally {
	const respondents = answers.length;
	switch (question.type) {
		case 'single':
		case 'multiple':
			return { type: question.type, respondents, options: choiceTally(question, answers) };
		case 'ranking':
			return { type: 'ranking', respondents, options: rankingTally(question, answers) };
		case 'scale':
			return { type: 'scale', respondents, ...scaleTally(question, answers) };
		case 'text': {
			const texts = answers.map((answer) => ({
				id: answer.id,
				text: answer.text ?? '',
				hidden: answer.hiddenAt !== null
			}));
			return {
				type: 'text',
				respondents,
				words: wordCounts(texts.filter((t) => !t.hidden).map((t) => t.text)),
				answers: texts
			};
		}
	}
}

/** What participants may see: hidden answers are dropped entirely. */
export function publicTally(result: Tally): Tally {
	if (result.type !== 'text') return result;
	return { ...result, answers: result.answers.filter((answer) => !answer.hidden) };
}
