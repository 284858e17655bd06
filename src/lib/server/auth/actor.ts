// Who is asking: the member behind a session, with their active memberships and whether they
// hold the admin role through the Kreis.
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { AppDatabase } from '../db/database';
import { membership, organisation } from '../db/schema';
import { anonymousActor, type Actor } from '../policy';
import { validateSessionToken, type SessionValidation } from './session';

export function memberActor(db: AppDatabase, userId: string): Actor {
	const rows = db
		.select({
			organisationId: membership.organisationId,
			roles: membership.roles,
			kind: organisation.kind
		})
		.from(membership)
		.innerJoin(organisation, eq(membership.organisationId, organisation.id))
		.where(and(eq(membership.userId, userId), isNull(membership.deactivatedAt)))
		.orderBy(asc(organisation.sortOrder))
		.all();
	return {
		kind: 'member',
		userId,
		admin: rows.some((row) => row.kind === 'kreis' && row.roles.includes('admin')),
		memberships: rows.map(({ organisationId, roles }) => ({ organisationId, roles }))
	};
}

export interface ResolvedSession {
	actor: Actor;
	validation: SessionValidation | null;
}

/** A valid session whose person has no active membership left counts as signed out. */
export function resolveSession(db: AppDatabase, token: string | undefined): ResolvedSession {
	const validation = token ? validateSessionToken(db, token) : null;
	if (!validation) return { actor: anonymousActor, validation: null };
	const actor = memberActor(db, validation.user.id);
	if (actor.kind === 'member' && actor.memberships.length === 0) {
		return { actor: anonymousActor, validation: null };
	}
	return { actor, validation };
}
