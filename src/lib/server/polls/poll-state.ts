// What each viewer of an event's polls is shown: participants see the open questions with their
// own answers, and results only where the moderator shows them; the projector sees the question
// on it, its results only once shown (or live, where the moderator chose so); staff see everything.
import type { Attendance } from '$lib/attendance';
import type {
	ParticipantQuestion,
	PollQuestionView,
	ProjectionPollState,
	StaffQuestion,
	ParticipantPollState,
	StaffPollState,
	Tally
} from '$lib/polls/types';
import type { AppDatabase } from '../db/database';
import type { PollAnswerRow, PollQuestionRow } from '../db/schema';
import { answersTo, ownAnswer } from './answers';
import { listQuestions, projectedQuestionId } from './questions';
import { rankingStartOrder } from './start-order';
import { publicTally, tally } from './tallies';

export function questionView(question: PollQuestionRow): PollQuestionView {
	return {
		id: question.id,
		type: question.type,
		prompt: question.prompt,
		options: question.options,
		maxChoices: question.maxChoices,
		scale:
			question.type === 'scale'
				? {
						min: question.scaleMin ?? 1,
						max: question.scaleMax ?? 5,
						minLabel: question.scaleMinLabel ?? '',
						maxLabel: question.scaleMaxLabel ?? ''
					}
				: null,
		allowChange: question.allowChange,
		status: question.status,
		resultsVisible: question.resultsVisible,
		projectionLive: question.projectionLive
	};
}

function answersByQuestion(answers: PollAnswerRow[]): Map<string, PollAnswerRow[]> {
	const grouped = new Map<string, PollAnswerRow[]>();
	for (const answer of answers) {
		const list = grouped.get(answer.questionId) ?? [];
		list.push(answer);
		grouped.set(answer.questionId, list);
	}
	return grouped;
}

/** Open questions, and closed ones whose results are shown. */
function visibleToParticipants(question: PollQuestionRow): boolean {
	return question.status === 'open' || (question.status === 'closed' && question.resultsVisible);
}

/** An event's questions and answers read once, so that one change pushed to seventy phones
 * costs one query and one tally per question, not seventy. */
export interface PollSnapshot {
	questions: { row: PollQuestionRow; answers: PollAnswerRow[]; tally: Tally }[];
	projectedId: string | null;
}

export function pollSnapshot(db: AppDatabase, eventId: string): PollSnapshot {
	const rows = listQuestions(db, eventId);
	const answers = answersByQuestion(
		answersTo(
			db,
			rows.map((q) => q.id)
		)
	);
	return {
		questions: rows.map((row) => {
			const own = answers.get(row.id) ?? [];
			return { row, answers: own, tally: tally(row, own) };
		}),
		projectedId: projectedQuestionId(rows)
	};
}

export function participantPollState(
	snapshot: PollSnapshot,
	participantId: string
): ParticipantPollState {
	const questions: ParticipantQuestion[] = snapshot.questions
		.filter(({ row }) => visibleToParticipants(row))
		.map(({ row, answers, tally }) => ({
			...questionView(row),
			ownAnswer: ownAnswer(answers.find((answer) => answer.participantId === participantId)),
			tally: row.resultsVisible ? publicTally(tally) : null,
			startOrder:
				row.type === 'ranking' ? rankingStartOrder(participantId, row.id, row.options.length) : null
		}));
	return { viewer: 'participant', questions };
}

export function staffPollState(snapshot: PollSnapshot, attendance: Attendance): StaffPollState {
	const questions: StaffQuestion[] = snapshot.questions.map(({ row, tally }) => ({
		...questionView(row),
		tally,
		projected: row.id === snapshot.projectedId
	}));
	return { viewer: 'staff', questions, attendance };
}

/** Only the projected question, and its counts only once they may be shown: the number of
 * answers alone until then. */
export function projectionPollState(
	snapshot: PollSnapshot,
	attendance: Attendance
): ProjectionPollState {
	const projected = snapshot.questions.find(({ row }) => row.id === snapshot.projectedId);
	if (!projected) return { viewer: 'projection', question: null, attendance };
	const { row, tally } = projected;
	return {
		viewer: 'projection',
		question: {
			...questionView(row),
			respondents: tally.respondents,
			tally: row.resultsVisible || row.projectionLive ? publicTally(tally) : null
		},
		attendance
	};
}
