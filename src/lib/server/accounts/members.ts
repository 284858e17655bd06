// People, their memberships and roles, and the changes managers and admins make to them.
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { announce } from '../db/changes';
import { transaction, type AppDatabase } from '../db/database';
import { membership, organisation, user, type Role, type User } from '../db/schema';
import { hashPassword, passwordProblem, verifyPassword } from '../auth/password';
import { invalidateUserSessions } from '../auth/session';
import { recordAudit } from './audit';

/** What a change to accounts answers: done, or a German message saying why not. */
export type Result = { ok: true } | { ok: false; message: string };

export function normalizeEmail(email: string): string {
	return email.trim().toLowerCase();
}

export function findUserByEmail(db: AppDatabase, email: string): User | undefined {
	return db
		.select()
		.from(user)
		.where(eq(user.email, normalizeEmail(email)))
		.get();
}

export function findUser(db: AppDatabase, userId: string): User | undefined {
	return db.select().from(user).where(eq(user.id, userId)).get();
}

/** Names of people by user id, looked up when shown (so a renamed or anonymised person shows as
 * they are now). Ids without an account are missing from the map. */
export function userNames(db: AppDatabase, userIds: readonly string[]): Map<string, string> {
	if (userIds.length === 0) return new Map();
	const rows = db
		.select({ id: user.id, name: user.name })
		.from(user)
		.where(inArray(user.id, [...new Set(userIds)]))
		.all();
	return new Map(rows.map((row) => [row.id, row.name]));
}

export function listMembers(db: AppDatabase, organisationId: string) {
	return db
		.select({
			userId: user.id,
			name: user.name,
			email: user.email,
			roles: membership.roles,
			deactivatedAt: membership.deactivatedAt,
			accountDeactivatedAt: user.deactivatedAt
		})
		.from(membership)
		.innerJoin(user, eq(membership.userId, user.id))
		.where(eq(membership.organisationId, organisationId))
		.orderBy(asc(user.name))
		.all();
}

export function countActiveMembers(db: AppDatabase): Map<string, number> {
	const rows = db
		.select({ organisationId: membership.organisationId, count: sql<number>`count(*)` })
		.from(membership)
		.where(isNull(membership.deactivatedAt))
		.groupBy(membership.organisationId)
		.all();
	return new Map(rows.map((row) => [row.organisationId, row.count]));
}

/** The organisations and roles a person holds, for their start page. */
export function listMembershipsOfUser(db: AppDatabase, userId: string) {
	return db
		.select({
			organisationId: organisation.id,
			slug: organisation.slug,
			name: organisation.name,
			kind: organisation.kind,
			roles: membership.roles
		})
		.from(membership)
		.innerJoin(organisation, eq(membership.organisationId, organisation.id))
		.where(and(eq(membership.userId, userId), isNull(membership.deactivatedAt)))
		.orderBy(asc(organisation.sortOrder))
		.all();
}

function findMembership(db: AppDatabase, userId: string, organisationId: string) {
	return db
		.select()
		.from(membership)
		.where(and(eq(membership.userId, userId), eq(membership.organisationId, organisationId)))
		.get();
}

interface MembershipChange {
	actorUserId: string;
	userId: string;
	organisationId: string;
}

export function setRoles(db: AppDatabase, change: MembershipChange & { roles: Role[] }): Result {
	const current = findMembership(db, change.userId, change.organisationId);
	if (!current) return { ok: false, message: 'Diese Person gehört nicht zu dieser Organisation.' };
	transaction(db, (tx) => {
		tx.update(membership)
			.set({ roles: change.roles })
			.where(
				and(
					eq(membership.userId, change.userId),
					eq(membership.organisationId, change.organisationId)
				)
			)
			.run();
		recordAudit(tx, {
			event: 'roles-changed',
			actorUserId: change.actorUserId,
			subjectUserId: change.userId,
			organisationId: change.organisationId,
			details: { before: current.roles, after: change.roles }
		});
		announce(tx, { topic: 'access' });
	});
	return { ok: true };
}

function hasActiveMembership(db: AppDatabase, userId: string): boolean {
	return Boolean(
		db
			.select({ userId: membership.userId })
			.from(membership)
			.where(and(eq(membership.userId, userId), isNull(membership.deactivatedAt)))
			.get()
	);
}

export function setMembershipActive(
	db: AppDatabase,
	change: MembershipChange & { active: boolean },
	now = new Date()
): Result {
	const current = findMembership(db, change.userId, change.organisationId);
	if (!current) return { ok: false, message: 'Diese Person gehört nicht zu dieser Organisation.' };
	transaction(db, (t) => {
		t.update(membership)
			.set({ deactivatedAt: change.active ? null : now })
			.where(
				and(
					eq(membership.userId, change.userId),
					eq(membership.organisationId, change.organisationId)
				)
			)
			.run();
		// Whoever has no active membership left is signed out everywhere at once.
		if (!change.active && !hasActiveMembership(t, change.userId)) {
			invalidateUserSessions(t, change.userId);
		}
		recordAudit(t, {
			event: change.active ? 'membership-reactivated' : 'membership-deactivated',
			actorUserId: change.actorUserId,
			subjectUserId: change.userId,
			organisationId: change.organisationId
		});
		announce(t, { topic: 'access' });
	});
	return { ok: true };
}

export function changeName(db: AppDatabase, userId: string, name: string): void {
	transaction(db, (tx) => {
		tx.update(user).set({ name }).where(eq(user.id, userId)).run();
		recordAudit(tx, {
			event: 'name-changed',
			actorUserId: userId,
			subjectUserId: userId
		});
	});
}

/** Checks the current password, sets the new one and ends every other session. */
export async function changePassword(
	db: AppDatabase,
	input: { userId: string; currentPassword: string; newPassword: string; keepSessionId: string }
): Promise<Result> {
	const person = findUser(db, input.userId);
	if (!person) return { ok: false, message: 'Konto nicht gefunden.' };
	if (!(await verifyPassword(person.passwordHash, input.currentPassword))) {
		return { ok: false, message: 'Das bisherige Passwort ist nicht richtig.' };
	}
	const problem = passwordProblem(input.newPassword, person.email);
	if (problem) return { ok: false, message: problem };
	const passwordHash = await hashPassword(input.newPassword);
	transaction(db, (t) => {
		t.update(user).set({ passwordHash }).where(eq(user.id, person.id)).run();
		invalidateUserSessions(t, person.id, input.keepSessionId);
		recordAudit(t, { event: 'password-changed', actorUserId: person.id, subjectUserId: person.id });
	});
	return { ok: true };
}
