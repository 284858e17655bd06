import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../db/test-database';
import { createEvent, listWorkingGroups, setEventArchived } from '../events/events';
import { joinEvent } from '../events/participants';
import { boardView, listBoards } from './boards';
import { applyCommand, parseCommand, type BoardCommand, type CommandAuthor } from './commands';
import { onBoard } from '../policy-fixture';

const noProfile = {
	displayName: null,
	workingGroupId: null,
	affiliationOrganisationId: null,
	organisationType: null
};

function setup() {
	const db = createTestDatabase();
	const created = createEvent(db, {
		title: 'Konferenz',
		date: '2026-03-04',
		place: '',
		description: '',
		agenda: [],
		asksAffiliation: false,
		workingGroups: [{ title: 'AG 1', question: '' }],
		createdBy: null
	});
	const [summary] = listBoards(db, created.id);
	const run = (author: CommandAuthor, command: BoardCommand) =>
		applyCommand(db, summary.id, author, command);
	const view = (author: CommandAuthor) => boardView(db, summary.id, author)!;
	// Authors are real participants: cards reference them.
	const person = (moderator = false): CommandAuthor =>
		onBoard(
			{
				key: joinEvent(db, created.id, noProfile).participant.id,
				kind: 'participant',
				moderator,
				...noProfile
			},
			created.id
		);
	return { db, eventId: created.id, boardId: summary.id, run, view, person };
}

describe('board commands', () => {
	it('gives every working group a board with the seeded columns', () => {
		const { db, eventId, view, person } = setup();
		const anna = person();
		expect(listWorkingGroups(db, eventId)).toHaveLength(1);
		expect(view(anna).columns.map((c) => c.title)).toEqual([
			'Schon geschafft',
			'Dringend nötig',
			'Nächste Schritte'
		]);
	});

	it('closes the boards of an archived event to participants, not to the moderation', () => {
		const { db, eventId, run, view, person } = setup();
		const anna = person();
		const moderator = person(true);
		const columnId = view(anna).columns[0].id;
		expect(run(anna, { type: 'addCard', columnId, text: 'Rechtzeitig', colour: 'gelb' })).toEqual({
			ok: true
		});
		const [card] = view(anna).columns[0].cards;
		setEventArchived(db, eventId, true);
		const closed = {
			ok: false,
			code: 'event_ended',
			message: expect.stringContaining('Veranstaltung ist beendet')
		};
		expect(run(anna, { type: 'addCard', columnId, text: 'Zu spät', colour: 'gelb' })).toEqual(
			closed
		);
		expect(run(anna, { type: 'deleteCard', cardId: card.id })).toEqual(closed);
		expect(run(moderator, { type: 'addCard', columnId, text: 'Nachtrag', colour: 'gelb' })).toEqual(
			{ ok: true }
		);
		expect(view(anna).columns[0].cards.map((c) => c.text)).toEqual(['Rechtzeitig', 'Nachtrag']);
	});

	it('lets people change only their own cards; moderators change all', () => {
		const { run, view, person } = setup();
		const [anna, ben, mod] = [person(), person(), person(true)];
		const [first] = view(anna).columns;
		expect(
			run(anna, { type: 'addCard', columnId: first.id, text: 'Annas Karte', colour: 'gelb' })
		).toEqual({ ok: true });
		const card = view(anna).columns[0].cards[0];
		expect(card).toMatchObject({ text: 'Annas Karte', mine: true, authorName: null });
		expect(view(ben).columns[0].cards[0].mine).toBe(false);
		expect(run(ben, { type: 'editCard', cardId: card.id, text: 'Übernommen' })).toMatchObject({
			ok: false
		});
		expect(run(ben, { type: 'deleteCard', cardId: card.id })).toMatchObject({ ok: false });
		expect(view(anna).columns[0].cards[0].text).toBe('Annas Karte');
		expect(run(mod, { type: 'editCard', cardId: card.id, text: 'Geglättet' })).toEqual({
			ok: true
		});
		expect(view(anna).columns[0].cards[0].text).toBe('Geglättet');
	});

	it('moves cards between columns and within one', () => {
		const { run, view, person } = setup();
		const anna = person();
		const [first, second] = view(anna).columns;
		for (const text of ['A', 'B', 'C']) {
			run(anna, { type: 'addCard', columnId: first.id, text, colour: 'gelb' });
		}
		const [a, , c] = view(anna).columns[0].cards;
		run(anna, { type: 'moveCard', cardId: c.id, columnId: first.id, index: 0 });
		expect(view(anna).columns[0].cards.map((x) => x.text)).toEqual(['C', 'A', 'B']);
		run(anna, { type: 'moveCard', cardId: a.id, columnId: second.id, index: 0 });
		expect(view(anna).columns[0].cards.map((x) => x.text)).toEqual(['C', 'B']);
		expect(view(anna).columns[1].cards.map((x) => x.text)).toEqual(['A']);
	});

	it('limits the cards one participant has on a board; deleting one makes room', () => {
		const { db, boardId, view, person } = setup();
		const [anna, ben, mod] = [person(), person(), person(true)];
		const [first] = view(anna).columns;
		const add = (author: CommandAuthor, text: string) =>
			applyCommand(
				db,
				boardId,
				author,
				{ type: 'addCard', columnId: first.id, text, colour: 'gelb' },
				{ cardsPerAuthor: 2 }
			);
		expect([add(anna, '1'), add(anna, '2')]).toEqual([{ ok: true }, { ok: true }]);
		expect(add(anna, '3')).toEqual({
			ok: false,
			message:
				'Sie haben schon 2 Karten auf dieser Pinnwand. Löschen Sie eine, um eine neue anzuheften.',
			code: 'cards_per_author',
			params: { count: 2 }
		});
		// Others and the moderation are not held back by Anna's cards.
		expect(add(ben, 'Ben')).toEqual({ ok: true });
		for (const text of ['M1', 'M2', 'M3']) expect(add(mod, text)).toEqual({ ok: true });
		const mine = view(anna).columns[0].cards.find((card) => card.mine)!;
		applyCommand(db, boardId, anna, { type: 'deleteCard', cardId: mine.id });
		expect(add(anna, '3')).toEqual({ ok: true });
		expect(view(anna).columns[0].cards.filter((card) => card.mine)).toHaveLength(2);
	});

	it('refuses every change by participants on a locked board', () => {
		const { run, view, person } = setup();
		const [anna, , mod] = [person(), person(), person(true)];
		const [first] = view(anna).columns;
		run(anna, { type: 'addCard', columnId: first.id, text: 'vorher', colour: 'gelb' });
		const card = view(anna).columns[0].cards[0];
		expect(run(anna, { type: 'lock', locked: true })).toMatchObject({ ok: false });
		expect(run(mod, { type: 'lock', locked: true })).toEqual({ ok: true });
		for (const command of [
			{ type: 'addCard', columnId: first.id, text: 'neu', colour: 'gelb' },
			{ type: 'editCard', cardId: card.id, text: 'geändert' },
			{ type: 'deleteCard', cardId: card.id }
		] as BoardCommand[]) {
			expect(run(anna, command)).toMatchObject({
				ok: false,
				message: expect.stringContaining('gesperrt')
			});
		}
		expect(view(anna).columns[0].cards.map((x) => x.text)).toEqual(['vorher']);
	});

	it('enforces the number of dots, hides counts until revealed, and stacks without losing a word', () => {
		const { run, view, person } = setup();
		const [anna, ben, mod] = [person(), person(), person(true)];
		const [first] = view(anna).columns;
		run(anna, { type: 'addCard', columnId: first.id, text: 'Eins', colour: 'gelb' });
		run(ben, { type: 'addCard', columnId: first.id, text: 'Eins (doppelt)', colour: 'blau' });
		const [one, duplicate] = view(anna).columns[0].cards;
		expect(run(anna, { type: 'vote', cardId: one.id })).toMatchObject({ ok: false });
		run(mod, { type: 'startVoting', dots: 2, hidden: true });
		expect(run(anna, { type: 'vote', cardId: one.id })).toEqual({ ok: true });
		expect(run(anna, { type: 'vote', cardId: duplicate.id })).toEqual({ ok: true });
		expect(run(anna, { type: 'vote', cardId: one.id })).toMatchObject({
			ok: false,
			message: expect.stringContaining('2 Punkte')
		});
		expect(run(ben, { type: 'vote', cardId: duplicate.id })).toEqual({ ok: true });
		expect(view(anna).myDotsLeft).toBe(0);
		expect(view(anna).columns[0].cards.map((x) => x.votes)).toEqual([null, null]);
		expect(view(mod).columns[0].cards.map((x) => x.votes)).toEqual([1, 2]);
		run(mod, { type: 'revealVotes' });
		expect(view(ben).columns[0].cards.map((x) => x.votes)).toEqual([1, 2]);
		expect(run(mod, { type: 'mergeCards', cardId: duplicate.id, intoCardId: one.id })).toEqual({
			ok: true,
			undoId: expect.any(Number)
		});
		// One stack, both texts; Anna dotted both cards and counts once: 2, not 3.
		const [stack] = view(ben).columns[0].cards;
		expect(view(ben).columns[0].cards).toHaveLength(1);
		expect([stack.text, ...stack.stack.map((c) => c.text)]).toEqual(['Eins', 'Eins (doppelt)']);
		expect(stack.stack[0].mine).toBe(true);
		expect(stack.votes).toBe(2);
		// Her doubled dot stays spent until she takes it back; it goes first.
		expect(view(anna).columns[0].cards[0]).toMatchObject({ myVotes: 2, myDoubledVotes: 1 });
		expect(view(anna).myDotsLeft).toBe(0);
		expect(run(anna, { type: 'unvote', cardId: one.id })).toEqual({ ok: true });
		expect(view(anna).myDotsLeft).toBe(1);
		expect(view(anna).columns[0].cards[0]).toMatchObject({
			votes: 2,
			myVotes: 1,
			myDoubledVotes: 0
		});
		// A new dot on the stack goes where hers counts, so it counts: 3.
		expect(run(anna, { type: 'vote', cardId: duplicate.id })).toEqual({ ok: true });
		expect(view(ben).columns[0].cards[0].votes).toBe(3);
	});

	it('takes a card out of its stack again, keyboard-free: one command', () => {
		const { run, view, person } = setup();
		const [anna, mod] = [person(), person(true)];
		const [first, second] = view(anna).columns;
		for (const text of ['A', 'B', 'C']) {
			run(anna, { type: 'addCard', columnId: first.id, text, colour: 'gelb' });
		}
		const [a, b, c] = view(anna).columns[0].cards;
		run(mod, { type: 'mergeCards', cardId: a.id, intoCardId: c.id });
		run(mod, { type: 'mergeCards', cardId: b.id, intoCardId: a.id });
		expect(view(anna).columns[0].cards.map((x) => [x.text, x.stack.map((y) => y.text)])).toEqual([
			['C', ['A', 'B']]
		]);
		// A stack moves as one; a card in it does not move alone.
		expect(run(anna, { type: 'moveCard', cardId: c.id, columnId: second.id, index: 0 })).toEqual({
			ok: true
		});
		expect(
			run(anna, { type: 'moveCard', cardId: a.id, columnId: first.id, index: 0 })
		).toMatchObject({ ok: false, message: expect.stringContaining('Stapel') });
		expect(run(anna, { type: 'unstackCard', cardId: a.id })).toMatchObject({
			ok: false,
			message: 'Das darf nur die Moderation.'
		});
		expect(run(mod, { type: 'unstackCard', cardId: a.id })).toEqual({ ok: true });
		expect(view(anna).columns[1].cards.map((x) => [x.text, x.stack.map((y) => y.text)])).toEqual([
			['C', ['B']],
			['A', []]
		]);
		expect(run(mod, { type: 'unstackCard', cardId: a.id })).toMatchObject({
			ok: false,
			message: 'Diese Karte liegt in keinem Stapel.'
		});
		expect(view(mod).recent.map((entry) => entry.text)).toEqual([
			'Ein gelöschtes Konto hat „A“ aus dem Stapel „C“ genommen.',
			// B went onto A, which lies on C: onto C's stack.
			'Ein gelöschtes Konto hat „B“ auf „C“ gestapelt.',
			'Ein gelöschtes Konto hat „A“ auf „C“ gestapelt.'
		]);
		expect(view(anna).recent).toEqual([]);
	});

	it('undoes a deleted card with its dots and its place at the top of its stack', () => {
		const { run, view, person } = setup();
		const [anna, ben, mod] = [person(), person(), person(true)];
		const [first] = view(anna).columns;
		for (const text of ['Oben', 'Darunter', 'Daneben']) {
			run(anna, { type: 'addCard', columnId: first.id, text, colour: 'gelb' });
		}
		const [top, under] = view(anna).columns[0].cards;
		run(mod, { type: 'mergeCards', cardId: under.id, intoCardId: top.id });
		run(mod, { type: 'startVoting', dots: 3, hidden: false });
		run(ben, { type: 'vote', cardId: top.id });
		run(ben, { type: 'vote', cardId: top.id });
		const deleted = run(mod, { type: 'deleteCard', cardId: top.id });
		expect(deleted).toEqual({ ok: true, undoId: expect.any(Number) });
		// The card under it keeps its place; Ben got his dots back.
		expect(view(ben).columns[0].cards.map((x) => [x.text, x.stack.length, x.votes])).toEqual([
			['Darunter', 0, 0],
			['Daneben', 0, 0]
		]);
		expect(view(ben).myDotsLeft).toBe(3);
		expect(view(mod).recent[0]).toMatchObject({
			text: 'Ein gelöschtes Konto hat die Karte „Oben“ mit 2 Punkten gelöscht.',
			undoable: true
		});
		const undoId = (deleted as { undoId: number }).undoId;
		expect(run(anna, { type: 'undo', activityId: undoId })).toMatchObject({ ok: false });
		expect(run(mod, { type: 'undo', activityId: undoId })).toEqual({ ok: true });
		expect(
			view(ben).columns[0].cards.map((x) => [x.text, x.stack.map((y) => y.text), x.votes])
		).toEqual([
			['Oben', ['Darunter'], 2],
			['Daneben', [], 0]
		]);
		expect(view(anna).columns[0].cards[0].mine).toBe(true);
		expect(view(ben).myDotsLeft).toBe(1);
		expect(run(mod, { type: 'undo', activityId: undoId })).toEqual({
			ok: false,
			message: 'Das ist schon rückgängig gemacht.'
		});
		expect(view(mod).recent.slice(0, 2)).toEqual([
			{
				id: expect.any(Number),
				text: 'Ein gelöschtes Konto hat das Löschen der Karte „Oben“ rückgängig gemacht.',
				undoable: false
			},
			{
				id: undoId,
				text: 'Ein gelöschtes Konto hat die Karte „Oben“ mit 2 Punkten gelöscht.',
				undoable: false
			}
		]);
		// A participant taking back their own card is no moderation: not logged.
		const own = view(anna).columns[0].cards[1];
		expect(run(anna, { type: 'deleteCard', cardId: own.id })).toEqual({ ok: true });
		expect(view(mod).recent).toHaveLength(3);
	});

	it('undoes stacking, a deleted column and deleted dots; refuses what cannot come back', () => {
		const { run, view, person } = setup();
		const [anna, mod] = [person(), person(true)];
		const columns = view(anna).columns;
		run(anna, { type: 'addCard', columnId: columns[0].id, text: 'Eins', colour: 'gelb' });
		run(anna, { type: 'addCard', columnId: columns[1].id, text: 'Zwei', colour: 'gelb' });
		const [one] = view(anna).columns[0].cards;
		const [two] = view(anna).columns[1].cards;
		const stacked = run(mod, { type: 'mergeCards', cardId: two.id, intoCardId: one.id });
		expect(view(anna).columns[1].cards).toEqual([]);
		expect(run(mod, { type: 'undo', activityId: (stacked as { undoId: number }).undoId })).toEqual({
			ok: true
		});
		expect(view(anna).columns.map((c) => c.cards.map((x) => x.text))).toEqual([
			['Eins'],
			['Zwei'],
			[]
		]);

		const removed = run(mod, { type: 'deleteColumn', columnId: columns[2].id });
		expect(view(anna).columns).toHaveLength(2);
		expect(run(mod, { type: 'undo', activityId: (removed as { undoId: number }).undoId })).toEqual({
			ok: true
		});
		expect(view(anna).columns.map((c) => [c.id, c.title])).toEqual(
			columns.map((c) => [c.id, c.title])
		);

		run(mod, { type: 'startVoting', dots: 2, hidden: false });
		run(anna, { type: 'vote', cardId: one.id });
		run(anna, { type: 'vote', cardId: two.id });
		const reset = run(mod, { type: 'resetVotes' }) as { undoId: number };
		expect(view(anna).myDotsLeft).toBe(2);
		run(anna, { type: 'vote', cardId: one.id });
		// New dots beside the old ones would count Anna twice over: refused, nothing changes.
		expect(run(mod, { type: 'undo', activityId: reset.undoId })).toEqual({
			ok: false,
			message:
				'Seit dem Löschen wurden neue Punkte vergeben. Die gelöschten lassen sich nicht mehr zurückholen.'
		});
		run(anna, { type: 'unvote', cardId: one.id });
		expect(run(mod, { type: 'undo', activityId: reset.undoId })).toEqual({ ok: true });
		expect(view(anna).columns.map((c) => c.cards.map((x) => x.votes))).toEqual([[1], [1], []]);

		// A deleted card whose column is gone comes back after the column.
		const lonely = run(mod, {
			type: 'addCard',
			columnId: columns[2].id,
			text: 'Allein',
			colour: 'gelb'
		});
		expect(lonely).toEqual({ ok: true });
		const alone = view(mod).columns[2].cards[0];
		const gone = run(mod, { type: 'deleteCard', cardId: alone.id }) as { undoId: number };
		const column = run(mod, { type: 'deleteColumn', columnId: columns[2].id }) as {
			undoId: number;
		};
		expect(run(mod, { type: 'undo', activityId: gone.undoId })).toMatchObject({
			ok: false,
			message: expect.stringContaining('Spalte')
		});
		run(mod, { type: 'undo', activityId: column.undoId });
		expect(run(mod, { type: 'undo', activityId: gone.undoId })).toEqual({ ok: true });
		expect(view(mod).columns[2].cards.map((x) => x.text)).toEqual(['Allein']);
		expect(run(mod, { type: 'undo', activityId: 999_999 })).toMatchObject({ ok: false });
	});

	it('refuses moderator commands from participants and commands for cards of other boards', () => {
		const { run, view, person } = setup();
		const [anna, , mod] = [person(), person(), person(true)];
		const other = setup();
		const [otherColumn] = other.view(anna).columns;
		other.run(other.person(), {
			type: 'addCard',
			columnId: otherColumn.id,
			text: 'fremd',
			colour: 'gelb'
		});
		const foreign = other.view(anna).columns[0].cards[0];
		expect(run(anna, { type: 'addColumn', title: 'Meine Spalte' })).toMatchObject({ ok: false });
		expect(run(mod, { type: 'deleteCard', cardId: foreign.id })).toMatchObject({ ok: false });
		expect(
			run(anna, { type: 'addCard', columnId: otherColumn.id, text: 'x', colour: 'gelb' })
		).toMatchObject({ ok: false });
		expect(view(anna).columns).toHaveLength(3);
	});

	it('reads commands strictly, with German messages', () => {
		expect(
			parseCommand({ type: 'addCard', columnId: crypto.randomUUID(), text: 'x'.repeat(281) })
		).toMatchObject({
			ok: false,
			message: expect.stringContaining('280'),
			code: 'card_too_long',
			params: { count: 280 }
		});
		expect(parseCommand({ type: 'dropTable' })).toEqual({
			ok: false,
			message: 'Diese Aktion ist ungültig.',
			code: 'invalid'
		});
		expect(parseCommand('<script>')).toMatchObject({ ok: false });
		expect(parseCommand({ type: 'startVoting', dots: 1000, hidden: false })).toMatchObject({
			ok: false
		});
	});

	it('refuses control and direction characters on cards and columns, and keeps line breaks', () => {
		const columnId = crypto.randomUUID();
		for (const hostile of ['\u202e', '\u2066', '\u0000', '\u0007', '\ud800']) {
			expect(parseCommand({ type: 'addCard', columnId, text: `Mehr${hostile}Bänke` })).toEqual({
				ok: false,
				message: 'Bitte schreiben Sie die Karte ohne Steuerzeichen.',
				code: 'card_control_characters'
			});
			expect(
				parseCommand({ type: 'editCard', cardId: crypto.randomUUID(), text: `a${hostile}` })
			).toMatchObject({ ok: false });
			expect(parseCommand({ type: 'addColumn', title: `Ideen${hostile}` })).toEqual({
				ok: false,
				message: 'Bitte geben Sie den Spaltennamen ohne Steuerzeichen an.'
			});
		}
		expect(parseCommand({ type: 'addColumn', title: 'Ideen\nund Wünsche' })).toMatchObject({
			ok: false
		});
		expect(
			parseCommand({ type: 'addCard', columnId, text: ' Mehr Bänke\r\nمساحات خضراء 🙂 ' })
		).toEqual({
			ok: true,
			command: { type: 'addCard', columnId, text: 'Mehr Bänke\nمساحات خضراء 🙂', colour: 'gelb' }
		});
	});
});
