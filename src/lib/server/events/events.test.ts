import { describe, expect, it } from 'vitest';
import { joinCodeAlphabet } from '$lib/join-code';
import { recordChanges } from '../db/changes-test-support';
import { runSeeds } from '../db/seeds';
import { createTestDatabase } from '../db/test-database';
import { organisationsSeed } from '../workspace/organisations-seed';
import {
	copyEvent,
	createEvent,
	findEventBySlug,
	listEvents,
	listWorkingGroups,
	participantCounts,
	rotateJoinCode,
	setEventArchived,
	updateEvent,
	type EventInput
} from './events';
import { eventsSeed, seededEventSlug } from './events-seed';
import { joinEvent } from './participants';

const input: EventInput = {
	title: 'Entwicklungskonferenz Nord',
	date: '2026-03-04',
	place: 'Lünen',
	description: '',
	agenda: ['Begrüßung', 'Arbeitsgruppen'],
	asksAffiliation: false,
	workingGroups: [
		{ title: 'AG A', question: 'Was fehlt?' },
		{ title: 'AG B', question: '' }
	]
};

const anonymousProfile = {
	displayName: null,
	workingGroupId: null,
	affiliationOrganisationId: null,
	organisationType: null
};

describe('events', () => {
	it('seeds the Zukunftskonferenz once, with its agenda and five working groups', () => {
		const db = createTestDatabase();
		runSeeds(db, [organisationsSeed(), eventsSeed()]);
		runSeeds(db, [organisationsSeed(), eventsSeed()]);
		const [seeded] = listEvents(db);
		expect(listEvents(db)).toHaveLength(1);
		expect(seeded.slug).toBe(seededEventSlug);
		expect(seeded.title).toContain('Zukunftskonferenz');
		expect(seeded.agenda).toContain('Abschlussbefragung');
		expect(listWorkingGroups(db, seeded.id).map((g) => g.title)).toEqual([
			'AG 1: Verankerung in den Kommunen',
			'AG 2: Strukturen vor Ort',
			'AG 3',
			'AG 4',
			'AG 5'
		]);
	});

	it('gives each event a join code of six unambiguous characters, and a new one on request', () => {
		const db = createTestDatabase();
		const created = createEvent(db, { ...input, createdBy: null });
		expect(created.joinCode).toMatch(new RegExp(`^[${joinCodeAlphabet}]{6}$`));
		const rotated = rotateJoinCode(db, created.id);
		expect(rotated).not.toBe(created.joinCode);
		expect(findEventBySlug(db, created.slug)?.joinCode).toBe(rotated);
	});

	it('copies an event as a template: same groups and agenda, new code, nobody in it', () => {
		const db = createTestDatabase();
		const source = createEvent(db, { ...input, createdBy: null });
		joinEvent(db, source.id, anonymousProfile);
		const copy = copyEvent(db, source.id, null)!;
		expect(copy.slug).not.toBe(source.slug);
		expect(copy.joinCode).not.toBe(source.joinCode);
		expect(copy.agenda).toEqual(source.agenda);
		const groups = (id: string) =>
			listWorkingGroups(db, id).map(({ title, question }) => ({ title, question }));
		expect(groups(copy.id)).toEqual(groups(source.id));
		expect(participantCounts(db, copy.id).size).toBe(0);
	});

	it('keeps the groups named by id when editing, so their participants stay in them', () => {
		const db = createTestDatabase();
		const created = createEvent(db, { ...input, createdBy: null });
		const [first, second] = listWorkingGroups(db, created.id);
		const joined = joinEvent(db, created.id, { ...anonymousProfile, workingGroupId: first.id });
		updateEvent(db, created.id, {
			...input,
			workingGroups: [
				{ title: 'Neu', question: '' },
				{ id: first.id, title: 'AG A umbenannt', question: 'Was fehlt?' }
			]
		});
		const groups = listWorkingGroups(db, created.id);
		expect(groups.map((g) => g.title)).toEqual(['Neu', 'AG A umbenannt']);
		expect(groups[1].id).toBe(first.id);
		expect(groups.some((g) => g.id === second.id)).toBe(false);
		expect(participantCounts(db, created.id).get(first.id)).toBe(1);
		expect(joined.participant.workingGroupId).toBe(first.id);
	});

	it('closes joining when archived and keeps it closed after restoring', () => {
		const db = createTestDatabase();
		const created = createEvent(db, { ...input, createdBy: null });
		setEventArchived(db, created.id, true);
		expect(listEvents(db)).toHaveLength(0);
		expect(listEvents(db, { archived: true })[0].joiningOpen).toBe(false);
		setEventArchived(db, created.id, false);
		expect(findEventBySlug(db, created.slug)?.joiningOpen).toBe(false);
		expect(findEventBySlug(db, created.slug)?.archivedAt).toBeNull();
	});

	it('tells open connections to check their rights again when archived or restored', async () => {
		const db = createTestDatabase();
		const created = createEvent(db, { ...input, createdBy: null });
		const told = recordChanges(db);
		setEventArchived(db, created.id, true);
		expect(await told()).toEqual([{ topic: 'access' }]);
		setEventArchived(db, created.id, false);
		expect(await told()).toEqual([{ topic: 'access' }]);
	});
});
