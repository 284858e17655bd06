// Growing delays instead of locks (OWASP ASVS 5.0, 6.1.1 and 6.3.1: slowing guessing must not
// let anyone lock the right person out). Failures are counted per key in the database, so a
// restart forgets nothing. The first few cost nothing; from then on each failure makes the key
// wait twice as long as the one before, up to a cap. Failures are also forgotten one by one as
// time passes: the typos of a busy office spread over a day never add up, while a script that
// keeps failing soon waits before each try about as long as it takes to forget one failure (or
// the cap, if that is shorter). No wait is ever longer than the cap.
import { and, eq, inArray, isNull, lt, or } from 'drizzle-orm';
import { nonNegativeNumber } from '../config';
import type { AppDatabase } from '../db/database';
import { signInThrottle } from '../db/schema';

export interface DelayRule {
	/** Failures that start no wait; the one after them starts the first. */
	freeFailures: number;
	/** Each time this passes, one failure is forgotten. */
	forgetOneEveryMs: number;
	/** The wait after the first failure beyond the free ones; each further failure doubles it. */
	firstDelayMs: number;
	/** The longest wait. With 0 the key is only counted (see failureCount), never held up. */
	maxDelayMs: number;
}

/** The wait that follows the failure which brought a key's count to `failures`. */
export function delayAfter(rule: DelayRule, failures: number): number {
	if (failures <= rule.freeFailures || rule.maxDelayMs <= 0) return 0;
	const doublings = Math.min(failures - rule.freeFailures - 1, 40);
	return Math.min(rule.maxDelayMs, rule.firstDelayMs * 2 ** doublings);
}

type ThrottleRow = typeof signInThrottle.$inferSelect;

/** `failures` counts since `firstFailureAt`; those forgotten since then are taken off. */
function countAt(row: ThrottleRow | undefined, rule: DelayRule, now: Date): number {
	if (!row) return 0;
	const forgotten = Math.floor(
		(now.getTime() - row.firstFailureAt.getTime()) / rule.forgetOneEveryMs
	);
	return Math.max(0, row.failures - forgotten);
}

function rowOf(db: AppDatabase, key: string): ThrottleRow | undefined {
	return db.select().from(signInThrottle).where(eq(signInThrottle.key, key)).get();
}

/** How many failures of the key still count. */
export function failureCount(
	db: AppDatabase,
	key: string,
	rule: DelayRule,
	now = new Date()
): number {
	return countAt(rowOf(db, key), rule, now);
}

/** Counts a failure and returns the wait it starts, in ms (0 while failures are free). */
export function recordFailure(
	db: AppDatabase,
	key: string,
	rule: DelayRule,
	now = new Date()
): number {
	const row = rowOf(db, key);
	const count = countAt(row, rule, now);
	// Once everything is forgotten, a new run of failures begins.
	const failures = count === 0 ? 1 : row!.failures + 1;
	const firstFailureAt = count === 0 ? now : row!.firstFailureAt;
	const waitMs = delayAfter(rule, count + 1);
	const lockedUntil = new Date(Math.max(now.getTime() + waitMs, row?.lockedUntil?.getTime() ?? 0));
	db.insert(signInThrottle)
		.values({ key, failures, firstFailureAt, lockedUntil })
		.onConflictDoUpdate({
			target: signInThrottle.key,
			set: { failures, firstFailureAt, lockedUntil }
		})
		.run();
	return waitMs;
}

/** How long the longest wait among the keys still lasts, in ms; 0 when none waits. */
export function waitRemainingMs(db: AppDatabase, keys: string[], now = new Date()): number {
	const rows = db.select().from(signInThrottle).where(inArray(signInThrottle.key, keys)).all();
	const until = Math.max(0, ...rows.map((row) => row.lockedUntil?.getTime() ?? 0));
	return Math.max(0, until - now.getTime());
}

export function clearFailures(db: AppDatabase, key: string): void {
	db.delete(signInThrottle).where(eq(signInThrottle.key, key)).run();
}

const day = 24 * 60 * 60 * 1000;

/** Keys without a failure or a wait for a day are dropped, so that a script trying thousands
 * of e-mail addresses does not leave its keys behind forever. Returns how many went. */
export function forgetQuietKeys(db: AppDatabase, now = new Date()): number {
	const dayAgo = new Date(now.getTime() - day);
	return db
		.delete(signInThrottle)
		.where(
			or(
				lt(signInThrottle.lockedUntil, dayAgo),
				and(isNull(signInThrottle.lockedUntil), lt(signInThrottle.firstFailureAt, dayAgo))
			)
		)
		.run().changes;
}

/** "15 Minuten", "1 Minute", "40 Sekunden": how long someone must wait. */
export function describeWait(ms: number): string {
	const seconds = Math.ceil(ms / 1000);
	if (seconds < 60) return seconds === 1 ? '1 Sekunde' : `${seconds} Sekunden`;
	const minutes = Math.ceil(seconds / 60);
	return minutes === 1 ? '1 Minute' : `${minutes} Minuten`;
}

export interface ThrottleRules {
	/** One account from one address: the owner's typos, or someone guessing one password. */
	pair: DelayRule;
	/** One account from every address, only counted: beyond its free failures the account is
	 * under attack, and a pair that fails then waits from its first failure on. */
	account: DelayRule;
	/** Every account from one address: a script trying one password on many accounts. */
	address: DelayRule;
	/** Wrong join codes from one address, and wrong re-entry codes per event and address. */
	join: DelayRule;
}

const second = 1000;
const minute = 60 * second;

export function throttleRulesFromEnv(env: NodeJS.ProcessEnv = process.env): ThrottleRules {
	const seconds = (value: string | undefined, fallback: number) =>
		nonNegativeNumber(value, fallback) * second;
	return {
		pair: {
			freeFailures: 5,
			forgetOneEveryMs: 15 * minute,
			firstDelayMs: second,
			maxDelayMs: seconds(env.SIGN_IN_MAX_DELAY_SECONDS, 15 * 60)
		},
		account: { freeFailures: 20, forgetOneEveryMs: 3 * minute, firstDelayMs: 0, maxDelayMs: 0 },
		// An office behind one address: hundreds of people, a few typos each day. Successes are
		// never counted, and a hundred failures in a row are far more than a morning's typos.
		address: {
			freeFailures: nonNegativeNumber(env.SIGN_IN_ADDRESS_FREE_FAILURES, 100),
			forgetOneEveryMs: 30 * second,
			firstDelayMs: second,
			maxDelayMs: seconds(env.SIGN_IN_ADDRESS_MAX_DELAY_SECONDS, 60)
		},
		// A hall of 300 phones behind one Wi-Fi, a third of them mistyping the code first.
		join: {
			freeFailures: nonNegativeNumber(env.JOIN_FREE_FAILURES, 200),
			forgetOneEveryMs: 15 * second,
			firstDelayMs: second,
			maxDelayMs: seconds(env.JOIN_MAX_DELAY_SECONDS, 60)
		}
	};
}
