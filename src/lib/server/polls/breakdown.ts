// Results by Kommune and by kind of organisation, under the one rule for small groups
// (events/small-groups.ts): groups of fewer than three people are folded into "Weitere" or left
// out, so nobody's answer can be picked out of a small group.
import type { Tally } from '$lib/polls/types';
import type { PollAnswerRow, PollQuestionRow } from '../db/schema';
import { groupByPeople } from '../events/small-groups';
import { tally, type TallyQuestion } from './tallies';

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
	// One answer per person and question; an answer whose person is deleted is still one person.
	const grouped = groupByPeople(
		answers,
		(answer) => groupOf(answer) ?? '',
		(answer) => answer.participantId ?? answer.id
	);
	const groups: BreakdownGroup[] = grouped.shown.map((group) => ({
		label: labels.get(group.key) ?? 'Ohne Angabe',
		tally: tally(question, group.items)
	}));
	// In the order of the labels given (Kreis, then Kommunen), "Ohne Angabe" and "Weitere" last.
	const order = [...labels.values(), 'Ohne Angabe'];
	const rank = (label: string) => (order.includes(label) ? order.indexOf(label) : order.length);
	groups.sort((a, b) => rank(a.label) - rank(b.label));
	if (grouped.others)
		groups.push({ label: 'Weitere', tally: tally(question, grouped.others.items) });
	return { groups, hiddenAnswers: grouped.hidden.length };
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
