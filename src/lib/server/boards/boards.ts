// Working-group boards: their columns, cards and dots, read as one view per viewer. Changes go
// through commands.ts, which checks every rule before it writes.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { AppDatabase } from '../db/database';
import { board, boardColumn, card, vote, workingGroup, type BoardRow } from '../db/schema';
import type { BoardView, StackedCardView } from '../../boards/types';
import { activityOf } from '../events/activity';
import zukunftskonferenz from '../events/seed/zukunftskonferenz.json';
import { countedVotes, dotsPerStack, stackTops } from './stacks';

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

export function cardAuthorKey(row: { participantId: string | null; userId: string | null }) {
	return row.participantId ?? row.userId;
}

/** How many of the newest log entries a moderator's board shows with their undo. */
const recentShown = 5;

/** Everything on a board that all viewers share, read in one go: a broadcast reads it once and
 * derives each viewer's view from it, instead of reading the board once per phone. */
export interface BoardSnapshot {
	board: BoardRow;
	title: string;
	question: string;
	columns: (typeof boardColumn.$inferSelect)[];
	cards: (typeof card.$inferSelect)[];
	votes: { cardId: string; voterKey: string }[];
	topOf: (cardId: string) => string;
	/** Counted dots per stack (a person counts once per stack). */
	totals: Map<string, number>;
	/** The cards lying on each stack's top card, oldest first. */
	stacks: Map<string, (typeof card.$inferSelect)[]>;
}

export function boardSnapshot(db: AppDatabase, boardId: string): BoardSnapshot | undefined {
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
		.orderBy(asc(vote.id))
		.all();
	const topOf = stackTops(cards);
	const stacks = new Map<string, typeof cards>();
	for (const c of [...cards].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())) {
		if (!c.stackedOnId) continue;
		const stack = stacks.get(c.stackedOnId);
		if (stack) stack.push(c);
		else stacks.set(c.stackedOnId, [c]);
	}
	return {
		...found,
		columns,
		cards,
		votes,
		topOf,
		totals: dotsPerStack(votes, topOf),
		stacks
	};
}

/** One viewer's view of a snapshot; the moderator's recent changes are read for moderators only. */
export function viewOfBoard(db: AppDatabase, snapshot: BoardSnapshot, viewer: Viewer): BoardView {
	const { board: row, cards, votes, topOf, totals, stacks } = snapshot;
	const mine = votes.filter((vote) => vote.voterKey === viewer.key);
	const myCounted = countedVotes(mine, topOf);
	const perStack = (rows: { cardId: string }[]) => {
		const counts = new Map<string, number>();
		for (const vote of rows)
			counts.set(topOf(vote.cardId), (counts.get(topOf(vote.cardId)) ?? 0) + 1);
		return counts;
	};
	const myTotals = perStack(mine);
	const myCountedTotals = perStack(myCounted);
	const showCounts = row.votesRevealed || viewer.moderator;
	const plain = (c: (typeof cards)[number]): StackedCardView => ({
		id: c.id,
		text: c.text,
		colour: c.colour,
		authorName: c.authorName,
		mine: cardAuthorKey(c) === viewer.key
	});
	return {
		id: row.id,
		eventId: row.eventId,
		title: snapshot.title,
		question: snapshot.question,
		locked: row.locked,
		dotsPerVoter: row.dotsPerVoter,
		votesRevealed: row.votesRevealed,
		timerEndsAt: row.timerEndsAt?.getTime() ?? null,
		moderator: viewer.moderator,
		myDotsLeft: Math.max(0, row.dotsPerVoter - mine.length),
		columns: snapshot.columns.map((column) => ({
			id: column.id,
			title: column.title,
			cards: cards
				.filter((c) => c.columnId === column.id && !c.stackedOnId)
				.map((c) => ({
					...plain(c),
					stack: (stacks.get(c.id) ?? []).map(plain),
					votes: showCounts ? (totals.get(c.id) ?? 0) : null,
					myVotes: myTotals.get(c.id) ?? 0,
					myDoubledVotes: (myTotals.get(c.id) ?? 0) - (myCountedTotals.get(c.id) ?? 0)
				}))
		})),
		recent: viewer.moderator
			? activityOf(db, { eventId: row.eventId, boardId: row.id }, recentShown).map((entry) => ({
					id: entry.id,
					text: entry.text,
					undoable: entry.undoable
				}))
			: []
	};
}

export function boardView(db: AppDatabase, boardId: string, viewer: Viewer): BoardView | undefined {
	const snapshot = boardSnapshot(db, boardId);
	return snapshot && viewOfBoard(db, snapshot, viewer);
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
