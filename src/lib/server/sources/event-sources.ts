// The events whose results stand beside a document's text, and those results as the panel
// "Aus der Konferenz" lists them: cards per working group (most dots first), poll results,
// closing-survey answers. Totals only, never who chose what: the breakdowns by group, where the
// rule of three people applies (events/small-groups.ts), are not part of it. Names only where
// they were written on the card.
import { and, asc, eq, inArray, isNull, ne } from 'drizzle-orm';
import type { CatalogueQuestion, EventCatalogue } from '$lib/sources/types';
import { transaction, type AppDatabase } from '../db/database';
import {
	board,
	boardColumn,
	card,
	documentSourceEvent,
	event,
	pollAnswer,
	pollQuestion,
	workingGroup
} from '../db/schema';
import { cardDots, optionQuestionTypes, optionVotes } from './passage-sources';

export interface OfferedEvent {
	id: string;
	title: string;
	date: string;
	chosen: boolean;
}

/**
 * Every event not archived, and whether it feeds the document. Until an editor chooses, all of
 * them do: a new Leitbild starts beside the conference it comes from without a setting.
 */
export function offeredEvents(db: AppDatabase, documentId: string): OfferedEvent[] {
	const chosen = new Set(
		db
			.select({ eventId: documentSourceEvent.eventId })
			.from(documentSourceEvent)
			.where(eq(documentSourceEvent.documentId, documentId))
			.all()
			.map((row) => row.eventId)
	);
	return db
		.select({ id: event.id, title: event.title, date: event.date })
		.from(event)
		.where(isNull(event.archivedAt))
		.orderBy(asc(event.date), asc(event.title))
		.all()
		.map((row) => ({ ...row, chosen: chosen.size === 0 || chosen.has(row.id) }));
}

export function chooseSourceEvents(
	db: AppDatabase,
	input: { documentId: string; eventIds: string[]; userId: string }
): { ok: true } | { ok: false; status: 400; message: string } {
	const offered = new Set(offeredEvents(db, input.documentId).map((e) => e.id));
	const eventIds = [...new Set(input.eventIds)];
	if (eventIds.length === 0) {
		return { ok: false, status: 400, message: 'Bitte wählen Sie mindestens eine Konferenz.' };
	}
	if (eventIds.some((id) => !offered.has(id))) {
		return { ok: false, status: 400, message: 'Diese Konferenz gibt es nicht (mehr).' };
	}
	transaction(db, (tx) => {
		tx.delete(documentSourceEvent)
			.where(eq(documentSourceEvent.documentId, input.documentId))
			.run();
		tx.insert(documentSourceEvent)
			.values(
				eventIds.map((eventId) => ({
					documentId: input.documentId,
					eventId,
					addedBy: input.userId
				}))
			)
			.run();
	});
	return { ok: true };
}

function groupsOf(db: AppDatabase, eventId: string): EventCatalogue['groups'] {
	const boards = db
		.select({ id: board.id, title: workingGroup.title })
		.from(board)
		.innerJoin(workingGroup, eq(workingGroup.id, board.workingGroupId))
		.where(eq(board.eventId, eventId))
		.orderBy(asc(workingGroup.sortOrder))
		.all();
	const boardIds = boards.map((b) => b.id);
	if (boardIds.length === 0) return [];
	const dots = cardDots(db, boardIds);
	const columns = db
		.select()
		.from(boardColumn)
		.where(inArray(boardColumn.boardId, boardIds))
		.orderBy(asc(boardColumn.sortOrder))
		.all();
	const cards = db.select().from(card).where(inArray(card.boardId, boardIds)).all();
	const columnTitle = new Map(columns.map((c) => [c.id, c.title]));
	return boards.map((b) => ({
		title: b.title,
		boardId: b.id,
		columns: columns.filter((c) => c.boardId === b.id).map((c) => c.title),
		cards: cards
			.filter((c) => c.boardId === b.id)
			.map((c) => ({
				cardId: c.id,
				text: c.text,
				authorName: c.authorName,
				column: columnTitle.get(c.columnId) ?? '',
				dots: dots.get(c.id) ?? 0
			}))
			.sort((a, b) => b.dots - a.dots || a.text.localeCompare(b.text, 'de'))
	}));
}

function questionsOf(db: AppDatabase, eventId: string): CatalogueQuestion[] {
	const questions = db
		.select()
		.from(pollQuestion)
		.where(and(eq(pollQuestion.eventId, eventId), ne(pollQuestion.status, 'draft')))
		.orderBy(asc(pollQuestion.sortOrder))
		.all();
	return questions.flatMap((question): CatalogueQuestion[] => {
		if ((optionQuestionTypes as readonly string[]).includes(question.type)) {
			const { votes, total } = optionVotes(db, question);
			return [
				{
					questionId: question.id,
					prompt: question.prompt,
					kind: 'options',
					total,
					options: question.options
						.map((label, optionIndex) => ({ optionIndex, label, votes: votes[optionIndex] ?? 0 }))
						.sort((a, b) => b.votes - a.votes || a.optionIndex - b.optionIndex),
					answers: []
				}
			];
		}
		if (question.type !== 'text') return [];
		const answers = db
			.select({ id: pollAnswer.id, text: pollAnswer.text, hiddenAt: pollAnswer.hiddenAt })
			.from(pollAnswer)
			.where(eq(pollAnswer.questionId, question.id))
			.orderBy(asc(pollAnswer.createdAt))
			.all();
		return [
			{
				questionId: question.id,
				prompt: question.prompt,
				kind: 'answers',
				total: answers.length,
				options: [],
				answers: answers
					.filter((a) => !a.hiddenAt && a.text)
					.map((a) => ({ answerId: a.id, text: a.text ?? '' }))
			}
		];
	});
}

/** The results of the events that feed the document. */
export function documentCatalogue(db: AppDatabase, documentId: string): EventCatalogue[] {
	const chosen = offeredEvents(db, documentId).filter((e) => e.chosen);
	if (chosen.length === 0) return [];
	return db
		.select({ id: event.id, slug: event.slug, title: event.title })
		.from(event)
		.where(
			inArray(
				event.id,
				chosen.map((e) => e.id)
			)
		)
		.orderBy(asc(event.date), asc(event.title))
		.all()
		.map((row) => ({
			eventId: row.id,
			slug: row.slug,
			title: row.title,
			groups: groupsOf(db, row.id),
			questions: questionsOf(db, row.id)
		}));
}
