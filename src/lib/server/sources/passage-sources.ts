// Links between a document's passages and what the conference said: cards, poll options and
// closing-survey answers. A link names the passage by its block id, so it survives every edit of
// the passage's words. Unlinking only marks the record removed, so an undo restores that same
// record. Readers see no participant's name unless it was given on the card itself.
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { numberedPassages } from '$lib/consensus';
import type { PmNode } from '$lib/editor/pm-node';
import { announce } from '../db/changes';
import type { AppDatabase } from '../db/database';
import {
	board,
	boardColumn,
	card,
	document,
	event,
	passageSource,
	pollAnswer,
	pollQuestion,
	vote,
	workingGroup,
	type PassageSourceRow
} from '../db/schema';
import { countedVotes, stackTops } from '../boards/stacks';
import { answersTo } from '../polls/answers';
import { tally } from '../polls/tallies';
import {
	sourceKey,
	type CardSourceView,
	type PassageSourceView,
	type PollAnswerSourceView,
	type PollOptionSourceView,
	type SourceRef
} from '$lib/sources/types';

export { sourceKey, type PassageSourceView, type SourceRef };

/** Poll questions whose options can be a source: the ones people chose among. */
export const optionQuestionTypes = ['single', 'multiple', 'ranking'] as const;

export type SourceResult =
	{ ok: true; linkId: number } | { ok: false; status: 400 | 404 | 409; message: string };

const messages = {
	noPassage:
		'Diesen Abschnitt gibt es im aktuellen Text nicht (mehr). Bitte laden Sie die Seite neu.',
	noCard: 'Diese Karte gibt es nicht (mehr).',
	noQuestion: 'Diese Frage gibt es nicht (mehr).',
	noOption: 'Diese Antwortmöglichkeit gibt es bei der Frage nicht.',
	notOptions: 'Bei dieser Frage gibt es keine Antwortmöglichkeiten zum Verknüpfen.',
	draft: 'Diese Frage wurde noch nicht gestellt.',
	noAnswer: 'Diese Antwort gibt es nicht (mehr).',
	hidden: 'Diese Antwort ist ausgeblendet und kann nicht verknüpft werden.',
	linked: 'Dieser Abschnitt ist mit dieser Quelle bereits verknüpft.',
	noLink: 'Diese Verknüpfung gibt es nicht (mehr).',
	notRemoved: 'Diese Verknüpfung besteht noch.'
} as const;

function refuse(status: 400 | 404 | 409, message: string): SourceResult {
	return { ok: false, status, message };
}

/** Why a source cannot be linked, or null when it can. */
function sourceProblem(db: AppDatabase, source: SourceRef): SourceResult | null {
	switch (source.kind) {
		case 'card': {
			const found = db.select({ id: card.id }).from(card).where(eq(card.id, source.cardId)).get();
			return found ? null : refuse(404, messages.noCard);
		}
		case 'poll-option': {
			const question = db
				.select()
				.from(pollQuestion)
				.where(eq(pollQuestion.id, source.questionId))
				.get();
			if (!question) return refuse(404, messages.noQuestion);
			if (!(optionQuestionTypes as readonly string[]).includes(question.type)) {
				return refuse(400, messages.notOptions);
			}
			if (question.status === 'draft') return refuse(409, messages.draft);
			const index = source.optionIndex;
			if (!Number.isInteger(index) || index < 0 || index >= question.options.length) {
				return refuse(400, messages.noOption);
			}
			return null;
		}
		case 'poll-answer': {
			const answer = db
				.select({ hiddenAt: pollAnswer.hiddenAt, text: pollAnswer.text })
				.from(pollAnswer)
				.where(eq(pollAnswer.id, source.answerId))
				.get();
			if (!answer || answer.text === null) return refuse(404, messages.noAnswer);
			return answer.hiddenAt ? refuse(409, messages.hidden) : null;
		}
	}
}

function activeLink(db: AppDatabase, documentId: string, blockId: string, source: SourceRef) {
	return db
		.select({ id: passageSource.id })
		.from(passageSource)
		.where(
			and(
				eq(passageSource.documentId, documentId),
				eq(passageSource.blockId, blockId),
				eq(passageSource.kind, source.kind),
				eq(passageSource.target, sourceKey(source)),
				isNull(passageSource.removedAt)
			)
		)
		.get();
}

/**
 * Links a passage to a source. With `currentText` (the text as the server holds it) the block
 * must be one of its numbered passages, so nobody links to a passage that was deleted meanwhile.
 */
export function linkSource(
	db: AppDatabase,
	input: { documentId: string; blockId: string; source: SourceRef; userId: string },
	currentText?: PmNode,
	now = new Date()
): SourceResult {
	if (currentText && !numberedPassages(currentText).some((p) => p.blockId === input.blockId)) {
		return refuse(404, messages.noPassage);
	}
	const problem = sourceProblem(db, input.source);
	if (problem) return problem;
	if (activeLink(db, input.documentId, input.blockId, input.source)) {
		return refuse(409, messages.linked);
	}
	const { source } = input;
	const row = db
		.insert(passageSource)
		.values({
			documentId: input.documentId,
			blockId: input.blockId,
			kind: source.kind,
			cardId: source.kind === 'card' ? source.cardId : null,
			questionId: source.kind === 'poll-option' ? source.questionId : null,
			optionIndex: source.kind === 'poll-option' ? source.optionIndex : null,
			answerId: source.kind === 'poll-answer' ? source.answerId : null,
			createdBy: input.userId,
			createdAt: now
		})
		.returning({ id: passageSource.id })
		.get();
	announce(db, { topic: 'comments', documentId: input.documentId });
	return { ok: true, linkId: row.id };
}

function findLink(db: AppDatabase, documentId: string, linkId: number) {
	return db
		.select()
		.from(passageSource)
		.where(and(eq(passageSource.id, linkId), eq(passageSource.documentId, documentId)))
		.get();
}

/** Ends a link; the record stays (removed), so restoreSource can bring it back. */
export function unlinkSource(
	db: AppDatabase,
	input: { documentId: string; linkId: number; userId: string },
	now = new Date()
): SourceResult {
	const found = findLink(db, input.documentId, input.linkId);
	if (!found || found.removedAt) return refuse(404, messages.noLink);
	db.update(passageSource)
		.set({ removedAt: now, removedBy: input.userId })
		.where(eq(passageSource.id, found.id))
		.run();
	announce(db, { topic: 'comments', documentId: input.documentId });
	return { ok: true, linkId: found.id };
}

function refOf(row: PassageSourceRow): SourceRef {
	switch (row.kind) {
		case 'card':
			return { kind: 'card', cardId: row.cardId! };
		case 'poll-option':
			return { kind: 'poll-option', questionId: row.questionId!, optionIndex: row.optionIndex! };
		case 'poll-answer':
			return { kind: 'poll-answer', answerId: row.answerId! };
	}
}

/** The undo of unlinkSource: the same record becomes active again, unless the passage was
 * linked to the same source anew in the meantime. */
export function restoreSource(
	db: AppDatabase,
	input: { documentId: string; linkId: number; userId: string }
): SourceResult {
	const found = findLink(db, input.documentId, input.linkId);
	if (!found) return refuse(404, messages.noLink);
	if (!found.removedAt) return refuse(409, messages.notRemoved);
	if (activeLink(db, found.documentId, found.blockId, refOf(found))) {
		return refuse(409, messages.linked);
	}
	db.update(passageSource)
		.set({ removedAt: null, removedBy: null })
		.where(eq(passageSource.id, found.id))
		.run();
	announce(db, { topic: 'comments', documentId: input.documentId });
	return { ok: true, linkId: found.id };
}

/** Every card's dots as its board counts them: a stacked card shows its stack's dots. */
export function cardDots(db: AppDatabase, boardIds: string[]): Map<string, number> {
	const dots = new Map<string, number>();
	if (boardIds.length === 0) return dots;
	const cards = db
		.select({ id: card.id, stackedOnId: card.stackedOnId })
		.from(card)
		.where(inArray(card.boardId, boardIds))
		.all();
	const topOf = stackTops(cards);
	const votes = countedVotes(
		db
			.select({ cardId: vote.cardId, voterKey: vote.voterKey })
			.from(vote)
			.where(inArray(vote.boardId, boardIds))
			.orderBy(asc(vote.id))
			.all(),
		topOf
	);
	const perStack = new Map<string, number>();
	for (const dot of votes) {
		perStack.set(topOf(dot.cardId), (perStack.get(topOf(dot.cardId)) ?? 0) + 1);
	}
	for (const c of cards) dots.set(c.id, perStack.get(topOf(c.id)) ?? 0);
	return dots;
}

/** People per option of a question: who chose it, or for a ranking who put it first. */
export function optionVotes(
	db: AppDatabase,
	question: typeof pollQuestion.$inferSelect
): { votes: number[]; total: number } {
	const answers = answersTo(db, [question.id]);
	const result = tally(question, answers);
	const votes = question.options.map((label, index) => {
		if (result.type === 'single' || result.type === 'multiple') return result.options[index].count;
		if (result.type === 'ranking') {
			return result.options.find((option) => option.label === label)?.firstPlaces ?? 0;
		}
		return 0;
	});
	return { votes, total: result.respondents };
}

function activeRows(db: AppDatabase, documentId: string): PassageSourceRow[] {
	return db
		.select()
		.from(passageSource)
		.where(and(eq(passageSource.documentId, documentId), isNull(passageSource.removedAt)))
		.orderBy(asc(passageSource.createdAt), asc(passageSource.id))
		.all();
}

function cardViews(db: AppDatabase, rows: PassageSourceRow[]): CardSourceView[] {
	const ids = rows.map((row) => row.cardId!);
	if (ids.length === 0) return [];
	const cards = db
		.select({
			id: card.id,
			text: card.text,
			authorName: card.authorName,
			boardId: card.boardId,
			column: boardColumn.title,
			workingGroup: workingGroup.title,
			eventId: event.id,
			eventSlug: event.slug,
			eventTitle: event.title
		})
		.from(card)
		.innerJoin(boardColumn, eq(boardColumn.id, card.columnId))
		.innerJoin(board, eq(board.id, card.boardId))
		.innerJoin(workingGroup, eq(workingGroup.id, board.workingGroupId))
		.innerJoin(event, eq(event.id, board.eventId))
		.where(inArray(card.id, ids))
		.all();
	const byId = new Map(cards.map((c) => [c.id, c]));
	const dots = cardDots(db, [...new Set(cards.map((c) => c.boardId))]);
	return rows.flatMap((row) => {
		const found = byId.get(row.cardId!);
		if (!found) return [];
		return [
			{
				kind: 'card' as const,
				linkId: row.id,
				blockId: row.blockId,
				linkedAt: row.createdAt.getTime(),
				eventId: found.eventId,
				eventSlug: found.eventSlug,
				eventTitle: found.eventTitle,
				cardId: found.id,
				text: found.text,
				authorName: found.authorName,
				workingGroup: found.workingGroup,
				column: found.column,
				dots: dots.get(found.id) ?? 0,
				boardId: found.boardId
			}
		];
	});
}

function questionsWithEvents(db: AppDatabase, questionIds: string[]) {
	if (questionIds.length === 0) return new Map();
	const rows = db
		.select({ question: pollQuestion, eventSlug: event.slug, eventTitle: event.title })
		.from(pollQuestion)
		.innerJoin(event, eq(event.id, pollQuestion.eventId))
		.where(inArray(pollQuestion.id, questionIds))
		.all();
	return new Map(rows.map((row) => [row.question.id, row]));
}

function optionViews(db: AppDatabase, rows: PassageSourceRow[]): PollOptionSourceView[] {
	const questions = questionsWithEvents(db, [...new Set(rows.map((row) => row.questionId!))]);
	const counts = new Map<string, ReturnType<typeof optionVotes>>();
	return rows.flatMap((row) => {
		const found = questions.get(row.questionId!);
		if (!found) return [];
		const { question, eventSlug, eventTitle } = found;
		if (!counts.has(question.id)) counts.set(question.id, optionVotes(db, question));
		const { votes, total } = counts.get(question.id)!;
		const index = row.optionIndex!;
		return [
			{
				kind: 'poll-option' as const,
				linkId: row.id,
				blockId: row.blockId,
				linkedAt: row.createdAt.getTime(),
				eventId: question.eventId,
				eventSlug,
				eventTitle,
				questionId: question.id,
				optionIndex: index,
				prompt: question.prompt,
				option: question.options[index] ?? '',
				votes: votes[index] ?? 0,
				total
			}
		];
	});
}

function answerViews(db: AppDatabase, rows: PassageSourceRow[]): PollAnswerSourceView[] {
	const ids = rows.map((row) => row.answerId!);
	if (ids.length === 0) return [];
	const answers = db
		.select({
			id: pollAnswer.id,
			text: pollAnswer.text,
			hiddenAt: pollAnswer.hiddenAt,
			questionId: pollQuestion.id,
			prompt: pollQuestion.prompt,
			eventId: event.id,
			eventSlug: event.slug,
			eventTitle: event.title
		})
		.from(pollAnswer)
		.innerJoin(pollQuestion, eq(pollQuestion.id, pollAnswer.questionId))
		.innerJoin(event, eq(event.id, pollQuestion.eventId))
		.where(inArray(pollAnswer.id, ids))
		.all();
	const byId = new Map(answers.map((answer) => [answer.id, answer]));
	return rows.flatMap((row) => {
		const found = byId.get(row.answerId!);
		if (!found) return [];
		return [
			{
				kind: 'poll-answer' as const,
				linkId: row.id,
				blockId: row.blockId,
				linkedAt: row.createdAt.getTime(),
				eventId: found.eventId,
				eventSlug: found.eventSlug,
				eventTitle: found.eventTitle,
				answerId: found.id,
				questionId: found.questionId,
				prompt: found.prompt,
				text: found.hiddenAt ? null : (found.text ?? '')
			}
		];
	});
}

/** The document's active links with what a reader needs to see, in the order they were made. */
export function listPassageSources(db: AppDatabase, documentId: string): PassageSourceView[] {
	const rows = activeRows(db, documentId);
	const views: PassageSourceView[] = [
		...cardViews(
			db,
			rows.filter((row) => row.kind === 'card')
		),
		...optionViews(
			db,
			rows.filter((row) => row.kind === 'poll-option')
		),
		...answerViews(
			db,
			rows.filter((row) => row.kind === 'poll-answer')
		)
	];
	const order = new Map(rows.map((row, index) => [row.id, index]));
	return views.sort((a, b) => order.get(a.linkId)! - order.get(b.linkId)!);
}

export interface EventSourceLink {
	source: SourceRef;
	/** sourceKey(source), to look links up by. */
	key: string;
	linkId: number;
	documentId: string;
	documentSlug: string;
	documentTitle: string;
	blockId: string;
}

/** For the cards, poll options and answers of an event: the passages that take them up. */
export function listSourceLinksOfEvent(db: AppDatabase, eventId: string): EventSourceLink[] {
	const active = isNull(passageSource.removedAt);
	const select = {
		link: passageSource,
		documentSlug: document.slug,
		documentTitle: document.title
	};
	const fromCards = db
		.select(select)
		.from(passageSource)
		.innerJoin(document, eq(document.id, passageSource.documentId))
		.innerJoin(card, eq(card.id, passageSource.cardId))
		.innerJoin(board, eq(board.id, card.boardId))
		.where(and(active, eq(board.eventId, eventId)))
		.all();
	const fromOptions = db
		.select(select)
		.from(passageSource)
		.innerJoin(document, eq(document.id, passageSource.documentId))
		.innerJoin(pollQuestion, eq(pollQuestion.id, passageSource.questionId))
		.where(and(active, eq(pollQuestion.eventId, eventId)))
		.all();
	const fromAnswers = db
		.select(select)
		.from(passageSource)
		.innerJoin(document, eq(document.id, passageSource.documentId))
		.innerJoin(pollAnswer, eq(pollAnswer.id, passageSource.answerId))
		.innerJoin(pollQuestion, eq(pollQuestion.id, pollAnswer.questionId))
		.where(and(active, eq(pollQuestion.eventId, eventId)))
		.all();
	return [...fromCards, ...fromOptions, ...fromAnswers]
		.sort((a, b) => a.link.id - b.link.id)
		.map(({ link, documentSlug, documentTitle }) => {
			const source = refOf(link);
			return {
				source,
				key: sourceKey(source),
				linkId: link.id,
				documentId: link.documentId,
				documentSlug,
				documentTitle,
				blockId: link.blockId
			};
		});
}
