import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createSession } from '../auth/session';
import { runSeeds } from '../db/seeds';
import { accountLink, membership, session, user } from '../db/schema';
import { recordChanges } from '../db/changes-test-support';
import { createTestDatabase } from '../db/test-database';
import { organisationsSeed } from '../workspace/organisations-seed';
import { findOrganisationBySlug } from '../workspace/organisations';
import { accountResource, changeAccountProfile, setAccountActive } from './account';
import { createPasswordReset } from './links';

function setup() {
	const db = createTestDatabase();
	runSeeds(db, [organisationsSeed()]);
	const kamen = findOrganisationBySlug(db, 'kamen')!;
	const bergkamen = findOrganisationBySlug(db, 'bergkamen')!;
	for (const [id, email] of [
		['manager', 'manager@kamen.test'],
		['person', 'person@kamen.test'],
		['other', 'other@kamen.test']
	]) {
		db.insert(user).values({ id, email, name: id, passwordHash: 'x' }).run();
	}
	db.insert(membership)
		.values([
			{ userId: 'manager', organisationId: kamen.id, roles: ['manager'] },
			{ userId: 'person', organisationId: kamen.id, roles: ['viewer'] },
			{
				userId: 'person',
				organisationId: bergkamen.id,
				roles: ['signatory'],
				deactivatedAt: new Date()
			}
		])
		.run();
	return { db, kamen, bergkamen };
}

describe('accountResource', () => {
	it('carries every membership, ended ones too', () => {
		const { db, kamen, bergkamen } = setup();
		expect(accountResource(db, 'person').memberships).toEqual(
			expect.arrayContaining([
				{ organisationId: kamen.id, roles: ['viewer'] },
				{ organisationId: bergkamen.id, roles: ['signatory'] }
			])
		);
		expect(accountResource(db, 'nobody')).toEqual({
			type: 'account',
			userId: 'nobody',
			memberships: []
		});
	});
});

describe('setAccountActive', () => {
	it('deactivates the whole account and signs the person out everywhere', () => {
		const { db } = setup();
		createSession(db, 'person');
		expect(
			setAccountActive(db, { actorUserId: 'manager', userId: 'person', active: false })
		).toEqual({ ok: true });
		expect(db.select().from(user).where(eq(user.id, 'person')).get()!.deactivatedAt).not.toBeNull();
		expect(db.select().from(session).where(eq(session.userId, 'person')).all()).toEqual([]);
		setAccountActive(db, { actorUserId: 'manager', userId: 'person', active: true });
		expect(db.select().from(user).where(eq(user.id, 'person')).get()!.deactivatedAt).toBeNull();
	});

	it('refuses to deactivate one’s own account', () => {
		const { db } = setup();
		const result = setAccountActive(db, {
			actorUserId: 'manager',
			userId: 'manager',
			active: false
		});
		expect(result.ok).toBe(false);
	});
});

describe('changeAccountProfile', () => {
	it('changes name and address, and ends the links made for the old address', () => {
		const { db } = setup();
		createPasswordReset(db, { userId: 'person', createdBy: 'manager' });
		const result = changeAccountProfile(db, {
			actorUserId: 'manager',
			userId: 'person',
			name: 'Petra Person',
			email: 'Petra@Kamen.test'
		});
		expect(result).toEqual({ ok: true });
		expect(db.select().from(user).where(eq(user.id, 'person')).get()).toMatchObject({
			name: 'Petra Person',
			email: 'petra@kamen.test'
		});
		expect(db.select().from(accountLink).all()).toEqual([]);
	});

	it('refuses an address another account has', () => {
		const { db } = setup();
		const result = changeAccountProfile(db, {
			actorUserId: 'manager',
			userId: 'person',
			name: 'person',
			email: 'other@kamen.test'
		});
		expect(result.ok).toBe(false);
		expect(db.select().from(user).where(eq(user.id, 'person')).get()!.email).toBe(
			'person@kamen.test'
		);
	});
});

describe('account changes', () => {
	it('has open connections checked again when an account is deactivated or reactivated', async () => {
		const { db } = setup();
		const told = recordChanges(db);
		setAccountActive(db, { actorUserId: 'manager', userId: 'person', active: false });
		expect(await told()).toEqual([{ topic: 'access' }]);
		setAccountActive(db, { actorUserId: 'manager', userId: 'person', active: true });
		expect(await told()).toEqual([{ topic: 'access' }]);
	});
});
