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

export interface StackedCardView {
	id: string;
	text: string;
	colour: CardColour;
	/** null: anonym */
	authorName: string | null;
	mine: boolean;
}

/** A card on its own or at the top of a stack, with the cards lying on it. */
export interface CardView extends StackedCardView {
	/** The cards lying on this one, oldest first; empty for a card on its own. */
	stack: StackedCardView[];
	/** The stack's counted dots (stacks.ts); null while the counts are hidden from this viewer. */
	votes: number | null;
	/** The viewer's dots on the stack. */
	myVotes: number;
	/** Of those, the ones lying doubled, which do not count. */
	myDoubledVotes: number;
}

/** A moderator's recent change on this board, with an undo while one is possible. */
export interface RecentChange {
	id: number;
	text: string;
	undoable: boolean;
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
	/** For moderators: the newest entries of the activity log for this board. */
	recent: RecentChange[];
}

export function cardAuthorKey(row: { participantId: string | null; userId: string | null }) {
	return row.participantId ?? row.userId;
}

/** How many of the newest log entries a moderator's board shows with their undo. */
const recentShown = 5;

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
		.orderBy(asc(vote.id))
		.all();
	const topOf = stackTops(cards);
	const totals = dotsPerStack(votes, topOf);
	const mine = votes.filter((row) => row.voterKey === viewer.key);
	const myCounted = countedVotes(mine, topOf);
	const perStack = (rows: { cardId: string }[]) => {
		const counts = new Map<string, number>();
		for (const row of rows) counts.set(topOf(row.cardId), (counts.get(topOf(row.cardId)) ?? 0) + 1);
		return counts;
	};
	const myTotals = perStack(mine);
	const myCountedTotals = perStack(myCounted);
	const showCounts = found.board.votesRevealed || viewer.moderator;
	const stacks = new Map<string, typeof cards>();
	for (const c of [...cards].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())) {
		if (!c.stackedOnId) continue;
		const stack = stacks.get(c.stackedOnId);
		if (stack) stack.push(c);
		else stacks.set(c.stackedOnId, [c]);
	}
	const plain = (c: (typeof cards)[number]): StackedCardView => ({
		id: c.id,
		text: c.text,
		colour: c.colour,
		authorName: c.authorName,
		mine: cardAuthorKey(c) === viewer.key
	});
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
		myDotsLeft: Math.max(0, found.board.dotsPerVoter - mine.length),
		columns: columns.map((column) => ({
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
			? activityOf(db, { eventId: found.board.eventId, boardId }, recentShown).map((entry) => ({
					id: entry.id,
					text: entry.text,
					undoable: entry.undoable
				}))
			: []
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
