import { describe, expect, it } from 'vitest';
import type { DelayRule } from '../auth/rate-limit';
import { createTestDatabase } from '../db/test-database';
import { createEvent, rotateJoinCode } from './events';
import { forgetOldJoinTrust, lookUpJoinCode, rejoinByCode } from './joining';
import { joinEvent } from './participants';

const rule: DelayRule = {
	freeFailures: 3,
	forgetOneEveryMs: 60_000,
	firstDelayMs: 1_000,
	maxDelayMs: 8_000
};
const t0 = new Date('2026-03-04T09:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);
const hall = '10.0.0.2';

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

describe('lookUpJoinCode', () => {
	it('never counts right codes, and slows wrong ones with growing waits', () => {
		const { db, first } = setup();
		for (let i = 0; i < 50; i++) {
			expect(lookUpJoinCode(db, first.joinCode, hall, rule, t0).kind).toBe('found');
		}
		for (let i = 0; i < 4; i++) {
			expect(lookUpJoinCode(db, 'XXXXXX', hall, rule, t0).kind).toBe('unknown');
		}
		expect(lookUpJoinCode(db, 'XXXXXX', hall, rule, t0)).toMatchObject({
			kind: 'locked',
			retryAfterMs: 1_000,
			message: expect.stringContaining('Bitte warten Sie 1 Sekunde')
		});
		expect(lookUpJoinCode(db, 'XXXXXX', hall, rule, at(1_000)).kind).toBe('unknown');
		expect(lookUpJoinCode(db, 'XXXXXX', hall, rule, at(1_000))).toMatchObject({
			retryAfterMs: 2_000
		});
	});

	it('keeps the right code working where the event was reached, whatever came before', () => {
		const { db, first } = setup();
		expect(lookUpJoinCode(db, first.joinCode, hall, rule, t0).kind).toBe('found');
		// A prankster in the hall: the address waits for wrong codes, the hall keeps joining.
		for (let i = 0; i < 100; i++) lookUpJoinCode(db, 'XXXXXX', hall, rule, at(i * 100));
		expect(lookUpJoinCode(db, 'XXXXXX', hall, rule, at(10_000)).kind).toBe('locked');
		expect(lookUpJoinCode(db, first.joinCode.toLowerCase(), hall, rule, at(10_000)).kind).toBe(
			'found'
		);
	});

	it('tells a guessing script nothing while its address waits, not even a right code', () => {
		const { db, first, second } = setup();
		const script = '10.6.6.6';
		for (let i = 0; i < 4; i++) lookUpJoinCode(db, 'XXXXXX', script, rule, t0);
		const guessed = lookUpJoinCode(db, second.joinCode, script, rule, t0);
		const wrong = lookUpJoinCode(db, 'YYYYYY', script, rule, t0);
		expect(guessed).toEqual(wrong);
		expect(guessed.kind).toBe('locked');
		// The address it reached before keeps its event, and only that one.
		expect(lookUpJoinCode(db, second.joinCode, hall, rule, t0).kind).toBe('found');
		expect(lookUpJoinCode(db, first.joinCode, script, rule, at(999)).kind).toBe('locked');
		// Refused guesses were not counted: the wait is over after its second.
		expect(lookUpJoinCode(db, second.joinCode, script, rule, at(1_000)).kind).toBe('found');
	});

	it('trusts an address for a day, and not for a code that was replaced', () => {
		const { db, first } = setup();
		expect(lookUpJoinCode(db, first.joinCode, hall, rule, t0).kind).toBe('found');
		const dayLater = 24 * 60 * 60_000;
		for (let i = 0; i < 4; i++) lookUpJoinCode(db, 'XXXXXX', hall, rule, at(dayLater));
		expect(lookUpJoinCode(db, first.joinCode, hall, rule, at(dayLater)).kind).toBe('locked');
		expect(forgetOldJoinTrust(db, at(dayLater + 1))).toBe(1);

		const { db: other, first: event } = setup();
		lookUpJoinCode(other, event.joinCode, hall, rule, t0);
		const oldCode = event.joinCode;
		const newCode = rotateJoinCode(other, event.id);
		for (let i = 0; i < 4; i++) lookUpJoinCode(other, 'XXXXXX', hall, rule, t0);
		expect(lookUpJoinCode(other, oldCode, hall, rule, t0).kind).toBe('locked');
		expect(lookUpJoinCode(other, newCode, hall, rule, t0).kind).toBe('locked');
		expect(lookUpJoinCode(other, newCode, hall, rule, at(1_000)).kind).toBe('found');
	});

	it('explains the shape of a code without counting it', () => {
		const { db, first } = setup();
		for (let i = 0; i < 10; i++) {
			expect(lookUpJoinCode(db, 'O0', hall, rule, t0)).toMatchObject({ kind: 'malformed' });
		}
		for (let i = 0; i < 4; i++) lookUpJoinCode(db, 'XXXXXX', '10.0.0.5', rule, t0);
		expect(lookUpJoinCode(db, 'O0', '10.0.0.5', rule, t0).kind).toBe('malformed');
		expect(lookUpJoinCode(db, first.joinCode, hall, rule, t0).kind).toBe('found');
	});
});

describe('rejoinByCode', () => {
	it('lets the right re-entry code in even while wrong ones from the address wait', () => {
		const { db, first } = setup();
		const joined = joinEvent(db, first.id, {
			displayName: 'Kim',
			workingGroupId: null,
			affiliationOrganisationId: null,
			organisationType: null
		});
		for (let i = 0; i < 4; i++) {
			expect(rejoinByCode(db, first.id, 'AAAAAAAA', hall, rule, t0).kind).toBe('refused');
		}
		expect(rejoinByCode(db, first.id, 'AAAAAAAA', hall, rule, t0)).toMatchObject({
			kind: 'locked',
			retryAfterMs: 1_000
		});
		expect(rejoinByCode(db, first.id, joined.reentryCode, hall, rule, t0).kind).toBe('joined');
	});
});
