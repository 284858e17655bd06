// The results of an event's boards: each board's cards by column, most dots first, with the
// dots broken down by Kommune and kind of organisation where the event asked. Groups under three
// are never shown on their own, so no single person's choice can be read off.
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

export const smallestShownGroup = 3;

export interface BreakdownEntry {
	label: string;
	votes: number;
}

export interface CardResult {
	text: string;
	authorName: string | null;
	votes: number;
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

/** Counts per label with groups under the threshold folded into one "Weitere" entry. */
export function foldSmallGroups(counts: Map<string, number>, otherLabel: string): BreakdownEntry[] {
	const shown: BreakdownEntry[] = [];
	let folded = 0;
	for (const [label, votes] of [...counts].sort(
		(a, b) => b[1] - a[1] || a[0].localeCompare(b[0])
	)) {
		if (votes >= smallestShownGroup) shown.push({ label, votes });
		else folded += votes;
	}
	// A folded remainder under three would still single someone out: it is left out, not shown.
	if (folded >= smallestShownGroup) shown.push({ label: otherLabel, votes: folded });
	return shown;
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
		const cards = db.select().from(card).where(eq(card.boardId, found.id)).all();
		const votes = db
			.select({
				cardId: vote.cardId,
				organisationName: organisation.name,
				organisationType: vote.organisationType
			})
			.from(vote)
			.leftJoin(organisation, eq(vote.affiliationOrganisationId, organisation.id))
			.where(eq(vote.boardId, found.id))
			.all();
		const perCard = new Map<string, number>();
		const byAffiliation = new Map<string, number>();
		const byType = new Map<string, number>();
		for (const row of votes) {
			perCard.set(row.cardId, (perCard.get(row.cardId) ?? 0) + 1);
			const place = row.organisationName ?? 'Ohne Angabe';
			byAffiliation.set(place, (byAffiliation.get(place) ?? 0) + 1);
			const type = row.organisationType
				? organisationTypeLabels[row.organisationType]
				: 'Ohne Angabe';
			byType.set(type, (byType.get(type) ?? 0) + 1);
		}
		return {
			title: found.title,
			question: found.question,
			totalVotes: votes.length,
			columns: columns.map((column) => ({
				title: column.title,
				cards: cards
					.filter((c) => c.columnId === column.id)
					.map((c) => ({ text: c.text, authorName: c.authorName, votes: perCard.get(c.id) ?? 0 }))
					.sort((a, b) => b.votes - a.votes || a.text.localeCompare(b.text, 'de'))
			})),
			byAffiliation: eventRow.asksAffiliation ? foldSmallGroups(byAffiliation, 'Weitere') : [],
			byOrganisationType: eventRow.asksAffiliation ? foldSmallGroups(byType, 'Weitere') : []
		};
	});
}
