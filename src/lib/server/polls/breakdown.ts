// Results by Kommune and by kind of organisation. Groups with fewer than three answers are left
// out, so nobody's answer can be picked out of a small group.
import type { Tally } from '$lib/polls/types';
import type { PollAnswerRow, PollQuestionRow } from '../db/schema';
import { tally, type TallyQuestion } from './tallies';

export const minGroupSize = 3;

export interface BreakdownGroup {
	label: string;
	tally: Tally;
}

export interface Breakdown {
	groups: BreakdownGroup[];
	/** Answers in groups too small to show. */
	hiddenAnswers: number;
}

export function breakdown(
	question: TallyQuestion,
	answers: PollAnswerRow[],
	groupOf: (answer: PollAnswerRow) => string | null,
	labels: ReadonlyMap<string, string>
): Breakdown {
	const grouped = new Map<string, PollAnswerRow[]>();
	for (const answer of answers) {
		const key = groupOf(answer) ?? '';
		grouped.set(key, [...(grouped.get(key) ?? []), answer]);
	}
	const groups: BreakdownGroup[] = [];
	let hiddenAnswers = 0;
	for (const [key, members] of grouped) {
		if (members.length < minGroupSize) {
			hiddenAnswers += members.length;
			continue;
		}
		groups.push({ label: labels.get(key) ?? 'Ohne Angabe', tally: tally(question, members) });
	}
	// In the order of the labels given (Kreis, then Kommunen), "Ohne Angabe" last.
	const order = [...labels.values()];
	const rank = (label: string) => (order.includes(label) ? order.indexOf(label) : order.length);
	groups.sort((a, b) => rank(a.label) - rank(b.label));
	return { groups, hiddenAnswers };
}

export function breakdowns(
	question: PollQuestionRow,
	answers: PollAnswerRow[],
	labels: {
		affiliations: ReadonlyMap<string, string>;
		organisationTypes: ReadonlyMap<string, string>;
	}
): { byAffiliation: Breakdown; byOrganisationType: Breakdown } | null {
	// Open text is not broken down: a group's words would tell too much about its few people.
	if (question.type === 'text') return null;
	return {
		byAffiliation: breakdown(
			question,
			answers,
			(answer) => answer.affiliationOrganisationId,
			labels.affiliations
		),
		byOrganisationType: breakdown(
			question,
			answers,
			(answer) => answer.organisationType,
			labels.organisationTypes
		)
	};
}
