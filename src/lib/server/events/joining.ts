// Joining by code. Wrong codes are counted per address with growing waits (auth/rate-limit.ts);
// right ones never are: a whole hall may share one Wi-Fi address. While an address waits, the
// server checks only codes that were entered rightly from it in the last day. So the hall keeps
// joining with the code on the screen, whatever typos or a prankster sent before, while a script
// guessing codes learns nothing until its wait is over. Checking every code during the wait
// would tell the script right from wrong at once, and the wait would slow no guessing at all.
import { and, eq, lt } from 'drizzle-orm';
import { normalizeJoinCode } from '$lib/join-code';
import { describeWait, recordFailure, waitRemainingMs, type DelayRule } from '../auth/rate-limit';
import type { AppDatabase } from '../db/database';
import { trustedJoinAddress, type EventRow } from '../db/schema';
import { findEventByJoinCode } from './events';
import { rejoinWithCode, type Joined } from './participants';

/** Wrong join codes from one address. */
export function joinCodeKey(address: string): string {
	return `beitritt:${address}`;
}

/** Wrong re-entry codes from one address for one event. */
export function reentryKey(eventId: string, address: string): string {
	return `wiedereinstieg:${eventId}:${address}`;
}

const trustMs = 24 * 60 * 60 * 1000;

function isTrusted(db: AppDatabase, code: string, address: string, now: Date): boolean {
	const row = db
		.select()
		.from(trustedJoinAddress)
		.where(and(eq(trustedJoinAddress.address, address), eq(trustedJoinAddress.joinCode, code)))
		.get();
	return Boolean(row && now.getTime() - row.lastReachedAt.getTime() < trustMs);
}

function trust(db: AppDatabase, code: string, address: string, now: Date): void {
	db.insert(trustedJoinAddress)
		.values({ address, joinCode: code, lastReachedAt: now })
		.onConflictDoUpdate({
			target: [trustedJoinAddress.address, trustedJoinAddress.joinCode],
			set: { lastReachedAt: now }
		})
		.run();
}

/** Trust older than a day goes; returns how many rows went. */
export function forgetOldJoinTrust(db: AppDatabase, now = new Date()): number {
	return db
		.delete(trustedJoinAddress)
		.where(lt(trustedJoinAddress.lastReachedAt, new Date(now.getTime() - trustMs)))
		.run().changes;
}

export const unknownCodeMessage =
	'Zu diesem Code finden wir keine Veranstaltung. Bitte prüfen Sie den Code – er steht auf der Leinwand oder dem Aushang.';

export const malformedCodeMessage =
	'Bitte geben Sie den sechsstelligen Code ein, der bei der Veranstaltung angezeigt wird, zum Beispiel ACK47M.';

function waiting(waitMs: number) {
	return {
		kind: 'locked' as const,
		message: `Zu viele falsche Codes von diesem Anschluss. Bitte warten Sie ${describeWait(waitMs)} und versuchen Sie es dann noch einmal.`,
		retryAfterMs: waitMs
	};
}

export type CodeLookup =
	| { kind: 'found'; event: EventRow }
	| { kind: 'locked'; message: string; retryAfterMs: number }
	| { kind: 'malformed' | 'unknown'; message: string };

/** The event behind an entered join code. A code nobody has gets the same answer as a typo. */
export function lookUpJoinCode(
	db: AppDatabase,
	input: string,
	address: string,
	rule: DelayRule,
	now = new Date()
): CodeLookup {
	const code = normalizeJoinCode(input);
	// A code of the wrong shape tells nothing about which codes exist: it is not counted.
	if (!code) return { kind: 'malformed', message: malformedCodeMessage };
	const key = joinCodeKey(address);
	const waitMs = waitRemainingMs(db, [key], now);
	if (waitMs > 0 && !isTrusted(db, code, address, now)) return waiting(waitMs);
	const found = findEventByJoinCode(db, code);
	if (found) {
		trust(db, code, address, now);
		return { kind: 'found', event: found };
	}
	// A trusted code that was replaced since: no new failure while the address waits.
	if (waitMs > 0) return waiting(waitMs);
	recordFailure(db, key, rule, now);
	return { kind: 'unknown', message: unknownCodeMessage };
}

export type Rejoin =
	| { kind: 'joined'; joined: Joined }
	| { kind: 'locked'; message: string; retryAfterMs: number }
	| { kind: 'refused'; message: string };

/** Moves a participant identity to this device by its re-entry code. The right code always
 * works, from any address; wrong ones are counted per event and address like wrong join codes.
 * What keeps guessers out is the code's length (eight characters, about 1.5 × 10^11), since a
 * code that always works is checked even while the address waits. */
export function rejoinByCode(
	db: AppDatabase,
	eventId: string,
	code: string,
	address: string,
	rule: DelayRule,
	now = new Date()
): Rejoin {
	const joined = rejoinWithCode(db, eventId, code);
	if (joined) return { kind: 'joined', joined };
	const key = reentryKey(eventId, address);
	const waitMs = waitRemainingMs(db, [key], now);
	if (waitMs > 0) return waiting(waitMs);
	recordFailure(db, key, rule, now);
	return {
		kind: 'refused',
		message:
			'Dieser Wiedereinstiegscode passt nicht. Sie finden ihn auf Ihrem ersten Gerät unter „Auf anderem Gerät weitermachen“.'
	};
}
