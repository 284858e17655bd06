// A person's whole account, as opposed to their membership in one organisation: who may act on
// it (the policy's `account` resource), deactivating it, and changing name and e-mail address.
import { and, eq, isNull, ne } from 'drizzle-orm';
import { invalidateUserSessions } from '../auth/session';
import { announce } from '../db/changes';
import { transaction, type AppDatabase } from '../db/database';
import { accountLink, membership, user } from '../db/schema';
import type { Resource } from '../policy';
import { recordAudit } from './audit';
import { findUser, normalizeEmail, type Result } from './members';

export type AccountResource = Extract<Resource, { type: 'account' }>;

/**
 * The account with every membership it holds, ended ones included. An id nobody has is an
 * account without organisations, which only admins may reach: they then learn it does not exist,
 * while managers are refused alike for real and made-up ids.
 */
export function accountResource(db: AppDatabase, userId: string): AccountResource {
	const memberships = db
		.select({ organisationId: membership.organisationId, roles: membership.roles })
		.from(membership)
		.where(eq(membership.userId, userId))
		.all();
	return { type: 'account', userId, memberships };
}

interface AccountChange {
	actorUserId: string;
	userId: string;
}

/** Deactivates or reactivates the whole account; deactivating signs the person out everywhere. */
export function setAccountActive(
	db: AppDatabase,
	change: AccountChange & { active: boolean },
	now = new Date()
): Result {
	const person = findUser(db, change.userId);
	if (!person) return { ok: false, message: 'Diese Person gibt es nicht.' };
	if (person.anonymisedAt) return { ok: false, message: 'Diese Person ist anonymisiert.' };
	if (!change.active && person.id === change.actorUserId) {
		return { ok: false, message: 'Sie können Ihr eigenes Konto nicht deaktivieren.' };
	}
	if (Boolean(person.deactivatedAt) === !change.active) return { ok: true };
	transaction(db, (tx) => {
		tx.update(user)
			.set({ deactivatedAt: change.active ? null : now })
			.where(eq(user.id, person.id))
			.run();
		if (!change.active) invalidateUserSessions(tx, person.id);
		recordAudit(tx, {
			event: change.active ? 'account-reactivated' : 'account-deactivated',
			actorUserId: change.actorUserId,
			subjectUserId: person.id
		});
		announce(tx, { topic: 'access' });
	});
	return { ok: true };
}

/**
 * Changes the name and e-mail address someone else's account is known by. Open links made for
 * the old address end: a reset link must not later fit a new account under that address.
 */
export function changeAccountProfile(
	db: AppDatabase,
	change: AccountChange & { name: string; email: string }
): Result {
	const person = findUser(db, change.userId);
	if (!person) return { ok: false, message: 'Diese Person gibt es nicht.' };
	if (person.anonymisedAt) return { ok: false, message: 'Diese Person ist anonymisiert.' };
	const email = normalizeEmail(change.email);
	const taken = db
		.select({ id: user.id })
		.from(user)
		.where(and(eq(user.email, email), ne(user.id, person.id)))
		.get();
	if (taken) {
		return { ok: false, message: 'Unter dieser E-Mail-Adresse gibt es schon ein anderes Konto.' };
	}
	transaction(db, (tx) => {
		tx.update(user).set({ name: change.name, email }).where(eq(user.id, person.id)).run();
		if (email !== person.email) {
			tx.delete(accountLink)
				.where(and(eq(accountLink.email, person.email), isNull(accountLink.usedAt)))
				.run();
		}
		if (change.name !== person.name) {
			recordAudit(tx, {
				event: 'name-changed',
				actorUserId: change.actorUserId,
				subjectUserId: person.id
			});
		}
		if (email !== person.email) {
			recordAudit(tx, {
				event: 'email-changed',
				actorUserId: change.actorUserId,
				subjectUserId: person.id
			});
		}
	});
	return { ok: true };
}
