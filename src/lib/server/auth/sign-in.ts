// Signing in with e-mail and password. An unknown e-mail gets the same answer as a wrong
// password, and takes as long, so nobody can probe which addresses have accounts.
//
// Guessing is slowed by growing waits, never stopped by a lock that would keep the owner out
// too: per account and address (the pair), so that someone failing from one place holds up only
// themselves; per address over all accounts, sized for an office behind one address; per account
// over all addresses only so far that a failing pair waits from its first failure on. A clean
// pair is always checked, so the owner with the right password gets in from any other address.
// While a wait lasts the password is not even looked at: that is what slows the guessing.
import { recordAudit } from '../accounts/audit';
import { findUserByEmail, normalizeEmail } from '../accounts/members';
import { transaction, type AppDatabase } from '../db/database';
import { memberActor } from './actor';
import { InFlight } from './in-flight';
import { hashPassword, verifyPassword } from './password';
import {
	clearFailures,
	describeWait,
	failureCount,
	recordFailure,
	waitRemainingMs,
	type ThrottleRules
} from './rate-limit';

export type SignInResult =
	{ ok: true; userId: string } | { ok: false; message: string; retryAfterMs?: number };

export const wrongCredentialsMessage = 'E-Mail-Adresse oder Passwort sind nicht richtig.';

export function pairKey(email: string, address: string): string {
	return `konto-adresse:${JSON.stringify([email, address])}`;
}

export function accountKey(email: string): string {
	return `konto:${email}`;
}

export function addressKey(address: string): string {
	return `adresse:${address}`;
}

// A person sends one attempt at a time; an office many, but rarely more than a few at once.
const inFlight = new InFlight();
const attemptsAtOnce = { pair: 1, address: 10 };

function waitFor(ms: number, reason: string): SignInResult {
	return {
		ok: false,
		message: `${reason} Bitte warten Sie ${describeWait(ms)} und versuchen Sie es dann noch einmal.`,
		retryAfterMs: ms
	};
}

let dummyHash: Promise<string> | undefined;

export async function signIn(
	db: AppDatabase,
	input: {
		email: string;
		password: string;
		ipAddress: string;
		/** Signing in to accept an invitation: the account may have no membership yet (all of its
		 * earlier ones ended), since the invitation brings one. */
		forInvitation?: boolean;
	},
	rules: ThrottleRules,
	now = new Date()
): Promise<SignInResult> {
	const email = normalizeEmail(input.email);
	const keys = {
		pair: pairKey(email, input.ipAddress),
		account: accountKey(email),
		address: addressKey(input.ipAddress)
	};
	const waitMs = waitRemainingMs(db, [keys.pair, keys.address], now);
	if (waitMs > 0) return waitFor(waitMs, 'Zu viele fehlgeschlagene Anmeldungen.');
	const release = inFlight.enter({
		[keys.pair]: attemptsAtOnce.pair,
		[keys.address]: attemptsAtOnce.address
	});
	if (!release) return waitFor(1000, 'Zu viele Anmeldungen auf einmal.');
	try {
		return await checkPassword(db, { ...input, email }, keys, rules, now);
	} finally {
		release();
	}
}

async function checkPassword(
	db: AppDatabase,
	input: { email: string; password: string; ipAddress: string; forInvitation?: boolean },
	keys: { pair: string; account: string; address: string },
	rules: ThrottleRules,
	now: Date
): Promise<SignInResult> {
	const { email, ipAddress } = input;
	const person = findUserByEmail(db, email);
	dummyHash ??= hashPassword('kein-konto-vorhanden');
	const valid = await verifyPassword(person?.passwordHash ?? (await dummyHash), input.password);
	if (!person || !valid) {
		transaction(db, (tx) => {
			const underAttack =
				failureCount(tx, keys.account, rules.account, now) >= rules.account.freeFailures;
			recordFailure(tx, keys.account, rules.account, now);
			const pairRule = underAttack ? { ...rules.pair, freeFailures: 0 } : rules.pair;
			const waits = [
				recordFailure(tx, keys.pair, pairRule, now),
				recordFailure(tx, keys.address, rules.address, now)
			];
			const subjectUserId = person?.id;
			recordAudit(tx, { event: 'sign-in-failed', subjectUserId, email, ipAddress }, now);
			// Once per wait, not for every attempt it refuses: a script must not fill the log.
			if (Math.max(...waits) > 0) {
				recordAudit(tx, { event: 'sign-in-locked', subjectUserId, email, ipAddress }, now);
			}
		});
		return { ok: false, message: wrongCredentialsMessage };
	}
	const actor = memberActor(db, person.id);
	const withoutMembership = actor.kind === 'member' && actor.memberships.length === 0;
	if (person.deactivatedAt || (withoutMembership && !input.forInvitation)) {
		return {
			ok: false,
			message: 'Ihr Zugang ist deaktiviert. Bitte wenden Sie sich an Ihre Organisation.'
		};
	}
	// The owner's own typos are forgiven. The address's failures are not (a script with one valid
	// account could wipe its record between guesses), nor the account's (an attack goes on).
	clearFailures(db, keys.pair);
	recordAudit(
		db,
		{ event: 'sign-in', actorUserId: person.id, subjectUserId: person.id, ipAddress },
		now
	);
	return { ok: true, userId: person.id };
}
