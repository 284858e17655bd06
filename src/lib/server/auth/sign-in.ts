// Signing in with e-mail and password. An unknown e-mail gets the same answer as a wrong
// password, and takes as long, so nobody can probe which addresses have accounts.
import { recordAudit } from '../accounts/audit';
import { findUserByEmail, normalizeEmail } from '../accounts/members';
import type { AppDatabase } from '../db/database';
import { memberActor } from './actor';
import { hashPassword, verifyPassword } from './password';
import {
	accountKey,
	addressKey,
	clearFailures,
	describeWait,
	lockRemainingMs,
	recordFailure,
	type ThrottleRules
} from './rate-limit';

export type SignInResult =
	{ ok: true; userId: string } | { ok: false; message: string; retryAfterMs?: number };

export const wrongCredentialsMessage = 'E-Mail-Adresse oder Passwort sind nicht richtig.';

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
	const keys = [accountKey(email), addressKey(input.ipAddress)];
	const waitMs = lockRemainingMs(db, keys, now);
	if (waitMs > 0) {
		recordAudit(db, { event: 'sign-in-locked', email, ipAddress: input.ipAddress }, now);
		return {
			ok: false,
			message: `Zu viele fehlgeschlagene Anmeldungen. Bitte warten Sie ${describeWait(waitMs)} und versuchen Sie es dann noch einmal.`,
			retryAfterMs: waitMs
		};
	}
	const person = findUserByEmail(db, email);
	dummyHash ??= hashPassword('kein-konto-vorhanden');
	const valid = await verifyPassword(person?.passwordHash ?? (await dummyHash), input.password);
	if (!person || !valid) {
		recordFailure(db, keys[0], rules.account, now);
		recordFailure(db, keys[1], rules.address, now);
		recordAudit(
			db,
			{ event: 'sign-in-failed', subjectUserId: person?.id, email, ipAddress: input.ipAddress },
			now
		);
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
	clearFailures(db, keys[0]);
	recordAudit(
		db,
		{
			event: 'sign-in',
			actorUserId: person.id,
			subjectUserId: person.id,
			ipAddress: input.ipAddress
		},
		now
	);
	return { ok: true, userId: person.id };
}
