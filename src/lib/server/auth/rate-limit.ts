// Failed sign-ins are counted per account and per address in the database, so a restart does not
// reset them. Too many failures within the window lock the key for a while.
import { eq, inArray } from 'drizzle-orm';
import type { AppDatabase } from '../db/database';
import { signInThrottle } from '../db/schema';

export interface ThrottleRule {
	maxFailures: number;
	windowMs: number;
	lockMs: number;
}

export interface ThrottleRules {
	account: ThrottleRule;
	address: ThrottleRule;
	/** Wrong join and re-entry codes of conference participants. */
	join: ThrottleRule;
}

const minute = 60 * 1000;

export function throttleRulesFromEnv(env: NodeJS.ProcessEnv = process.env): ThrottleRules {
	const lockMs = Number(env.SIGN_IN_LOCK_SECONDS ?? 15 * 60) * 1000;
	return {
		account: { maxFailures: 5, windowMs: 15 * minute, lockMs },
		address: { maxFailures: 20, windowMs: 15 * minute, lockMs },
		// Generous: seventy phones may share one venue router, and their typos must not lock the
		// room out. Six characters from 25 still take years to guess at this pace.
		join: {
			maxFailures: 30,
			windowMs: 10 * minute,
			lockMs: Number(env.JOIN_LOCK_SECONDS ?? 10 * 60) * 1000
		}
	};
}

export function accountKey(email: string): string {
	return `konto:${email.trim().toLowerCase()}`;
}

export function addressKey(address: string): string {
	return `adresse:${address}`;
}

/** How long the longest lock among the keys still lasts, in ms; 0 when none is locked. */
export function lockRemainingMs(db: AppDatabase, keys: string[], now = new Date()): number {
	const rows = db.select().from(signInThrottle).where(inArray(signInThrottle.key, keys)).all();
	const until = Math.max(0, ...rows.map((row) => row.lockedUntil?.getTime() ?? 0));
	return Math.max(0, until - now.getTime());
}

export function recordFailure(db: AppDatabase, key: string, rule: ThrottleRule, now = new Date()) {
	const row = db.select().from(signInThrottle).where(eq(signInThrottle.key, key)).get();
	const windowOpen = row && now.getTime() - row.firstFailureAt.getTime() < rule.windowMs;
	const stillLocked = row?.lockedUntil && row.lockedUntil.getTime() > now.getTime();
	const failures = windowOpen || stillLocked ? row!.failures + 1 : 1;
	const firstFailureAt = windowOpen || stillLocked ? row!.firstFailureAt : now;
	const lockedUntil =
		failures >= rule.maxFailures
			? new Date(now.getTime() + rule.lockMs)
			: (row?.lockedUntil ?? null);
	db.insert(signInThrottle)
		.values({ key, failures, firstFailureAt, lockedUntil })
		.onConflictDoUpdate({
			target: signInThrottle.key,
			set: { failures, firstFailureAt, lockedUntil }
		})
		.run();
}

export function clearFailures(db: AppDatabase, key: string): void {
	db.delete(signInThrottle).where(eq(signInThrottle.key, key)).run();
}

/** "15 Minuten", "1 Minute", "40 Sekunden": how long someone must wait. */
export function describeWait(ms: number): string {
	const seconds = Math.ceil(ms / 1000);
	if (seconds < 60) return seconds === 1 ? '1 Sekunde' : `${seconds} Sekunden`;
	const minutes = Math.ceil(seconds / 60);
	return minutes === 1 ? '1 Minute' : `${minutes} Minuten`;
}
