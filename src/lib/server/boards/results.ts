// The results of an event's boards: each board's cards by column, most dots first, every stack
// with all its cards, and the dots broken down by Kommune and kind of organisation where the
// event asked. Dots are counted as on the board (stacks.ts); groups under three people are never
// shown on their own (events/small-groups.ts), so no single person's choice can be read off.
import { asc, eq } from 'drizzle-orm';
import { organisationTypeLabels } from '$lib/events';
import type { AppDatabase } from '../db/database';
import {
	board,
	boardColumn,
	card,
	organisation,
	vote,
	workingGroup,
	type EventRow
} from '../db/schema';
import { groupByPeople } from '../events/small-groups';
import { countedVotes, stackTops } from './stacks';

export interface BreakdownEntry {
	label: string;
	votes: number;
}

export interface StackedCardResult {
	id: string;
	text: string;
	authorName: string | null;
}

export interface CardResult extends StackedCardResult {
	/** The stack's dots, each person counted once per stack. */
	votes: number;
	/** The cards lying on this one, oldest first. */
	stack: StackedCardResult[];
}

export interface BoardResult {
	title: string;
	question: string;
	columns: { title: string; cards: CardResult[] }[];
	totalVotes: number;
	/** Dots by Kommune; empty when the event does not ask. */
	byAffiliation: BreakdownEntry[];
	/** Dots by kind of organisation; empty when the event does not ask. */
	byOrganisationType: BreakdownEntry[];
}

/** Dots per group of at least three people, most first, then "Weitere" for smaller groups. */
function breakdown<V extends { voterKey: string }>(
	votes: readonly V[],
	groupOf: (vote: V) => string
): BreakdownEntry[] {
	const grouped = groupByPeople(votes, groupOf, (dot) => dot.voterKey);
	const entries = grouped.shown
		.map((group) => ({ label: group.key, votes: group.items.length }))
		.sort((a, b) => b.votes - a.votes || a.label.localeCompare(b.label, 'de'));
	if (grouped.others) entries.push({ label: 'Weitere', votes: grouped.others.items.length });
	return entries;
}

export function eventBoardResults(db: AppDatabase, eventRow: EventRow): BoardResult[] {
	const boards = db
		.select({ id: board.id, title: workingGroup.title, question: workingGroup.question })
		.from(board)
		.innerJoin(workingGroup, eq(board.workingGroupId, workingGroup.id))
		.where(eq(board.eventId, eventRow.id))
		.orderBy(asc(workingGroup.sortOrder))
		.all();
	return boards.map((found) => {
		const columns = db
			.select()
			.from(boardColumn)
			.where(eq(boardColumn.boardId, found.id))
			.orderBy(asc(boardColumn.sortOrder))
			.all();
		const cards = db
			.select()
			.from(card)
			.where(eq(card.boardId, found.id))
			.orderBy(asc(card.createdAt), asc(card.id))
			.all();
		const topOf = stackTops(cards);
		const votes = countedVotes(
			db
				.select({
					cardId: vote.cardId,
					voterKey: vote.voterKey,
					organisationName: organisation.name,
					organisationType: vote.organisationType
				})
				.from(vote)
				.leftJoin(organisation, eq(vote.affiliationOrganisationId, organisation.id))
				.where(eq(vote.boardId, found.id))
				.orderBy(asc(vote.id))
				.all(),
			topOf
		);
		const perStack = new Map<string, number>();
		for (const row of votes) {
			perStack.set(topOf(row.cardId), (perStack.get(topOf(row.cardId)) ?? 0) + 1);
		}
		const plain = (c: (typeof cards)[number]) => ({
			id: c.id,
			text: c.text,
			authorName: c.authorName
		});
		return {
			title: found.title,
			question: found.question,
			totalVotes: votes.length,
			columns: columns.map((column) => ({
				title: column.title,
				cards: cards
					.filter((c) => c.columnId === column.id && !c.stackedOnId)
					.map((c) => ({
						...plain(c),
						votes: perStack.get(c.id) ?? 0,
						stack: cards.filter((other) => other.stackedOnId === c.id).map(plain)
					}))
					.sort((a, b) => b.votes - a.votes || a.text.localeCompare(b.text, 'de'))
			})),
			byAffiliation: eventRow.asksAffiliation
				? breakdown(votes, (row) => row.organisationName ?? 'Ohne Angabe')
				: [],
			byOrganisationType: eventRow.asksAffiliation
				? breakdown(votes, (row) =>
						row.organisationType ? organisationTypeLabels[row.organisationType] : 'Ohne Angabe'
					)
				: []
		};
	});
}
