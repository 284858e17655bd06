// Reading and placing a board's rows, for the commands and their undo: a card or column of this
// board, a stack's cards, and renumbering a column or the columns after a move.
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { AppDatabase } from '../db/database';
import { boardColumn, card, type CardRow } from '../db/schema';

export const maxColumns = 8;
export const maxCardsPerBoard = 500;

export function cardOf(db: AppDatabase, boardId: string, cardId: string): CardRow | undefined {
	return db
		.select()
		.from(card)
		.where(and(eq(card.id, cardId), eq(card.boardId, boardId)))
		.get();
}

export function columnOf(db: AppDatabase, boardId: string, columnId: string) {
	return db
		.select()
		.from(boardColumn)
		.where(and(eq(boardColumn.id, columnId), eq(boardColumn.boardId, boardId)))
		.get();
}

/** The cards lying on a card, in the order they were written. */
export function stackedOn(db: AppDatabase, topId: string): CardRow[] {
	return db
		.select()
		.from(card)
		.where(eq(card.stackedOnId, topId))
		.orderBy(asc(card.createdAt), asc(card.id))
		.all();
}

export function cardCount(db: AppDatabase, boardId: string): number {
	return db
		.select({ n: sql<number>`count(*)` })
		.from(card)
		.where(eq(card.boardId, boardId))
		.get()!.n;
}

/** A column's cards on their own or at the top of a stack, in their order. */
function columnTops(db: AppDatabase, boardId: string, columnId: string): string[] {
	return db
		.select({ id: card.id })
		.from(card)
		.where(and(eq(card.boardId, boardId), eq(card.columnId, columnId), isNull(card.stackedOnId)))
		.orderBy(asc(card.sortOrder), asc(card.createdAt))
		.all()
		.map((row) => row.id);
}

/** Where a card stands in its column, counting cards on their own and stack tops. */
export function indexInColumn(db: AppDatabase, row: CardRow): number {
	return columnTops(db, row.boardId, row.columnId).indexOf(row.id);
}

/** Renumbers a column's cards with `moved` at `index`; a stack moves with its top card. */
export function placeCard(
	db: AppDatabase,
	boardId: string,
	columnId: string,
	moved: string,
	index: number
) {
	const order = columnTops(db, boardId, columnId).filter((cardId) => cardId !== moved);
	order.splice(Math.min(index, order.length), 0, moved);
	order.forEach((cardId, sortOrder) => {
		db.update(card).set({ sortOrder, columnId }).where(eq(card.id, cardId)).run();
	});
	db.update(card).set({ columnId }).where(eq(card.stackedOnId, moved)).run();
}

export function placeColumn(db: AppDatabase, boardId: string, moved: string, index: number) {
	const order = db
		.select({ id: boardColumn.id })
		.from(boardColumn)
		.where(eq(boardColumn.boardId, boardId))
		.orderBy(asc(boardColumn.sortOrder))
		.all()
		.map((row) => row.id)
		.filter((columnId) => columnId !== moved);
	order.splice(Math.min(index, order.length), 0, moved);
	order.forEach((columnId, sortOrder) => {
		db.update(boardColumn).set({ sortOrder }).where(eq(boardColumn.id, columnId)).run();
	});
}
