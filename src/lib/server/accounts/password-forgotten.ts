// "Passwort vergessen" (only while mail is on): whoever gives an address gets the same answer,
// whether it has an account or not; only the account's owner receives the link, by mail. Every
// request counts against the address and the requesting connection, whether an account exists or
// not, so the waits tell nothing either and nobody can flood a mailbox.
import { describeWait, recordFailure, waitRemainingMs, type DelayRule } from '../auth/rate-limit';
import { transaction, type AppDatabase } from '../db/database';
import { createPasswordReset, type LinkUrl } from './links';
import { findUserByEmail, normalizeEmail } from './members';

const minute = 60_000;

/** Three links for one address at once; the third starts a wait of twenty minutes. */
export const resetRequestsPerAccount: DelayRule = {
	freeFailures: 2,
	forgetOneEveryMs: 20 * minute,
	firstDelayMs: 20 * minute,
	maxDelayMs: 20 * minute
};

export const neutralAnswer =
	'Wenn es zu dieser Adresse ein Konto gibt, erhalten Sie in wenigen Minuten eine E-Mail mit einem Link zum Setzen eines neuen Passworts. Sehen Sie auch im Spam-Ordner nach.';

export type ResetRequestResult =
	{ ok: true } | { ok: false; message: string; retryAfterMs: number };

export function requestPasswordReset(
	db: AppDatabase,
	input: { email: string; ipAddress: string; linkUrl: LinkUrl },
	addressRule: DelayRule,
	now = new Date()
): ResetRequestResult {
	const email = normalizeEmail(input.email);
	const keys = {
		account: `neues-passwort:${email}`,
		address: `neues-passwort-adresse:${input.ipAddress}`
	};
	const waitMs = waitRemainingMs(db, [keys.account, keys.address], now);
	if (waitMs > 0) {
		return {
			ok: false,
			message: `Bitte warten Sie ${describeWait(waitMs)}, bevor Sie einen weiteren Link anfordern.`,
			retryAfterMs: waitMs
		};
	}
	transaction(db, (tx) => {
		recordFailure(tx, keys.account, resetRequestsPerAccount, now);
		recordFailure(tx, keys.address, addressRule, now);
		const person = findUserByEmail(tx, email);
		if (!person || person.deactivatedAt || person.anonymisedAt) return;
		createPasswordReset(
			tx,
			{ userId: person.id, createdBy: person.id, linkUrl: input.linkUrl },
			now
		);
	});
	return { ok: true };
}
