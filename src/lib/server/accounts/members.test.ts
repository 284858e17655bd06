import { describe, expect, it } from 'vitest';
import { recordChanges } from '../db/changes-test-support';
import { membership, user } from '../db/schema';
import { runSeeds } from '../db/seeds';
import { createTestDatabase } from '../db/test-database';
import { organisationsSeed } from '../workspace/organisations-seed';
import { findOrganisationBySlug } from '../workspace/organisations';
import { setMembershipActive, setRoles } from './members';

function setup() {
	const db = createTestDatabase();
	runSeeds(db, [organisationsSeed()]);
	const kamen = findOrganisationBySlug(db, 'kamen')!;
	const bergkamen = findOrganisationBySlug(db, 'bergkamen')!;
	for (const id of ['manager', 'person']) {
		db.insert(user)
			.values({ id, email: `${id}@kamen.test`, name: id, passwordHash: 'x' })
			.run();
	}
	db.insert(membership)
		.values([
			{ userId: 'manager', organisationId: kamen.id, roles: ['manager'] },
			{ userId: 'person', organisationId: kamen.id, roles: ['viewer'] },
			{ userId: 'person', organisationId: bergkamen.id, roles: ['signatory'] }
		])
		.run();
	return { db, kamen, bergkamen };
}

describe('membership changes', () => {
	it('has open connections checked again when roles or a membership change', async () => {
		const { db, kamen, bergkamen } = setup();
		const told = recordChanges(db);
		const change = { actorUserId: 'manager', userId: 'person' };
		expect(setRoles(db, { ...change, organisationId: kamen.id, roles: ['editor'] })).toEqual({
			ok: true
		});
		expect(await told()).toEqual([{ topic: 'access' }]);
		// The person keeps a membership in Kamen, so no session ends: the change alone is told.
		const ended = setMembershipActive(db, {
			...change,
			organisationId: bergkamen.id,
			active: false
		});
		expect(ended).toEqual({ ok: true });
		expect(await told()).toEqual([{ topic: 'access' }]);
	});

	it('tells nothing of a refused change', async () => {
		const { db, kamen } = setup();
		const told = recordChanges(db);
		setRoles(db, {
			actorUserId: 'manager',
			userId: 'niemand',
			organisationId: kamen.id,
			roles: []
		});
		expect(await told()).toEqual([]);
	});
});
