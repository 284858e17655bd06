import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { card, event, vote } from '../db/schema';
import { createTestDatabase } from '../db/test-database';
import { createEvent, listWorkingGroups } from '../events/events';
import { joinEvent, updateProfile } from '../events/participants';
import { writesOnBoard } from '../policy';
import { boardView, listBoards } from './boards';
import { applyCommand, type CommandAuthor } from './commands';
import { otherGroupsBoard, readOnlyReason } from './group-boards';
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
		workingGroups: [
			{ title: 'AG 1', question: '' },
			{ title: 'AG 2', question: '' }
		],
		createdBy: null
	});
	const [first, second] = listWorkingGroups(db, created.id);
	const [own, other] = listBoards(db, created.id);
	const person = (workingGroupId: string | null): CommandAuthor =>
		onBoard(
			{
				key: joinEvent(db, created.id, { ...noProfile, workingGroupId }).participant.id,
				kind: 'participant',
				moderator: false,
				...noProfile
			},
			created.id
		);
	const column = (boardId: string, viewer: CommandAuthor) =>
		boardView(db, boardId, viewer)!.columns[0].id;
	return { db, eventId: created.id, groups: [first, second], own, other, person, column };
}

describe('writesOnBoard', () => {
	const board = { workingGroupId: 'ag-1' };
	it('binds participants with a group to their own board where the event says so', () => {
		const on = { ownGroupBoardsOnly: true };
		const off = { ownGroupBoardsOnly: false };
		expect(writesOnBoard({ kind: 'participant', workingGroupId: 'ag-1' }, board, on)).toBe(true);
		expect(writesOnBoard({ kind: 'participant', workingGroupId: 'ag-2' }, board, on)).toBe(false);
		expect(writesOnBoard({ kind: 'participant', workingGroupId: 'ag-2' }, board, off)).toBe(true);
		expect(writesOnBoard({ kind: 'participant', workingGroupId: null }, board, on)).toBe(true);
		expect(writesOnBoard({ kind: 'member', workingGroupId: null }, board, on)).toBe(true);
	});
});

describe('boards of other groups', () => {
	it('are on by default for new events', () => {
		const { db, eventId } = setup();
		expect(db.select().from(event).where(eq(event.id, eventId)).get()!.ownGroupBoardsOnly).toBe(
			true
		);
	});

	it('refuse a participant’s cards and dots and change nothing; their own board takes them', () => {
		const { db, eventId, groups, own, other, person, column } = setup();
		const kim = person(groups[0].id);
		const writer = person(groups[1].id);
		expect(
			applyCommand(db, other.id, writer, {
				type: 'addCard',
				columnId: column(other.id, writer),
				text: 'Karte der AG 2',
				colour: 'gelb'
			})
		).toEqual({ ok: true });
		const [theirCard] = boardView(db, other.id, kim)!.columns[0].cards;
		const moderator = onBoard(
			{ ...person(null), kind: 'member' as const, moderator: true },
			eventId
		);
		applyCommand(db, other.id, moderator, { type: 'startVoting', dots: 3, hidden: false });
		applyCommand(db, own.id, moderator, { type: 'startVoting', dots: 3, hidden: false });

		const refused = { ok: false, message: otherGroupsBoard, code: 'other_group' };
		expect(
			applyCommand(db, other.id, kim, {
				type: 'addCard',
				columnId: column(other.id, kim),
				text: 'Fremd',
				colour: 'gelb'
			})
		).toEqual(refused);
		expect(applyCommand(db, other.id, kim, { type: 'vote', cardId: theirCard.id })).toEqual(
			refused
		);
		expect(db.select().from(card).where(eq(card.boardId, other.id)).all()).toHaveLength(1);
		expect(db.select().from(vote).all()).toHaveLength(0);
		expect(readOnlyReason(db, other, kim)).toBe(otherGroupsBoard);

		expect(readOnlyReason(db, own, kim)).toBeNull();
		expect(
			applyCommand(db, own.id, kim, {
				type: 'addCard',
				columnId: column(own.id, kim),
				text: 'Eigene Karte',
				colour: 'gelb'
			})
		).toEqual({ ok: true });
		// Reading stays open: Kim sees the other group's card.
		expect(boardView(db, other.id, kim)!.columns[0].cards.map((c) => c.text)).toEqual([
			'Karte der AG 2'
		]);
	});

	it('follow a change of group at once, and bind no one without a group or when switched off', () => {
		const { db, eventId, groups, other, person, column } = setup();
		const kim = person(groups[0].id);
		const add = (author: CommandAuthor, text: string) =>
			applyCommand(db, other.id, author, {
				type: 'addCard',
				columnId: column(other.id, author),
				text,
				colour: 'gelb'
			});
		expect(add(kim, 'Vorher')).toMatchObject({ ok: false });
		updateProfile(db, kim.key, { ...noProfile, workingGroupId: groups[1].id });
		expect(add(kim, 'Nach dem Wechsel')).toEqual({ ok: true });

		expect(add(person(null), 'Ohne Gruppe')).toEqual({ ok: true });

		const lea = person(groups[0].id);
		db.update(event).set({ ownGroupBoardsOnly: false }).where(eq(event.id, eventId)).run();
		expect(add(lea, 'Alle schreiben überall')).toEqual({ ok: true });
	});
});
