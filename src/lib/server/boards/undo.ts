// Undoing what the moderation took away, from what its log entry kept: a deleted card with its
// dots and its place in a stack, a stack taken apart again, deleted dots, a deleted column. An
// entry is undone once; what cannot be put back as it was is refused, with the reason.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { AppDatabase } from '../db/database';
import {
	boardColumn,
	card,
	organisation,
	participant,
	user,
	vote,
	type BoardRow,
	type CardRow,
	type EventActivityKind
} from '../db/schema';
import { findActivity, markUndone, type ActivityDetail } from '../events/activity';
import {
	cardCount,
	cardOf,
	columnOf,
	maxCardsPerBoard,
	maxColumns,
	placeCard,
	placeColumn
} from './board-rows';

/** A row as kept in the log: its times come back from JSON as text. */
type Kept<T> = { [K in keyof T]: T[K] extends Date ? Date | string : T[K] };
type VoteRow = Kept<typeof vote.$inferSelect>;

export interface CardDeletedUndo {
	card: Kept<CardRow>;
	votes: VoteRow[];
	/** The cards that lay on it, the first of which took its place. */
	stack: string[];
}

export interface CardsStackedUndo {
	top: string;
	moved: { id: string; stackedOnId: string | null; columnId: string; index: number }[];
}

type Undone =
	| { ok: true; undid: { kind: EventActivityKind; detail: ActivityDetail } }
	| { ok: false; message: string };

const refused = (message: string): Undone => ({ ok: false, message });

function exists(db: AppDatabase, table: typeof participant | typeof user, id: string | null) {
	if (!id) return null;
	return db.select({ id: table.id }).from(table).where(eq(table.id, id)).get() ? id : null;
}

/** Puts dots back, without a Kommune that has been deleted since. */
function restoreVotes(db: AppDatabase, votes: VoteRow[]) {
	const organisations = new Set(
		db
			.select({ id: organisation.id })
			.from(organisation)
			.all()
			.map((row) => row.id)
	);
	for (const dot of votes) {
		db.insert(vote)
			.values({
				...dot,
				affiliationOrganisationId:
					dot.affiliationOrganisationId && organisations.has(dot.affiliationOrganisationId)
						? dot.affiliationOrganisationId
						: null,
				createdAt: new Date(dot.createdAt)
			})
			.run();
	}
}

function restoreCard(db: AppDatabase, boardId: string, undo: CardDeletedUndo): Undone | null {
	const row = undo.card;
	if (!columnOf(db, boardId, row.columnId)) {
		return refused(
			'Die Spalte dieser Karte gibt es nicht mehr. Machen Sie zuerst das Löschen der Spalte rückgängig.'
		);
	}
	if (cardCount(db, boardId) >= maxCardsPerBoard) return refused('Diese Pinnwand ist voll.');
	// Back on the stack it lay on, if that is still there (or on the stack that card went to).
	const under = row.stackedOnId ? cardOf(db, boardId, row.stackedOnId) : undefined;
	const top = under ? (under.stackedOnId ?? under.id) : null;
	const topRow = top ? cardOf(db, boardId, top) : undefined;
	db.insert(card)
		.values({
			...row,
			participantId: exists(db, participant, row.participantId),
			userId: exists(db, user, row.userId),
			stackedOnId: topRow?.id ?? null,
			columnId: topRow?.columnId ?? row.columnId,
			createdAt: new Date(row.createdAt),
			updatedAt: new Date(row.updatedAt)
		})
		.run();
	// The cards that lay on it and are still where it left them lie on it again.
	const [successor] = undo.stack;
	if (successor) {
		const gathered = db
			.select({ id: card.id, stackedOnId: card.stackedOnId })
			.from(card)
			.where(and(eq(card.boardId, boardId), inArray(card.id, undo.stack)))
			.all()
			.filter((c) => c.id === successor || c.stackedOnId === successor)
			.filter((c) => c.id !== successor || c.stackedOnId === null);
		for (const c of gathered) {
			db.update(card)
				.set({ stackedOnId: row.id, columnId: row.columnId })
				.where(eq(card.id, c.id))
				.run();
		}
	}
	restoreVotes(db, undo.votes);
	return null;
}

function unstack(db: AppDatabase, boardId: string, undo: CardsStackedUndo): Undone | null {
	const still = undo.moved.filter((m) => cardOf(db, boardId, m.id)?.stackedOnId === undo.top);
	if (still.length === 0) return refused('Diese Karten liegen nicht mehr in dem Stapel.');
	const top = cardOf(db, boardId, undo.top)!;
	for (const moved of still.filter((m) => m.stackedOnId === null)) {
		db.update(card).set({ stackedOnId: null }).where(eq(card.id, moved.id)).run();
		const column = columnOf(db, boardId, moved.columnId) ? moved.columnId : top.columnId;
		placeCard(db, boardId, column, moved.id, moved.index);
	}
	for (const moved of still.filter((m) => m.stackedOnId !== null)) {
		const under = cardOf(db, boardId, moved.stackedOnId!);
		const back = under && under.stackedOnId === null ? under : undefined;
		if (back) {
			db.update(card)
				.set({ stackedOnId: back.id, columnId: back.columnId })
				.where(eq(card.id, moved.id))
				.run();
		} else {
			db.update(card).set({ stackedOnId: null }).where(eq(card.id, moved.id)).run();
			placeCard(db, boardId, top.columnId, moved.id, Number.MAX_SAFE_INTEGER);
		}
	}
	return null;
}

function restoreDots(db: AppDatabase, boardId: string, votes: VoteRow[]): Undone | null {
	const now = db
		.select({ n: sql<number>`count(*)` })
		.from(vote)
		.where(eq(vote.boardId, boardId))
		.get()!.n;
	// Old dots beside new ones would count people twice over two rounds.
	if (now > 0) {
		return refused(
			'Seit dem Löschen wurden neue Punkte vergeben. Die gelöschten lassen sich nicht mehr zurückholen.'
		);
	}
	const cards = new Set(
		db
			.select({ id: card.id })
			.from(card)
			.where(eq(card.boardId, boardId))
			.all()
			.map((row) => row.id)
	);
	restoreVotes(
		db,
		votes.filter((dot) => cards.has(dot.cardId))
	);
	return null;
}

function restoreColumn(
	db: AppDatabase,
	boardId: string,
	column: { id: string; title: string; sortOrder: number }
): Undone | null {
	const columns = db
		.select({ n: sql<number>`count(*)` })
		.from(boardColumn)
		.where(eq(boardColumn.boardId, boardId))
		.get()!.n;
	if (columns >= maxColumns) return refused(`Höchstens ${maxColumns} Spalten.`);
	db.insert(boardColumn)
		.values({ id: column.id, boardId, title: column.title, sortOrder: columns })
		.run();
	placeColumn(db, boardId, column.id, column.sortOrder);
	return null;
}

/** Puts back what a log entry of this board took away, and marks the entry undone. */
export function undoActivity(
	db: AppDatabase,
	current: BoardRow,
	activityId: number,
	now: Date
): Undone {
	const entry = findActivity(db, current.id, activityId);
	if (!entry) return refused('Diesen Eintrag gibt es auf dieser Pinnwand nicht.');
	if (entry.undoneAt) return refused('Das ist schon rückgängig gemacht.');
	const undo = entry.undo as never;
	if (!undo) return refused('Das lässt sich nicht rückgängig machen.');
	let problem: Undone | null;
	switch (entry.kind) {
		case 'card-deleted':
			problem = restoreCard(db, current.id, undo);
			break;
		case 'cards-stacked':
			problem = unstack(db, current.id, undo);
			break;
		case 'votes-reset':
			problem = restoreDots(db, current.id, (undo as { votes: VoteRow[] }).votes);
			break;
		case 'column-deleted':
			problem = restoreColumn(
				db,
				current.id,
				(undo as { column: { id: string; title: string; sortOrder: number } }).column
			);
			break;
		default:
			problem = refused('Das lässt sich nicht rückgängig machen.');
	}
	if (problem) return problem;
	markUndone(db, entry.id, now);
	return { ok: true, undid: { kind: entry.kind, detail: entry.detail as ActivityDetail } };
}
