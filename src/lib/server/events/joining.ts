// Joining by code, with failed tries counted per address in the sign-in throttle table.
// Successful joins are not counted at all: a whole room may share one router.
import { normalizeJoinCode } from '$lib/join-code';
import {
	describeWait,
	lockRemainingMs,
	recordFailure,
	type ThrottleRule
} from '../auth/rate-limit';
import type { AppDatabase } from '../db/database';
import type { EventRow } from '../db/schema';
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

export const unknownCodeMessage =
	'Zu diesem Code finden wir keine Veranstaltung. Bitte prüfen Sie den Code – er steht auf der Leinwand oder dem Aushang.';

function lockMessage(db: AppDatabase, key: string, now: Date) {
	const waitMs = lockRemainingMs(db, [key], now);
	if (waitMs === 0) return undefined;
	return `Zu viele falsche Codes von diesem Anschluss. Bitte warten Sie ${describeWait(waitMs)} und versuchen Sie es dann noch einmal.`;
}

export const malformedCodeMessage =
	'Bitte geben Sie den sechsstelligen Code ein, der bei der Veranstaltung angezeigt wird, zum Beispiel ACK47M.';

export type CodeLookup =
	| { kind: 'found'; event: EventRow }
	| { kind: 'locked' | 'malformed' | 'unknown'; message: string };

/** The event behind an entered join code. A code nobody has gets the same answer as a typo. */
export function lookUpJoinCode(
	db: AppDatabase,
	input: string,
	address: string,
	rule: ThrottleRule,
	now = new Date()
): CodeLookup {
	const key = joinCodeKey(address);
	const locked = lockMessage(db, key, now);
	if (locked) return { kind: 'locked', message: locked };
	const code = normalizeJoinCode(input);
	// A code of the wrong shape tells nothing about which codes exist: it is not counted.
	if (!code) return { kind: 'malformed', message: malformedCodeMessage };
	const found = findEventByJoinCode(db, code);
	if (!found) {
		recordFailure(db, key, rule, now);
		return { kind: 'unknown', message: unknownCodeMessage };
	}
	return { kind: 'found', event: found };
}

export type Rejoin =
	{ kind: 'joined'; joined: Joined } | { kind: 'locked' | 'refused'; message: string };

/** Moves a participant identity to this device by its re-entry code. */
export function rejoinByCode(
	db: AppDatabase,
	eventId: string,
	code: string,
	address: string,
	rule: ThrottleRule,
	now = new Date()
): Rejoin {
	const key = reentryKey(eventId, address);
	const locked = lockMessage(db, key, now);
	if (locked) return { kind: 'locked', message: locked };
	const joined = rejoinWithCode(db, eventId, code);
	if (!joined) {
		recordFailure(db, key, rule, now);
		return {
			kind: 'refused',
			message:
				'Dieser Wiedereinstiegscode passt nicht. Sie finden ihn auf Ihrem ersten Gerät unter „Auf anderem Gerät weitermachen“.'
		};
	}
	return { kind: 'joined', joined };
}
