// Working-group boards: their columns, cards and dots, read as one view per viewer. Changes go
// through commands.ts, which checks every rule before it writes.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { AppDatabase } from '../db/database';
import {
	board,
	boardColumn,
	card,
	vote,
	workingGroup,
	type BoardRow,
	type CardColour
} from '../db/schema';
import zukunftskonferenz from '../events/seed/zukunftskonferenz.json';

/** The columns every new board starts with. */
export const defaultColumns: readonly string[] = zukunftskonferenz.boardColumns;

export function createBoardForGroup(db: AppDatabase, eventId: string, workingGroupId: string) {
	const id = crypto.randomUUID();
	db.insert(board).values({ id, eventId, workingGroupId }).run();
	defaultColumns.forEach((title, sortOrder) => {
		db.insert(boardColumn).values({ id: crypto.randomUUID(), boardId: id, title, sortOrder }).run();
	});
	return id;
}

export function findBoard(db: AppDatabase, id: string): BoardRow | undefined {
	return db.select().from(board).where(eq(board.id, id)).get();
}

/** The board of a URL, if it belongs to this event; boards of other events count as missing. */
export function boardOfEvent(db: AppDatabase, eventId: string, boardId: string) {
	const found = findBoard(db, boardId);
	return found && found.eventId === eventId ? found : undefined;
}

export interface BoardSummary {
	id: string;
	workingGroupId: string;
	title: string;
	question: string;
	locked: boolean;
	votingOpen: boolean;
	cardCount: number;
}

export function listBoards(db: AppDatabase, eventId: string): BoardSummary[] {
	return db
		.select({
			id: board.id,
			workingGroupId: board.workingGroupId,
			title: workingGroup.title,
			question: workingGroup.question,
			locked: board.locked,
			dotsPerVoter: board.dotsPerVoter,
			cardCount: sql<number>`(select count(*) from ${card} where ${card.boardId} = ${board.id})`
		})
		.from(board)
		.innerJoin(workingGroup, eq(board.workingGroupId, workingGroup.id))
		.where(eq(board.eventId, eventId))
		.orderBy(asc(workingGroup.sortOrder))
		.all()
		.map(({ dotsPerVoter, ...row }) => ({ ...row, votingOpen: dotsPerVoter > 0 }));
}

/** Who looks at a board: the key their cards and dots carry, and whether they moderate. */
export interface Viewer {
	/** participant id or user id */
	key: string;
	kind: 'participant' | 'member';
	moderator: boolean;
}

export interface CardView {
	id: string;
	text: string;
	colour: CardColour;
	/** null: anonym */
	authorName: string | null;
	mine: boolean;
	/** null while the counts are hidden from this viewer */
	votes: number | null;
	myVotes: number;
}

export interface BoardView {
	id: string;
	eventId: string;
	title: string;
	question: string;
	locked: boolean;
	dotsPerVoter: number;
	votesRevealed: boolean;
	timerEndsAt: number | null;
	columns: { id: string; title: string; cards: CardView[] }[];
	myDotsLeft: number;
	moderator: boolean;
}

export function cardAuthorKey(row: { participantId: string | null; userId: string | null }) {
	return row.participantId ?? row.userId;
}

export function boardView(db: AppDatabase, boardId: string, viewer: Viewer): BoardView | undefined {
	const found = db
		.select({ board, title: workingGroup.title, question: workingGroup.question })
		.from(board)
		.innerJoin(workingGroup, eq(board.workingGroupId, workingGroup.id))
		.where(eq(board.id, boardId))
		.get();
	if (!found) return undefined;
	const columns = db
		.select()
		.from(boardColumn)
		.where(eq(boardColumn.boardId, boardId))
		.orderBy(asc(boardColumn.sortOrder))
		.all();
	const cards = db
		.select()
		.from(card)
		.where(eq(card.boardId, boardId))
		.orderBy(asc(card.sortOrder), asc(card.createdAt))
		.all();
	const votes = db
		.select({ cardId: vote.cardId, voterKey: vote.voterKey })
		.from(vote)
		.where(eq(vote.boardId, boardId))
		.all();
	const totals = new Map<string, number>();
	const mine = new Map<string, number>();
	for (const row of votes) {
		totals.set(row.cardId, (totals.get(row.cardId) ?? 0) + 1);
		if (row.voterKey === viewer.key) mine.set(row.cardId, (mine.get(row.cardId) ?? 0) + 1);
	}
	const showCounts = found.board.votesRevealed || viewer.moderator;
	const used = [...mine.values()].reduce((a, b) => a + b, 0);
	return {
		id: found.board.id,
		eventId: found.board.eventId,
		title: found.title,
		question: found.question,
		locked: found.board.locked,
		dotsPerVoter: found.board.dotsPerVoter,
		votesRevealed: found.board.votesRevealed,
		timerEndsAt: found.board.timerEndsAt?.getTime() ?? null,
		moderator: viewer.moderator,
		myDotsLeft: Math.max(0, found.board.dotsPerVoter - used),
		columns: columns.map((column) => ({
			id: column.id,
			title: column.title,
			cards: cards
				.filter((c) => c.columnId === column.id)
				.map((c) => ({
					id: c.id,
					text: c.text,
					colour: c.colour,
					authorName: c.authorName,
					mine: cardAuthorKey(c) === viewer.key,
					votes: showCounts ? (totals.get(c.id) ?? 0) : null,
					myVotes: mine.get(c.id) ?? 0
				}))
		}))
	};
}

/** The dots a voter has placed on a board. */
export function dotsUsed(db: AppDatabase, boardId: string, voterKey: string): number {
	return (
		db
			.select({ n: sql<number>`count(*)` })
			.from(vote)
			.where(and(eq(vote.boardId, boardId), eq(vote.voterKey, voterKey)))
			.get()?.n ?? 0
	);
}
