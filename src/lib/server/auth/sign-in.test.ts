import { describe, expect, it } from 'vitest';
import { createInvitation, acceptInvitation } from '../accounts/links';
import { createAdmin } from '../accounts/first-admin';
import { findUserByEmail, setMembershipActive } from '../accounts/members';
import { runSeeds } from '../db/seeds';
import { createTestDatabase } from '../db/test-database';
import { organisationsSeed } from '../workspace/organisations-seed';
import { findOrganisationBySlug } from '../workspace/organisations';
import type { ThrottleRules } from './rate-limit';
import { signIn, wrongCredentialsMessage } from './sign-in';

const rules: ThrottleRules = {
	account: { maxFailures: 3, windowMs: 60_000, lockMs: 30_000 },
	address: { maxFailures: 10, windowMs: 60_000, lockMs: 30_000 },
	join: { maxFailures: 3, windowMs: 60_000, lockMs: 30_000 }
};
const password = 'Sicheres-Passwort-1';

async function setup() {
	const db = createTestDatabase();
	runSeeds(db, [organisationsSeed()]);
	await createAdmin(db, { email: 'admin@kreis-unna.de', password });
	return db;
}

describe('signIn', () => {
	it('signs in with the right password, in any letter case of the e-mail', async () => {
		const db = await setup();
		const result = await signIn(
			db,
			{ email: ' Admin@Kreis-Unna.de ', password, ipAddress: '10.0.0.1' },
			rules
		);
		expect(result.ok).toBe(true);
	});

	it('answers an unknown e-mail exactly like a wrong password', async () => {
		const db = await setup();
		const wrong = await signIn(
			db,
			{ email: 'admin@kreis-unna.de', password: 'falsch-falsch', ipAddress: '10.0.0.1' },
			rules
		);
		const unknown = await signIn(
			db,
			{ email: 'niemand@kreis-unna.de', password, ipAddress: '10.0.0.1' },
			rules
		);
		expect(wrong).toEqual({ ok: false, message: wrongCredentialsMessage });
		expect(unknown).toEqual({ ok: false, message: wrongCredentialsMessage });
	});

	it('locks an account after too many failures and releases it after the lock', async () => {
		const db = await setup();
		const t0 = new Date('2026-03-01T10:00:00Z');
		for (let i = 0; i < 3; i++) {
			await signIn(
				db,
				{ email: 'admin@kreis-unna.de', password: 'falsch-falsch', ipAddress: `10.0.0.${i}` },
				rules,
				t0
			);
		}
		const locked = await signIn(
			db,
			{ email: 'admin@kreis-unna.de', password, ipAddress: '10.0.0.9' },
			rules,
			t0
		);
		expect(locked.ok).toBe(false);
		expect(!locked.ok && locked.message).toContain('30 Sekunden');
		const later = new Date(t0.getTime() + 31_000);
		expect(
			(
				await signIn(
					db,
					{ email: 'admin@kreis-unna.de', password, ipAddress: '10.0.0.9' },
					rules,
					later
				)
			).ok
		).toBe(true);
	});

	it('locks an address that tries many accounts', async () => {
		const db = await setup();
		const t0 = new Date('2026-03-01T10:00:00Z');
		for (let i = 0; i < 10; i++) {
			await signIn(
				db,
				{ email: `x${i}@kreis-unna.de`, password: 'falsch-falsch', ipAddress: '10.9.9.9' },
				rules,
				t0
			);
		}
		const result = await signIn(
			db,
			{ email: 'admin@kreis-unna.de', password, ipAddress: '10.9.9.9' },
			rules,
			t0
		);
		expect(result.ok).toBe(false);
		expect(
			(
				await signIn(
					db,
					{ email: 'admin@kreis-unna.de', password, ipAddress: '10.1.1.1' },
					rules,
					t0
				)
			).ok
		).toBe(true);
	});

	it('refuses a person whose only membership is deactivated', async () => {
		const db = await setup();
		const admin = findUserByEmail(db, 'admin@kreis-unna.de')!;
		const kamen = findOrganisationBySlug(db, 'kamen')!;
		const link = createInvitation(db, {
			email: 'v@kamen.de',
			organisationId: kamen.id,
			roles: ['viewer'],
			createdBy: admin.id
		});
		const accepted = await acceptInvitation(db, link.token, { kind: 'new', name: 'V', password });
		expect(accepted.ok).toBe(true);
		setMembershipActive(db, {
			actorUserId: admin.id,
			userId: accepted.userId!,
			organisationId: kamen.id,
			active: false
		});
		const result = await signIn(
			db,
			{ email: 'v@kamen.de', password, ipAddress: '10.0.0.1' },
			rules
		);
		expect(!result.ok && result.message).toContain('deaktiviert');
	});
});
