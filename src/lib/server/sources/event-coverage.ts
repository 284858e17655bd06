// The conference results seen from the text: for each card, the passages that take it up
// ("aufgegriffen in Leitbild 5.3"), and how many of the cards with enough dots are in the text,
// per working group and for the whole event. A link counts only while its passage is in the
// current text: a deleted passage no longer takes anything up.
import { inArray } from 'drizzle-orm';
import { documentKindLabels } from '../../documents';
import { passages } from '../../editor/passages';
import type { BoardResult, CardResult } from '../boards/results';
import type { AppDatabase } from '../db/database';
import { document, type DocumentRow } from '../db/schema';
import { currentContent } from '../documents/versions';
import { coverage, type Coverage } from './coverage';
import { listSourceLinksOfEvent } from './passage-sources';

export interface PassagePlace {
	/** "Leitbild 5.3" */
	label: string;
	documentSlug: string;
	blockId: string;
}

/** A document's short name before a passage number: its kind, or its title for "Sonstiges". */
function shortName(row: DocumentRow): string {
	return row.kind === 'sonstiges' ? row.title : documentKindLabels[row.kind];
}

/** Per card id, where its links lead in the current texts of the documents the reader may read. */
export function cardPlaces(
	db: AppDatabase,
	eventId: string,
	mayRead: (row: DocumentRow) => boolean
): Map<string, PassagePlace[]> {
	const links = listSourceLinksOfEvent(db, eventId).filter((link) => link.source.kind === 'card');
	const documentIds = [...new Set(links.map((link) => link.documentId))];
	const rows = documentIds.length
		? db.select().from(document).where(inArray(document.id, documentIds)).all().filter(mayRead)
		: [];
	const numbers = new Map(
		rows.map((row) => [
			row.id,
			{
				row,
				byBlock: new Map(
					passages(currentContent(db, row.id)).map((passage) => [passage.blockId, passage.number])
				)
			}
		])
	);
	const places = new Map<string, PassagePlace[]>();
	for (const link of links) {
		if (link.source.kind !== 'card') continue;
		const found = numbers.get(link.documentId);
		const number = found?.byBlock.get(link.blockId);
		if (!found || !number) continue;
		const list = places.get(link.source.cardId) ?? [];
		list.push({
			label: `${shortName(found.row)} ${number}`,
			documentSlug: found.row.slug,
			blockId: link.blockId
		});
		places.set(link.source.cardId, list);
	}
	return places;
}

export interface CardWithPlaces extends CardResult {
	/** Where the card or a card of its stack is taken up, each place once. */
	places: PassagePlace[];
}

export interface BoardCoverage extends Omit<BoardResult, 'columns'> {
	columns: { title: string; cards: CardWithPlaces[] }[];
	coverage: Coverage;
	/** Cards with enough dots that no passage takes up yet, most dots first. */
	notYetInText: { text: string; votes: number; column: string }[];
}

export function resultsWithCoverage(
	boards: BoardResult[],
	places: Map<string, PassagePlace[]>,
	threshold: number
): { boards: BoardCoverage[]; overall: Coverage } {
	const all: { votes: number; used: boolean }[] = [];
	const withPlaces = boards.map((board) => {
		const columns = board.columns.map((column) => ({
			title: column.title,
			cards: column.cards.map((card) => {
				const found = [card.id, ...card.stack.map((stacked) => stacked.id)].flatMap(
					(id) => places.get(id) ?? []
				);
				const unique = new Map(
					found.map((place) => [`${place.documentSlug}\n${place.blockId}`, place])
				);
				return { ...card, places: [...unique.values()] };
			})
		}));
		const cards = columns.flatMap((column) =>
			column.cards.map((card) => ({ ...card, column: column.title, used: card.places.length > 0 }))
		);
		all.push(...cards);
		return {
			...board,
			columns,
			coverage: coverage(cards, threshold),
			notYetInText: cards
				.filter((card) => !card.used && card.votes >= threshold)
				.sort((a, b) => b.votes - a.votes || a.text.localeCompare(b.text, 'de'))
				.map(({ text, votes, column }) => ({ text, votes, column }))
		};
	});
	return { boards: withPlaces, overall: coverage(all, threshold) };
}
