// Every change to a board is a command, checked here against the rules before anything is
// written: who may change which card, the lock, the dot limit, the bounds. A refused command
// changes nothing and says why, in German.
import { and, asc, eq, sql } from 'drizzle-orm';
import * as v from 'valibot';
import { transaction, type AppDatabase } from '../db/database';
import {
	board,
	boardColumn,
	card,
	cardColours,
	vote,
	type BoardRow,
	type CardRow,
	type OrganisationType
} from '../db/schema';
import { multiLineText, oneLineText } from '../text/user-text';
import { cardAuthorKey, dotsUsed, type Viewer } from './boards';
import { readOnlyReason } from './group-boards';

export const maxCardLength = 280;
export const maxColumnTitleLength = 60;
export const maxColumns = 8;
export const maxCardsPerBoard = 500;
export const maxDots = 20;

const id = v.pipe(v.string(), v.uuid());
const cardText = v.pipe(
	v.string(),
	multiLineText('Bitte schreiben Sie die Karte ohne Steuerzeichen.'),
	v.trim(),
	v.nonEmpty('Bitte schreiben Sie etwas auf die Karte.'),
	v.maxLength(maxCardLength, `Eine Karte hat höchstens ${maxCardLength} Zeichen.`)
);
const columnTitle = v.pipe(
	v.string(),
	v.trim(),
	v.nonEmpty('Bitte geben Sie der Spalte einen Namen.'),
	v.maxLength(
		maxColumnTitleLength,
		`Ein Spaltenname hat höchstens ${maxColumnTitleLength} Zeichen.`
	),
	oneLineText('Bitte geben Sie den Spaltennamen ohne Steuerzeichen an.')
);
const position = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10_000));

export const BoardCommand = v.variant('type', [
	v.object({
		type: v.literal('addCard'),
		columnId: id,
		text: cardText,
		colour: v.optional(v.picklist(cardColours), 'gelb')
	}),
	v.object({
		type: v.literal('editCard'),
		cardId: id,
		text: cardText,
		colour: v.optional(v.picklist(cardColours))
	}),
	v.object({ type: v.literal('deleteCard'), cardId: id }),
	v.object({ type: v.literal('moveCard'), cardId: id, columnId: id, index: position }),
	v.object({ type: v.literal('mergeCards'), cardId: id, intoCardId: id }),
	v.object({ type: v.literal('vote'), cardId: id }),
	v.object({ type: v.literal('unvote'), cardId: id }),
	v.object({ type: v.literal('addColumn'), title: columnTitle }),
	v.object({ type: v.literal('renameColumn'), columnId: id, title: columnTitle }),
	v.object({ type: v.literal('moveColumn'), columnId: id, index: position }),
	v.object({ type: v.literal('deleteColumn'), columnId: id }),
	v.object({ type: v.literal('lock'), locked: v.boolean() }),
	v.object({
		type: v.literal('startVoting'),
		dots: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(maxDots)),
		hidden: v.boolean()
	}),
	v.object({ type: v.literal('endVoting') }),
	v.object({ type: v.literal('revealVotes') }),
	v.object({ type: v.literal('resetVotes') }),
	v.object({
		type: v.literal('setTimer'),
		/** 0 stops the timer. */
		minutes: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(180))
	})
]);

export type BoardCommand = v.InferOutput<typeof BoardCommand>;

/** Commands only moderators may send. */
const moderatorOnly = new Set<BoardCommand['type']>([
	'mergeCards',
	'addColumn',
	'renameColumn',
	'moveColumn',
	'deleteColumn',
	'lock',
	'startVoting',
	'endVoting',
	'revealVotes',
	'resetVotes',
	'setTimer'
]);

export interface CommandAuthor extends Viewer {
	/** Shown with new cards; null for anonym. */
	displayName: string | null;
	affiliationOrganisationId: string | null;
	organisationType: OrganisationType | null;
}

export type CommandResult = { ok: true } | { ok: false; message: string };

export interface CommandOptions {
	now?: Date;
	/** Cards one author may have on the board; moderators have no limit. */
	cardsPerAuthor?: number;
}

const refused = (message: string): CommandResult => ({ ok: false, message });
const done: CommandResult = { ok: true };

/** Reads a command from a client message; a bad one gets the first problem as its message. */
export function parseCommand(
	input: unknown
): { ok: true; command: BoardCommand } | { ok: false; message: string } {
	const result = v.safeParse(BoardCommand, input);
	if (result.success) return { ok: true, command: result.output };
	const issue = result.issues[0];
	// Messages we wrote are German; valibot's own (wrong types) are replaced by one plain sentence.
	const ours = /[äöüß]|Bitte|Karte|Spalte/.test(issue.message);
	return { ok: false, message: ours ? issue.message : 'Diese Aktion ist ungültig.' };
}

function cardOf(db: AppDatabase, boardId: string, cardId: string): CardRow | undefined {
	return db
		.select()
		.from(card)
		.where(and(eq(card.id, cardId), eq(card.boardId, boardId)))
		.get();
}

function columnOf(db: AppDatabase, boardId: string, columnId: string) {
	return db
		.select()
		.from(boardColumn)
		.where(and(eq(boardColumn.id, columnId), eq(boardColumn.boardId, boardId)))
		.get();
}

function mayChangeCard(author: CommandAuthor, row: CardRow): boolean {
	return author.moderator || cardAuthorKey(row) === author.key;
}

/** Renumbers a column's cards with `moved` at `index`. */
function placeCard(
	db: AppDatabase,
	boardId: string,
	columnId: string,
	moved: string,
	index: number
) {
	const others = db
		.select({ id: card.id })
		.from(card)
		.where(and(eq(card.boardId, boardId), eq(card.columnId, columnId)))
		.orderBy(asc(card.sortOrder), asc(card.createdAt))
		.all()
		.map((row) => row.id)
		.filter((cardId) => cardId !== moved);
	others.splice(Math.min(index, others.length), 0, moved);
	others.forEach((cardId, sortOrder) => {
		db.update(card).set({ sortOrder, columnId }).where(eq(card.id, cardId)).run();
	});
}

function placeColumn(db: AppDatabase, boardId: string, moved: string, index: number) {
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

/**
 * Applies one command to a board, or refuses it. Runs in one transaction: a refused or failed
 * command leaves the board exactly as it was.
 */
export function applyCommand(
	db: AppDatabase,
	boardId: string,
	author: CommandAuthor,
	command: BoardCommand,
	{ now = new Date(), cardsPerAuthor = Infinity }: CommandOptions = {}
): CommandResult {
	return transaction(db, (tx) => {
		const current = tx.select().from(board).where(eq(board.id, boardId)).get();
		if (!current) return refused('Diese Pinnwand gibt es nicht mehr.');
		if (moderatorOnly.has(command.type) && !author.moderator) {
			return refused('Das darf nur die Moderation.');
		}
		if (current.locked && !author.moderator) {
			return refused('Die Pinnwand ist gesperrt. Änderungen sind gerade nicht möglich.');
		}
		const readOnly = readOnlyReason(tx, current, author);
		if (readOnly) return refused(readOnly);
		return apply(tx, current, author, command, { now, cardsPerAuthor });
	});
}

/** Cards the author has on the board now. */
function cardsOf(db: AppDatabase, boardId: string, author: CommandAuthor): number {
	const by = author.kind === 'participant' ? card.participantId : card.userId;
	return db
		.select({ n: sql<number>`count(*)` })
		.from(card)
		.where(and(eq(card.boardId, boardId), eq(by, author.key)))
		.get()!.n;
}

function apply(
	db: AppDatabase,
	current: BoardRow,
	author: CommandAuthor,
	command: BoardCommand,
	{ now, cardsPerAuthor }: Required<CommandOptions>
): CommandResult {
	const boardId = current.id;
	switch (command.type) {
		case 'addCard': {
			if (!columnOf(db, boardId, command.columnId)) return refused('Diese Spalte gibt es nicht.');
			const count = db
				.select({ n: sql<number>`count(*)` })
				.from(card)
				.where(eq(card.boardId, boardId))
				.get()!.n;
			if (count >= maxCardsPerBoard) return refused('Diese Pinnwand ist voll.');
			// A few people must not fill the board for everyone.
			if (!author.moderator && cardsOf(db, boardId, author) >= cardsPerAuthor) {
				return refused(
					`Sie haben schon ${cardsPerAuthor} Karten auf dieser Pinnwand. Löschen Sie eine, um eine neue anzuheften.`
				);
			}
			const last = db
				.select({ max: sql<number | null>`max(${card.sortOrder})` })
				.from(card)
				.where(eq(card.columnId, command.columnId))
				.get();
			db.insert(card)
				.values({
					id: crypto.randomUUID(),
					boardId,
					columnId: command.columnId,
					text: command.text,
					colour: command.colour,
					participantId: author.kind === 'participant' ? author.key : null,
					userId: author.kind === 'member' ? author.key : null,
					authorName: author.displayName,
					sortOrder: (last?.max ?? -1) + 1,
					createdAt: now,
					updatedAt: now
				})
				.run();
			return done;
		}
		case 'editCard': {
			const row = cardOf(db, boardId, command.cardId);
			if (!row) return refused('Diese Karte gibt es nicht mehr.');
			if (!mayChangeCard(author, row)) return refused('Sie können nur Ihre eigenen Karten ändern.');
			db.update(card)
				.set({ text: command.text, colour: command.colour ?? row.colour, updatedAt: now })
				.where(eq(card.id, row.id))
				.run();
			return done;
		}
		case 'deleteCard': {
			const row = cardOf(db, boardId, command.cardId);
			if (!row) return refused('Diese Karte gibt es nicht mehr.');
			if (!mayChangeCard(author, row)) {
				return refused('Sie können nur Ihre eigenen Karten löschen.');
			}
			db.delete(card).where(eq(card.id, row.id)).run();
			return done;
		}
		case 'moveCard': {
			const row = cardOf(db, boardId, command.cardId);
			if (!row) return refused('Diese Karte gibt es nicht mehr.');
			if (!mayChangeCard(author, row)) {
				return refused('Sie können nur Ihre eigenen Karten verschieben.');
			}
			if (!columnOf(db, boardId, command.columnId)) return refused('Diese Spalte gibt es nicht.');
			placeCard(db, boardId, command.columnId, row.id, command.index);
			return done;
		}
		case 'mergeCards': {
			const source = cardOf(db, boardId, command.cardId);
			const target = cardOf(db, boardId, command.intoCardId);
			if (!source || !target) return refused('Diese Karte gibt es nicht mehr.');
			if (source.id === target.id)
				return refused('Eine Karte lässt sich nicht mit sich selbst zusammenführen.');
			// The dots go with the merged card, so no vote is lost.
			db.update(vote).set({ cardId: target.id }).where(eq(vote.cardId, source.id)).run();
			db.delete(card).where(eq(card.id, source.id)).run();
			db.update(card).set({ updatedAt: now }).where(eq(card.id, target.id)).run();
			return done;
		}
		case 'vote': {
			if (current.dotsPerVoter === 0) return refused('Gerade läuft keine Abstimmung.');
			if (!cardOf(db, boardId, command.cardId)) return refused('Diese Karte gibt es nicht mehr.');
			if (dotsUsed(db, boardId, author.key) >= current.dotsPerVoter) {
				return refused(`Sie haben alle ${current.dotsPerVoter} Punkte vergeben.`);
			}
			db.insert(vote)
				.values({
					boardId,
					cardId: command.cardId,
					voterKey: author.key,
					affiliationOrganisationId: author.affiliationOrganisationId,
					organisationType: author.organisationType,
					createdAt: now
				})
				.run();
			return done;
		}
		case 'unvote': {
			if (current.dotsPerVoter === 0) return refused('Gerade läuft keine Abstimmung.');
			const mine = db
				.select({ id: vote.id })
				.from(vote)
				.where(
					and(
						eq(vote.boardId, boardId),
						eq(vote.cardId, command.cardId),
						eq(vote.voterKey, author.key)
					)
				)
				.get();
			if (!mine) return refused('Auf dieser Karte liegt kein Punkt von Ihnen.');
			db.delete(vote).where(eq(vote.id, mine.id)).run();
			return done;
		}
		case 'addColumn': {
			const columns = db
				.select({ n: sql<number>`count(*)` })
				.from(boardColumn)
				.where(eq(boardColumn.boardId, boardId))
				.get()!.n;
			if (columns >= maxColumns) return refused(`Höchstens ${maxColumns} Spalten.`);
			db.insert(boardColumn)
				.values({ id: crypto.randomUUID(), boardId, title: command.title, sortOrder: columns })
				.run();
			return done;
		}
		case 'renameColumn': {
			if (!columnOf(db, boardId, command.columnId)) return refused('Diese Spalte gibt es nicht.');
			db.update(boardColumn)
				.set({ title: command.title })
				.where(eq(boardColumn.id, command.columnId))
				.run();
			return done;
		}
		case 'moveColumn': {
			if (!columnOf(db, boardId, command.columnId)) return refused('Diese Spalte gibt es nicht.');
			placeColumn(db, boardId, command.columnId, command.index);
			return done;
		}
		case 'deleteColumn': {
			if (!columnOf(db, boardId, command.columnId)) return refused('Diese Spalte gibt es nicht.');
			const cards = db
				.select({ n: sql<number>`count(*)` })
				.from(card)
				.where(eq(card.columnId, command.columnId))
				.get()!.n;
			if (cards > 0)
				return refused('Nur leere Spalten lassen sich löschen. Verschieben Sie die Karten vorher.');
			db.delete(boardColumn).where(eq(boardColumn.id, command.columnId)).run();
			return done;
		}
		case 'lock':
			db.update(board).set({ locked: command.locked }).where(eq(board.id, boardId)).run();
			return done;
		case 'startVoting':
			db.update(board)
				.set({ dotsPerVoter: command.dots, votesRevealed: !command.hidden })
				.where(eq(board.id, boardId))
				.run();
			return done;
		case 'endVoting':
			db.update(board).set({ dotsPerVoter: 0 }).where(eq(board.id, boardId)).run();
			return done;
		case 'revealVotes':
			db.update(board).set({ votesRevealed: true }).where(eq(board.id, boardId)).run();
			return done;
		case 'resetVotes':
			db.delete(vote).where(eq(vote.boardId, boardId)).run();
			return done;
		case 'setTimer':
			db.update(board)
				.set({
					timerEndsAt:
						command.minutes === 0 ? null : new Date(now.getTime() + command.minutes * 60_000)
				})
				.where(eq(board.id, boardId))
				.run();
			return done;
	}
}
