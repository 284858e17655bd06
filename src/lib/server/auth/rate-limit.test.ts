import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../db/test-database';
import {
	delayAfter,
	describeWait,
	failureCount,
	forgetQuietKeys,
	recordFailure,
	throttleRulesFromEnv,
	waitRemainingMs,
	type DelayRule
} from './rate-limit';

const rule: DelayRule = {
	freeFailures: 3,
	forgetOneEveryMs: 60_000,
	firstDelayMs: 1_000,
	maxDelayMs: 8_000
};
const t0 = new Date('2026-03-01T10:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

describe('delayAfter', () => {
	it('is free up to the free failures, then doubles up to the cap', () => {
		expect([1, 2, 3, 4, 5, 6, 7, 50].map((n) => delayAfter(rule, n))).toEqual([
			0, 0, 0, 1_000, 2_000, 4_000, 8_000, 8_000
		]);
	});

	it('never waits for a rule that only counts, nor overflows for huge counts', () => {
		expect(delayAfter({ ...rule, maxDelayMs: 0 }, 100)).toBe(0);
		expect(delayAfter(rule, 10_000)).toBe(8_000);
	});
});

describe('recordFailure', () => {
	it('returns the wait each failure starts, and the wait is kept in the database', () => {
		const db = createTestDatabase();
		const waits = [1, 2, 3, 4, 5, 6].map(() => recordFailure(db, 'k', rule, t0));
		expect(waits).toEqual([0, 0, 0, 1_000, 2_000, 4_000]);
		expect(waitRemainingMs(db, ['k'], t0)).toBe(4_000);
		expect(waitRemainingMs(db, ['k'], at(3_000))).toBe(1_000);
		expect(waitRemainingMs(db, ['k'], at(4_000))).toBe(0);
		expect(waitRemainingMs(db, ['other'], t0)).toBe(0);
	});

	it('forgets one failure each period, so spread-out typos never add up', () => {
		const db = createTestDatabase();
		// One typo every minute for an hour: the count never passes one.
		for (let minute = 0; minute < 60; minute++) {
			expect(recordFailure(db, 'typos', rule, at(minute * 60_000))).toBe(0);
		}
		expect(failureCount(db, 'typos', rule, at(59 * 60_000))).toBe(1);
	});

	it('holds a script that goes on failing to one try per cap or forgetting period, the shorter', () => {
		const triesInAnHour = (maxDelayMs: number) => {
			const db = createTestDatabase();
			const slow = { ...rule, maxDelayMs };
			let now = 0;
			let tries = 0;
			// The script tries again the moment each wait ends.
			while (now < 60 * 60_000) {
				recordFailure(db, 'script', slow, at(now));
				tries++;
				now += Math.max(waitRemainingMs(db, ['script'], at(now)), 1);
			}
			return tries;
		};
		// A cap of 8 s: 450 waits of 8 s fill the hour.
		expect(triesInAnHour(8_000)).toBeGreaterThan(440);
		expect(triesInAnHour(8_000)).toBeLessThan(460);
		// A cap above the minute: the waits settle where one failure is forgotten per try.
		expect(triesInAnHour(10 * 60_000)).toBeGreaterThan(55);
		expect(triesInAnHour(10 * 60_000)).toBeLessThan(75);
	});

	it('starts afresh once everything is forgotten', () => {
		const db = createTestDatabase();
		for (let i = 0; i < 5; i++) recordFailure(db, 'k', rule, t0);
		expect(failureCount(db, 'k', rule, at(2 * 60_000))).toBe(3);
		expect(failureCount(db, 'k', rule, at(5 * 60_000))).toBe(0);
		expect(recordFailure(db, 'k', rule, at(5 * 60_000))).toBe(0);
		expect(failureCount(db, 'k', rule, at(5 * 60_000))).toBe(1);
	});
});

describe('forgetQuietKeys', () => {
	it('drops keys that saw no failure and no wait for a day, and keeps the others', () => {
		const db = createTestDatabase();
		recordFailure(db, 'old', rule, t0);
		recordFailure(db, 'recent', rule, at(20 * 60 * 60_000));
		expect(forgetQuietKeys(db, at(25 * 60 * 60_000))).toBe(1);
		expect(failureCount(db, 'old', rule, t0)).toBe(0);
		expect(failureCount(db, 'recent', rule, at(20 * 60 * 60_000))).toBe(1);
	});
});

describe('throttleRulesFromEnv', () => {
	it('reads caps and free failures, and keeps the defaults for nonsense', () => {
		const rules = throttleRulesFromEnv({
			SIGN_IN_MAX_DELAY_SECONDS: '30',
			SIGN_IN_ADDRESS_FREE_FAILURES: '40',
			SIGN_IN_ADDRESS_MAX_DELAY_SECONDS: 'viel',
			JOIN_FREE_FAILURES: '-3',
			JOIN_MAX_DELAY_SECONDS: '5'
		});
		expect(rules.pair.maxDelayMs).toBe(30_000);
		expect(rules.address.freeFailures).toBe(40);
		expect(rules.address.maxDelayMs).toBe(60_000);
		expect(rules.join.freeFailures).toBe(200);
		expect(rules.join.maxDelayMs).toBe(5_000);
	});
});

describe('describeWait', () => {
	it('says seconds below a minute and whole minutes above', () => {
		expect([1_000, 3_200, 59_000, 60_000, 900_000].map(describeWait)).toEqual([
			'1 Sekunde',
			'4 Sekunden',
			'59 Sekunden',
			'1 Minute',
			'15 Minuten'
		]);
	});
});
