// Events and their working groups: creating, editing, copying as a template, archiving, and the
// join code that lets participants in.
import { and, asc, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { announce } from '../db/changes';
import { transaction, type AppDatabase } from '../db/database';
import {
	event,
	participant,
	workingGroup,
	type EventRow,
	type WorkingGroupRow
} from '../db/schema';
import { createBoardForGroup } from '../boards/boards';
import { uniqueSlug } from '../slug';
import { newJoinCode } from './join-codes';

export interface WorkingGroupInput {
	/** Present when an existing group is kept; its participants stay in it. */
	id?: string;
	title: string;
	question: string;
}

export interface EventInput {
	title: string;
	date: string;
	place: string;
	description: string;
	agenda: string[];
	asksAffiliation: boolean;
	/** Participants with a working group write only on its board; the others stay readable.
	 * On unless said otherwise. */
	ownGroupBoardsOnly?: boolean;
	workingGroups: WorkingGroupInput[];
}

export interface EventListEntry extends EventRow {
	workingGroupCount: number;
	participantCount: number;
}

export function listEvents(db: AppDatabase, { archived = false } = {}): EventListEntry[] {
	return db
		.select({
			...eventColumns,
			workingGroupCount: sql<number>`(select count(*) from ${workingGroup} where ${workingGroup.eventId} = ${event.id})`,
			participantCount: sql<number>`(select count(*) from ${participant} where ${participant.eventId} = ${event.id})`
		})
		.from(event)
		.where(archived ? isNotNull(event.archivedAt) : isNull(event.archivedAt))
		.orderBy(desc(event.date), asc(event.title))
		.all();
}

const eventColumns = {
	id: event.id,
	slug: event.slug,
	title: event.title,
	date: event.date,
	place: event.place,
	description: event.description,
	agenda: event.agenda,
	joinCode: event.joinCode,
	joiningOpen: event.joiningOpen,
	asksAffiliation: event.asksAffiliation,
	ownGroupBoardsOnly: event.ownGroupBoardsOnly,
	createdBy: event.createdBy,
	createdAt: event.createdAt,
	archivedAt: event.archivedAt
};

export function findEvent(db: AppDatabase, id: string): EventRow | undefined {
	return db.select().from(event).where(eq(event.id, id)).get();
}

export function findEventBySlug(db: AppDatabase, slug: string): EventRow | undefined {
	return db.select().from(event).where(eq(event.slug, slug)).get();
}

export function findEventByJoinCode(db: AppDatabase, code: string): EventRow | undefined {
	return db.select().from(event).where(eq(event.joinCode, code)).get();
}

export function listWorkingGroups(db: AppDatabase, eventId: string): WorkingGroupRow[] {
	return db
		.select()
		.from(workingGroup)
		.where(eq(workingGroup.eventId, eventId))
		.orderBy(asc(workingGroup.sortOrder))
		.all();
}

/** How many participants each working group has, by group id ("" for those without one). */
export function participantCounts(db: AppDatabase, eventId: string): Map<string, number> {
	const rows = db
		.select({ groupId: participant.workingGroupId, count: sql<number>`count(*)` })
		.from(participant)
		.where(eq(participant.eventId, eventId))
		.groupBy(participant.workingGroupId)
		.all();
	return new Map(rows.map((row) => [row.groupId ?? '', row.count]));
}

function joinCodeTaken(db: AppDatabase) {
	return (code: string) => Boolean(findEventByJoinCode(db, code));
}

export function createEvent(
	db: AppDatabase,
	input: EventInput & { createdBy: string | null; slug?: string },
	now = new Date()
): EventRow {
	return transaction(db, (tx) => {
		const row: EventRow = {
			id: crypto.randomUUID(),
			slug: uniqueSlug(input.slug ?? input.title, 'veranstaltung', (slug) =>
				Boolean(findEventBySlug(tx, slug))
			),
			title: input.title,
			date: input.date,
			place: input.place,
			description: input.description,
			agenda: input.agenda,
			joinCode: newJoinCode(joinCodeTaken(tx)),
			joiningOpen: true,
			asksAffiliation: input.asksAffiliation,
			ownGroupBoardsOnly: input.ownGroupBoardsOnly ?? true,
			createdBy: input.createdBy,
			createdAt: now,
			archivedAt: null
		};
		tx.insert(event).values(row).run();
		saveWorkingGroups(tx, row.id, input.workingGroups);
		return row;
	});
}

/** Changes an event's details; groups missing from the input are removed, their participants
 * keep their identity without a group. */
export function updateEvent(db: AppDatabase, id: string, input: EventInput): void {
	transaction(db, (tx) => {
		tx.update(event)
			.set({
				title: input.title,
				date: input.date,
				place: input.place,
				description: input.description,
				agenda: input.agenda,
				asksAffiliation: input.asksAffiliation,
				ownGroupBoardsOnly: input.ownGroupBoardsOnly ?? true
			})
			.where(eq(event.id, id))
			.run();
		saveWorkingGroups(tx, id, input.workingGroups);
	});
}

function saveWorkingGroups(db: AppDatabase, eventId: string, groups: WorkingGroupInput[]) {
	const existing = new Set(listWorkingGroups(db, eventId).map((group) => group.id));
	const kept = new Set<string>();
	groups.forEach((group, sortOrder) => {
		if (group.id && existing.has(group.id)) {
			kept.add(group.id);
			db.update(workingGroup)
				.set({ title: group.title, question: group.question, sortOrder })
				.where(and(eq(workingGroup.id, group.id), eq(workingGroup.eventId, eventId)))
				.run();
		} else {
			const id = crypto.randomUUID();
			db.insert(workingGroup)
				.values({ id, eventId, title: group.title, question: group.question, sortOrder })
				.run();
			// Every working group has its board from the start.
			createBoardForGroup(db, eventId, id);
		}
	});
	for (const id of existing) {
		if (!kept.has(id)) db.delete(workingGroup).where(eq(workingGroup.id, id)).run();
	}
}

/** A new event with the same details and working groups, a new join code and no participants:
 * the Zukunftskonferenz as the template of the Entwicklungskonferenzen. */
export function copyEvent(
	db: AppDatabase,
	id: string,
	createdBy: string | null,
	now = new Date()
): EventRow | undefined {
	const source = findEvent(db, id);
	if (!source) return undefined;
	return createEvent(
		db,
		{
			title: `${source.title} (Kopie)`,
			slug: `${source.slug}-kopie`,
			date: source.date,
			place: source.place,
			description: source.description,
			agenda: source.agenda,
			asksAffiliation: source.asksAffiliation,
			ownGroupBoardsOnly: source.ownGroupBoardsOnly,
			workingGroups: listWorkingGroups(db, id).map(({ title, question }) => ({ title, question })),
			createdBy
		},
		now
	);
}

/** Archiving also closes joining; restoring leaves joining closed until a moderator opens it. */
export function setEventArchived(db: AppDatabase, id: string, archived: boolean, now = new Date()) {
	db.update(event)
		.set(archived ? { archivedAt: now, joiningOpen: false } : { archivedAt: null })
		.where(eq(event.id, id))
		.run();
	// Open board connections learn that the event no longer takes cards and dots.
	announce(db, { topic: 'access' });
}

export function setJoiningOpen(db: AppDatabase, id: string, open: boolean) {
	db.update(event).set({ joiningOpen: open }).where(eq(event.id, id)).run();
}

/** A new join code; the old one stops working at once. Participants already in stay in. */
export function rotateJoinCode(db: AppDatabase, id: string): string {
	return transaction(db, (tx) => {
		const joinCode = newJoinCode(joinCodeTaken(tx));
		tx.update(event).set({ joinCode }).where(eq(event.id, id)).run();
		return joinCode;
	});
}
