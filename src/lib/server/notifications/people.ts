// Who may receive a notification: people whose account is active, found through the same policy
// that guards the pages, so nobody learns by mail what they could not read in the app.
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { memberActor } from '../auth/actor';
import type { AppDatabase } from '../db/database';
import { membership, user, type DocumentRow, type Role } from '../db/schema';
import { documentResource, can } from '../policy';

export interface Recipient {
	id: string;
	name: string;
	email: string;
}

/** Active accounts with at least one active membership (the others cannot sign in). */
function activePeople(db: AppDatabase, ids?: readonly string[]): Recipient[] {
	return db
		.selectDistinct({ id: user.id, name: user.name, email: user.email })
		.from(user)
		.innerJoin(membership, eq(membership.userId, user.id))
		.where(
			and(
				ids ? inArray(user.id, [...new Set(ids)]) : undefined,
				isNull(user.deactivatedAt),
				isNull(user.anonymisedAt),
				isNull(membership.deactivatedAt)
			)
		)
		.orderBy(asc(user.name), asc(user.id))
		.all();
}

/** Everyone who may read the document now: the people one can mention in its comments. */
export function documentReaders(db: AppDatabase, document: DocumentRow): Recipient[] {
	const resource = documentResource(document);
	return activePeople(db).filter((person) =>
		can(memberActor(db, person.id), 'document:read', resource)
	);
}

/** Active people (all, or those of the ids); deactivated and anonymised accounts are left out. */
export function activeRecipients(db: AppDatabase, ids?: readonly string[]): Recipient[] {
	return ids?.length === 0 ? [] : activePeople(db, ids);
}

/** The people of an organisation who hold one of the roles there, membership and account active. */
export function organisationPeople(
	db: AppDatabase,
	organisationId: string,
	roles: readonly Role[]
): Recipient[] {
	return db
		.select({ id: user.id, name: user.name, email: user.email, roles: membership.roles })
		.from(membership)
		.innerJoin(user, eq(user.id, membership.userId))
		.where(
			and(
				eq(membership.organisationId, organisationId),
				isNull(membership.deactivatedAt),
				isNull(user.deactivatedAt),
				isNull(user.anonymisedAt)
			)
		)
		.orderBy(asc(user.name))
		.all()
		.filter((row) => row.roles.some((role) => roles.includes(role)))
		.map(({ id, name, email }) => ({ id, name, email }));
}
