// Every change to a board is a command, checked here against the rules before anything is
// written: who may change which card, the lock, the dot limit, the bounds. A refused command
// changes nothing and says why, in German.
import { and, eq, inArray, sql } from 'drizzle-orm';
import * as v from 'valibot';
import { transaction, type AppDatabase } from '../db/database';
import {
	board,
	boardColumn,
	card,
	event,
	vote,
	type BoardRow,
	type CardRow,
	type OrganisationType
} from '../db/schema';
import {
	cardColours,
	type BoardRefusal,
	type BoardRefusalCode,
	type BoardRefusalParams
} from '../../boards/types';
import { recordActivity, type NewActivity } from '../events/activity';
import { multiLineText, oneLineText } from '../text/user-text';
import {
	cardCount,
	cardOf,
	columnOf,
	indexInColumn,
	maxCardsPerBoard,
	maxColumns,
	placeCard,
	placeColumn,
	stackedOn
} from './board-rows';
import { dotsUsed, type Viewer } from './boards';
import { countedVotes, stackTops } from './stacks';
import { undoActivity, type CardDeletedUndo, type CardsStackedUndo } from './undo';
import { readOnlyReason } from './group-boards';
import { can, type Actor, type BoardResource } from '../policy';

export const maxCardLength = 280;
export const maxColumnTitleLength = 60;
export const maxDots = 20;

const id = v.pipe(v.string(), v.uuid());
/** The problems of a card's text, by the code the browser translates them by. */
const cardTextProblems = {
	card_control_characters: 'Bitte schreiben Sie die Karte ohne Steuerzeichen.',
	card_empty: 'Bitte schreiben Sie etwas auf die Karte.',
	card_too_long: `Eine Karte hat höchstens ${maxCardLength} Zeichen.`
} satisfies Partial<Record<BoardRefusalCode, string>>;
const cardText = v.pipe(
	v.string(),
	multiLineText(cardTextProblems.card_control_characters),
	v.trim(),
	v.nonEmpty(cardTextProblems.card_empty),
	v.maxLength(maxCardLength, cardTextProblems.card_too_long)
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
	/** Lays the card (with its stack, if it tops one) on the stack of `intoCardId`. */
	v.object({ type: v.literal('mergeCards'), cardId: id, intoCardId: id }),
	v.object({ type: v.literal('unstackCard'), cardId: id }),
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
	}),
	/** Undoes a destructive command, by its entry in the event's activity log. */
	v.object({
		type: v.literal('undo'),
		activityId: v.pipe(v.number(), v.integer(), v.minValue(1))
	})
]);

export type BoardCommand = v.InferOutput<typeof BoardCommand>;

/** Commands that moderate the board (board:moderate); every other one writes on it (board:write). */
const moderatorOnly = new Set<BoardCommand['type']>([
	'mergeCards',
	'unstackCard',
	'undo',
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
	/** Who sends the command, as the policy sees them. */
	actor: Actor;
	/** Shown with new cards; null for anonym. */
	displayName: string | null;
	affiliationOrganisationId: string | null;
	organisationType: OrganisationType | null;
}

/** A destructive command that can be undone answers with its entry in the activity log. */
export type CommandResult = { ok: true; undoId?: number } | ({ ok: false } & BoardRefusal);

export interface CommandOptions {
	now?: Date;
	/** Cards one author may have on the board; moderators have no limit. */
	cardsPerAuthor?: number;
}

const refused = (
	message: string,
	code?: BoardRefusalCode,
	params?: BoardRefusalParams
): CommandResult => ({ ok: false, message, ...(code && { code }), ...(params && { params }) });
const done: CommandResult = { ok: true };

/** Reads a command from a client message; a bad one gets the first problem as its message. */
export function parseCommand(
	input: unknown
): { ok: true; command: BoardCommand } | ({ ok: false } & BoardRefusal) {
	const result = v.safeParse(BoardCommand, input);
	if (result.success) return { ok: true, command: result.output };
	const issue = result.issues[0];
	// Messages we wrote are German; valibot's own (wrong types) are replaced by one plain sentence.
	const ours = /[äöüß]|Bitte|Karte|Spalte/.test(issue.message);
	if (!ours) return { ok: false, message: 'Diese Aktion ist ungültig.', code: 'invalid' };
	const code = (Object.keys(cardTextProblems) as (keyof typeof cardTextProblems)[]).find(
		(key) => cardTextProblems[key] === issue.message
	);
	if (code === 'card_too_long') {
		return { ok: false, message: issue.message, code, params: { count: maxCardLength } };
	}
	return { ok: false, message: issue.message, ...(code && { code }) };
}

function mayChangeCard(author: CommandAuthor, resource: BoardResource, row: CardRow): boolean {
	return can(author.actor, 'card:change', {
		type: 'card',
		board: resource,
		participantId: row.participantId,
		userId: row.userId
	});
}

/** A board as the policy sees it: locked or not, in an event archived or not. */
function boardResource(db: AppDatabase, current: BoardRow): BoardResource {
	const found = db
		.select({ archivedAt: event.archivedAt })
		.from(event)
		.where(eq(event.id, current.eventId))
		.get();
	return {
		type: 'board',
		event: { type: 'event', eventId: current.eventId, archived: Boolean(found?.archivedAt) },
		locked: current.locked
	};
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
		if (!current) return refused('Diese Pinnwand gibt es nicht mehr.', 'board_gone');
		const resource = boardResource(tx, current);
		if (moderatorOnly.has(command.type) && !can(author.actor, 'board:moderate', resource)) {
			return refused('Das darf nur die Moderation.', 'moderator_only');
		}
		if (!can(author.actor, 'board:write', resource)) {
			return resource.event.archived
				? refused(
						'Die Veranstaltung ist beendet. Die Pinnwand kann nur noch gelesen werden.',
						'event_ended'
					)
				: refused('Die Pinnwand ist gesperrt. Änderungen sind gerade nicht möglich.', 'locked');
		}
		const readOnly = readOnlyReason(tx, current, author);
		if (readOnly) return refused(readOnly, 'other_group');
		return apply(tx, current, resource, author, command, { now, cardsPerAuthor });
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

/** Writes the log entry of a moderator's destructive command; the answer names it for an undo. */
function logged(
	db: AppDatabase,
	current: BoardRow,
	author: CommandAuthor,
	entry: Pick<NewActivity, 'kind' | 'detail' | 'undo'>,
	now: Date
): CommandResult {
	const undoId = recordActivity(
		db,
		{
			eventId: current.eventId,
			boardId: current.id,
			actorUserId: author.kind === 'member' ? author.key : null,
			...entry
		},
		now
	);
	return entry.undo ? { ok: true, undoId } : done;
}

/** A person's dots on one stack, in the order given. */
function myDotsOnStack(db: AppDatabase, boardId: string, voterKey: string, top: CardRow) {
	const stack = [top, ...stackedOn(db, top.id)];
	const mine = db
		.select({ id: vote.id, cardId: vote.cardId, voterKey: vote.voterKey })
		.from(vote)
		.where(
			and(
				eq(vote.boardId, boardId),
				eq(vote.voterKey, voterKey),
				inArray(
					vote.cardId,
					stack.map((c) => c.id)
				)
			)
		)
		.orderBy(vote.id)
		.all();
	return { mine, counted: countedVotes(mine, stackTops(stack)) };
}

/** The card at the top of a card's stack: the card itself when it lies on none. */
function topCard(db: AppDatabase, boardId: string, row: CardRow): CardRow {
	return (row.stackedOnId && cardOf(db, boardId, row.stackedOnId)) || row;
}

function apply(
	db: AppDatabase,
	current: BoardRow,
	resource: BoardResource,
	author: CommandAuthor,
	command: BoardCommand,
	{ now, cardsPerAuthor }: Required<CommandOptions>
): CommandResult {
	const boardId = current.id;
	switch (command.type) {
		case 'addCard': {
			if (!columnOf(db, boardId, command.columnId))
				return refused('Diese Spalte gibt es nicht.', 'column_gone');
			if (cardCount(db, boardId) >= maxCardsPerBoard)
				return refused('Diese Pinnwand ist voll.', 'board_full');
			// A few people must not fill the board for everyone.
			if (!author.moderator && cardsOf(db, boardId, author) >= cardsPerAuthor) {
				return refused(
					`Sie haben schon ${cardsPerAuthor} Karten auf dieser Pinnwand. Löschen Sie eine, um eine neue anzuheften.`,
					'cards_per_author',
					{ count: cardsPerAuthor }
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
			if (!row) return refused('Diese Karte gibt es nicht mehr.', 'card_gone');
			if (!mayChangeCard(author, resource, row))
				return refused('Sie können nur Ihre eigenen Karten ändern.', 'own_cards_edit');
			db.update(card)
				.set({ text: command.text, colour: command.colour ?? row.colour, updatedAt: now })
				.where(eq(card.id, row.id))
				.run();
			return done;
		}
		case 'deleteCard': {
			const row = cardOf(db, boardId, command.cardId);
			if (!row) return refused('Diese Karte gibt es nicht mehr.', 'card_gone');
			if (!mayChangeCard(author, resource, row)) {
				return refused('Sie können nur Ihre eigenen Karten löschen.', 'own_cards_delete');
			}
			const votes = db.select().from(vote).where(eq(vote.cardId, row.id)).orderBy(vote.id).all();
			// The cards on it stay: the oldest takes its place at the top of the stack.
			const [next, ...rest] = stackedOn(db, row.id);
			if (next) {
				db.update(card)
					.set({ stackedOnId: null, columnId: row.columnId, sortOrder: row.sortOrder })
					.where(eq(card.id, next.id))
					.run();
				for (const other of rest) {
					db.update(card).set({ stackedOnId: next.id }).where(eq(card.id, other.id)).run();
				}
			}
			db.delete(card).where(eq(card.id, row.id)).run();
			// People take back their own cards; what the moderation deletes is logged and undoable.
			if (!author.moderator) return done;
			const undo: CardDeletedUndo = {
				card: row,
				votes,
				stack: next ? [next.id, ...rest.map((c) => c.id)] : []
			};
			return logged(
				db,
				current,
				author,
				{
					kind: 'card-deleted',
					detail: { text: row.text, votes: votes.length },
					undo: { ...undo }
				},
				now
			);
		}
		case 'moveCard': {
			const row = cardOf(db, boardId, command.cardId);
			if (!row) return refused('Diese Karte gibt es nicht mehr.', 'card_gone');
			if (!mayChangeCard(author, resource, row)) {
				return refused('Sie können nur Ihre eigenen Karten verschieben.', 'own_cards_move');
			}
			if (row.stackedOnId) {
				return refused(
					'Diese Karte liegt in einem Stapel. Verschieben Sie den ganzen Stapel.',
					'card_in_stack'
				);
			}
			if (!columnOf(db, boardId, command.columnId))
				return refused('Diese Spalte gibt es nicht.', 'column_gone');
			placeCard(db, boardId, command.columnId, row.id, command.index);
			return done;
		}
		case 'mergeCards': {
			const source = cardOf(db, boardId, command.cardId);
			const target = cardOf(db, boardId, command.intoCardId);
			if (!source || !target) return refused('Diese Karte gibt es nicht mehr.', 'card_gone');
			const top = topCard(db, boardId, target);
			if (source.id === top.id || source.stackedOnId === top.id) {
				return refused('Diese Karten liegen schon in einem Stapel.', 'already_stacked');
			}
			// Nothing is deleted: the card and the cards on it lie on the stack, with their dots.
			const moving = [source, ...stackedOn(db, source.id)];
			const undo: CardsStackedUndo = {
				top: top.id,
				moved: moving.map((c) => ({
					id: c.id,
					stackedOnId: c.stackedOnId,
					columnId: c.columnId,
					index: c.stackedOnId ? 0 : indexInColumn(db, c)
				}))
			};
			for (const c of moving) {
				db.update(card)
					.set({ stackedOnId: top.id, columnId: top.columnId })
					.where(eq(card.id, c.id))
					.run();
			}
			db.update(card).set({ updatedAt: now }).where(eq(card.id, top.id)).run();
			return logged(
				db,
				current,
				author,
				{
					kind: 'cards-stacked',
					detail: { text: source.text, stack: top.text },
					undo: { ...undo }
				},
				now
			);
		}
		case 'unstackCard': {
			const row = cardOf(db, boardId, command.cardId);
			if (!row) return refused('Diese Karte gibt es nicht mehr.', 'card_gone');
			const top = row.stackedOnId ? cardOf(db, boardId, row.stackedOnId) : undefined;
			if (!top) return refused('Diese Karte liegt in keinem Stapel.', 'not_in_stack');
			db.update(card).set({ stackedOnId: null }).where(eq(card.id, row.id)).run();
			placeCard(db, boardId, top.columnId, row.id, indexInColumn(db, top) + 1);
			return logged(
				db,
				current,
				author,
				{ kind: 'card-unstacked', detail: { text: row.text, stack: top.text } },
				now
			);
		}
		case 'vote': {
			if (current.dotsPerVoter === 0) return refused('Gerade läuft keine Abstimmung.', 'no_voting');
			const row = cardOf(db, boardId, command.cardId);
			if (!row) return refused('Diese Karte gibt es nicht mehr.', 'card_gone');
			if (dotsUsed(db, boardId, author.key) >= current.dotsPerVoter) {
				return refused(`Sie haben alle ${current.dotsPerVoter} Punkte vergeben.`, 'dots_used', {
					count: current.dotsPerVoter
				});
			}
			// A dot on a stack goes where the person's dots already count, so that it counts too.
			const top = topCard(db, boardId, row);
			const { counted } = myDotsOnStack(db, boardId, author.key, top);
			db.insert(vote)
				.values({
					boardId,
					cardId: counted[0]?.cardId ?? top.id,
					voterKey: author.key,
					affiliationOrganisationId: author.affiliationOrganisationId,
					organisationType: author.organisationType,
					createdAt: now
				})
				.run();
			return done;
		}
		case 'unvote': {
			if (current.dotsPerVoter === 0) return refused('Gerade läuft keine Abstimmung.', 'no_voting');
			const row = cardOf(db, boardId, command.cardId);
			if (!row) return refused('Diese Karte gibt es nicht mehr.', 'card_gone');
			const { mine, counted } = myDotsOnStack(db, boardId, author.key, topCard(db, boardId, row));
			// A doubled dot, which does not count, is taken back first.
			const taken = mine.filter((dot) => !counted.includes(dot)).at(-1) ?? mine.at(-1);
			if (!taken) return refused('Auf dieser Karte liegt kein Punkt von Ihnen.', 'no_dot_here');
			db.delete(vote).where(eq(vote.id, taken.id)).run();
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
			if (!columnOf(db, boardId, command.columnId))
				return refused('Diese Spalte gibt es nicht.', 'column_gone');
			db.update(boardColumn)
				.set({ title: command.title })
				.where(eq(boardColumn.id, command.columnId))
				.run();
			return done;
		}
		case 'moveColumn': {
			if (!columnOf(db, boardId, command.columnId))
				return refused('Diese Spalte gibt es nicht.', 'column_gone');
			placeColumn(db, boardId, command.columnId, command.index);
			return done;
		}
		case 'deleteColumn': {
			const column = columnOf(db, boardId, command.columnId);
			if (!column) return refused('Diese Spalte gibt es nicht.', 'column_gone');
			const cards = db
				.select({ n: sql<number>`count(*)` })
				.from(card)
				.where(eq(card.columnId, command.columnId))
				.get()!.n;
			if (cards > 0)
				return refused('Nur leere Spalten lassen sich löschen. Verschieben Sie die Karten vorher.');
			db.delete(boardColumn).where(eq(boardColumn.id, command.columnId)).run();
			return logged(
				db,
				current,
				author,
				{ kind: 'column-deleted', detail: { title: column.title }, undo: { column } },
				now
			);
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
		case 'resetVotes': {
			const votes = db.select().from(vote).where(eq(vote.boardId, boardId)).orderBy(vote.id).all();
			db.delete(vote).where(eq(vote.boardId, boardId)).run();
			return logged(
				db,
				current,
				author,
				{
					kind: 'votes-reset',
					detail: { votes: votes.length },
					undo: votes.length > 0 ? { votes } : null
				},
				now
			);
		}
		case 'setTimer':
			db.update(board)
				.set({
					timerEndsAt:
						command.minutes === 0 ? null : new Date(now.getTime() + command.minutes * 60_000)
				})
				.where(eq(board.id, boardId))
				.run();
			return done;
		case 'undo': {
			const undone = undoActivity(db, current, command.activityId, now);
			if (!undone.ok) return undone;
			return logged(db, current, author, { kind: 'undone', detail: { undid: undone.undid } }, now);
		}
	}
}
