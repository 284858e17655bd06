// An event's poll questions: preparing, ordering, opening and closing, showing results, and
// resetting. Every change is announced to the event's poll viewers.
import { and, asc, eq, max } from 'drizzle-orm';
import { announce } from '../db/changes';
import { transaction, type AppDatabase } from '../db/database';
import {
	pollAnswer,
	pollQuestion,
	type PollQuestionRow,
	type PollQuestionType
} from '../db/schema';

export interface QuestionInput {
	type: PollQuestionType;
	prompt: string;
	options: string[];
	maxChoices: number | null;
	scaleMin: number | null;
	scaleMax: number | null;
	scaleMinLabel: string | null;
	scaleMaxLabel: string | null;
	allowChange: boolean;
	projectionLive: boolean;
}

/** Changes a question and tells its event's poll viewers, when there was a question to change. */
function updateQuestion(
	db: AppDatabase,
	questionId: string,
	fields: Partial<
		Pick<PollQuestionRow, 'status' | 'projectedAt' | 'resultsVisible' | 'projectionLive'>
	>
): void {
	const changed = db
		.update(pollQuestion)
		.set(fields)
		.where(eq(pollQuestion.id, questionId))
		.returning({ eventId: pollQuestion.eventId })
		.get();
	if (changed) announce(db, { topic: 'polls', eventId: changed.eventId });
}

export function listQuestions(db: AppDatabase, eventId: string): PollQuestionRow[] {
	return db
		.select()
		.from(pollQuestion)
		.where(eq(pollQuestion.eventId, eventId))
		.orderBy(asc(pollQuestion.sortOrder), asc(pollQuestion.createdAt))
		.all();
}

/** A question, only if it belongs to this event: ids from forms are never trusted alone. */
export function findQuestion(
	db: AppDatabase,
	eventId: string,
	questionId: string
): PollQuestionRow | undefined {
	return db
		.select()
		.from(pollQuestion)
		.where(and(eq(pollQuestion.id, questionId), eq(pollQuestion.eventId, eventId)))
		.get();
}

export function createQuestion(
	db: AppDatabase,
	eventId: string,
	input: QuestionInput,
	now = new Date()
): PollQuestionRow {
	return transaction(db, (tx) => {
		const last = tx
			.select({ value: max(pollQuestion.sortOrder) })
			.from(pollQuestion)
			.where(eq(pollQuestion.eventId, eventId))
			.get();
		const row: PollQuestionRow = {
			id: crypto.randomUUID(),
			eventId,
			sortOrder: (last?.value ?? -1) + 1,
			...input,
			status: 'draft',
			resultsVisible: false,
			projectedAt: null,
			createdAt: now
		};
		tx.insert(pollQuestion).values(row).run();
		announce(tx, { topic: 'polls', eventId });
		return row;
	});
}

/** Swaps a question with its neighbour above (-1) or below (+1). */
export function moveQuestion(
	db: AppDatabase,
	eventId: string,
	questionId: string,
	direction: -1 | 1
): void {
	transaction(db, (tx) => {
		const questions = listQuestions(tx, eventId);
		const index = questions.findIndex((q) => q.id === questionId);
		const target = index + direction;
		if (index < 0 || target < 0 || target >= questions.length) return;
		[questions[index], questions[target]] = [questions[target], questions[index]];
		questions.forEach((question, position) => {
			tx.update(pollQuestion)
				.set({ sortOrder: position })
				.where(eq(pollQuestion.id, question.id))
				.run();
		});
		announce(tx, { topic: 'polls', eventId });
	});
}

/** Opening also puts the question on the projector: that is what the room looks at next. */
export function openQuestion(db: AppDatabase, questionId: string, now = new Date()): void {
	updateQuestion(db, questionId, { status: 'open', projectedAt: now });
}

export function closeQuestion(db: AppDatabase, questionId: string): void {
	updateQuestion(db, questionId, { status: 'closed' });
}

export function setResultsVisible(db: AppDatabase, questionId: string, visible: boolean): void {
	updateQuestion(db, questionId, { resultsVisible: visible });
}

/** Live: the projector shows the counts as they come in. Otherwise only once results are shown. */
export function setProjectionLive(db: AppDatabase, questionId: string, live: boolean): void {
	updateQuestion(db, questionId, { projectionLive: live });
}

export function projectQuestion(db: AppDatabase, questionId: string, now = new Date()): void {
	updateQuestion(db, questionId, { projectedAt: now });
}

/** The question the projector shows: the one most recently put there. */
export function projectedQuestionId(questions: PollQuestionRow[]): string | null {
	let latest: PollQuestionRow | null = null;
	for (const question of questions) {
		if (!question.projectedAt) continue;
		if (!latest || question.projectedAt > latest.projectedAt!) latest = question;
	}
	return latest?.id ?? null;
}

/** Deletes every answer and puts the question back to draft, results hidden. */
export function resetQuestion(db: AppDatabase, questionId: string): void {
	transaction(db, (tx) => {
		tx.delete(pollAnswer).where(eq(pollAnswer.questionId, questionId)).run();
		updateQuestion(tx, questionId, { status: 'draft', resultsVisible: false });
	});
}

export function deleteQuestion(db: AppDatabase, questionId: string): void {
	const deleted = db
		.delete(pollQuestion)
		.where(eq(pollQuestion.id, questionId))
		.returning({ eventId: pollQuestion.eventId })
		.get();
	if (deleted) announce(db, { topic: 'polls', eventId: deleted.eventId });
}
