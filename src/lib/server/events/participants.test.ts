import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { participant } from '../db/schema';
import { recordChanges } from '../db/changes-test-support';
import { createTestDatabase } from '../db/test-database';
import { createEvent, setEventArchived } from './events';
import { rejoinByCode } from './joining';
import {
	deleteParticipant,
	joinEvent,
	participantCookieValue,
	participantFromCookie,
	purgeExpiredParticipants,
	rejoinWithCode,
	renewReentryCode
} from './participants';

const profile = {
	displayName: 'Kim',
	workingGroupId: null,
	affiliationOrganisationId: null,
	organisationType: null
};
const rule = { freeFailures: 3, forgetOneEveryMs: 60_000, firstDelayMs: 1_000, maxDelayMs: 60_000 };

function setup() {
	const db = createTestDatabase();
	const base = {
		date: '2026-03-04',
		place: '',
		description: '',
		agenda: [],
		asksAffiliation: false,
		workingGroups: [],
		createdBy: null
	};
	const first = createEvent(db, { ...base, title: 'Erste' });
	const second = createEvent(db, { ...base, title: 'Zweite' });
	return { db, first, second };
}

describe('participants', () => {
	it('stores only hashes of the cookie token and the re-entry code', () => {
		const { db, first } = setup();
		const joined = joinEvent(db, first.id, profile);
		const row = db
			.select()
			.from(participant)
			.where(eq(participant.id, joined.participant.id))
			.get()!;
		expect(row.tokenHash).not.toContain(joined.token);
		expect(row.reentryHash).not.toContain(joined.reentryCode);
		expect(JSON.stringify(row)).not.toContain(joined.token);
	});

	it('recognises a cookie only for its own event', () => {
		const { db, first, second } = setup();
		const joined = joinEvent(db, first.id, profile);
		const cookie = participantCookieValue(joined);
		expect(participantFromCookie(db, first.id, cookie)?.participant.id).toBe(joined.participant.id);
		expect(participantFromCookie(db, first.id, cookie)?.reentryCode).toBe(joined.reentryCode);
		expect(participantFromCookie(db, second.id, cookie)).toBeUndefined();
		expect(participantFromCookie(db, first.id, 'erfunden.ABCDEFGH')).toBeUndefined();
		expect(participantFromCookie(db, first.id, undefined)).toBeUndefined();
	});

	it('moves an identity to another device with the re-entry code, and signs the old one out', () => {
		const { db, first } = setup();
		const joined = joinEvent(db, first.id, profile);
		const moved = rejoinByCode(db, first.id, joined.reentryCode, '10.0.0.1', rule);
		if (moved.kind !== 'joined') throw new Error(moved.message);
		expect(moved.joined.participant.id).toBe(joined.participant.id);
		expect(participantFromCookie(db, first.id, participantCookieValue(joined))).toBeUndefined();
		expect(
			participantFromCookie(db, first.id, participantCookieValue(moved.joined))?.participant.id
		).toBe(joined.participant.id);
		// The used code is spent.
		expect(rejoinByCode(db, first.id, joined.reentryCode, '10.0.0.1', rule).kind).toBe('refused');
	});

	it('shows a renewed re-entry code only with the new code in the cookie', () => {
		const { db, first } = setup();
		const joined = joinEvent(db, first.id, profile);
		const code = renewReentryCode(db, joined.participant.id, first.id);
		expect(participantFromCookie(db, first.id, participantCookieValue(joined))?.reentryCode).toBe(
			null
		);
		expect(
			participantFromCookie(db, first.id, participantCookieValue({ ...joined, reentryCode: code }))
				?.reentryCode
		).toBe(code);
	});

	it('deletes identities once the event has been archived longer than the retention', () => {
		const { db, first, second } = setup();
		joinEvent(db, first.id, profile);
		joinEvent(db, second.id, profile);
		const archivedAt = new Date('2026-01-01T00:00:00Z');
		setEventArchived(db, first.id, true, archivedAt);
		expect(purgeExpiredParticipants(db, 90, new Date('2026-03-01T00:00:00Z'))).toBe(0);
		expect(purgeExpiredParticipants(db, 90, new Date('2026-04-02T00:00:00Z'))).toBe(1);
		expect(
			db
				.select()
				.from(participant)
				.all()
				.map((row) => row.eventId)
		).toEqual([second.id]);
	});

	it('lets a participant leave for good', () => {
		const { db, first } = setup();
		const joined = joinEvent(db, first.id, profile);
		deleteParticipant(db, joined.participant.id);
		expect(participantFromCookie(db, first.id, participantCookieValue(joined))).toBeUndefined();
	});
});

describe('participant changes', () => {
	it('tells of a joining, and a leaving also ends the participant’s open connections', async () => {
		const { db, first } = setup();
		const told = recordChanges(db);
		const joined = joinEvent(db, first.id, profile);
		expect(await told()).toEqual([{ topic: 'attendance', eventId: first.id }]);
		deleteParticipant(db, joined.participant.id);
		expect(await told()).toEqual([{ topic: 'attendance', eventId: first.id }, { topic: 'access' }]);
		deleteParticipant(db, joined.participant.id);
		expect(await told()).toEqual([]);
	});

	it('ends the old device’s connections when the identity moves to a new one', async () => {
		const { db, first } = setup();
		const joined = joinEvent(db, first.id, profile);
		const told = recordChanges(db);
		expect(rejoinWithCode(db, first.id, joined.reentryCode)).toBeDefined();
		expect(await told()).toEqual([{ topic: 'access' }]);
	});
});
