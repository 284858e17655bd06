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

const second = 1000;
const rules: ThrottleRules = {
	pair: {
		freeFailures: 3,
		forgetOneEveryMs: 60 * second,
		firstDelayMs: second,
		maxDelayMs: 8 * second
	},
	account: { freeFailures: 6, forgetOneEveryMs: 60 * second, firstDelayMs: 0, maxDelayMs: 0 },
	address: {
		freeFailures: 10,
		forgetOneEveryMs: 60 * second,
		firstDelayMs: second,
		maxDelayMs: 4 * second
	},
	join: {
		freeFailures: 3,
		forgetOneEveryMs: 60 * second,
		firstDelayMs: second,
		maxDelayMs: 4 * second
	}
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

	it('slows one account from one address with growing waits, without even checking the password', async () => {
		const db = await setup();
		const t0 = new Date('2026-03-01T10:00:00Z');
		const at = (ms: number) => new Date(t0.getTime() + ms);
		const attempt = (pw: string, now: Date, ipAddress = '10.0.0.1') =>
			signIn(db, { email: 'admin@kreis-unna.de', password: pw, ipAddress }, rules, now);
		for (let i = 0; i < 4; i++) {
			expect(await attempt('falsch-falsch', t0)).toEqual({
				ok: false,
				message: wrongCredentialsMessage
			});
		}
		// The fourth failure started a wait of a second: even the right password is not looked at.
		const waiting = await attempt(password, t0);
		expect(waiting).toMatchObject({ ok: false, retryAfterMs: 1000 });
		expect(!waiting.ok && waiting.message).toContain('Bitte warten Sie 1 Sekunde');
		expect((await attempt('falsch-falsch', at(1000))).ok).toBe(false);
		expect(await attempt(password, at(1000))).toMatchObject({ retryAfterMs: 2000 });
		expect(await attempt(password, at(2999))).toMatchObject({ retryAfterMs: 1 });
		// The owner's pair is released after the wait; signing in forgives the pair's typos.
		expect((await attempt(password, at(3000))).ok).toBe(true);
		expect((await attempt('falsch-falsch', at(3000))).ok).toBe(false);
		expect((await attempt(password, at(3000))).ok).toBe(true);
	});

	it('never keeps the owner out because of failures from other addresses', async () => {
		const db = await setup();
		const t0 = new Date('2026-03-01T10:00:00Z');
		for (let i = 0; i < 50; i++) {
			await signIn(
				db,
				{ email: 'admin@kreis-unna.de', password: 'falsch-falsch', ipAddress: `10.6.0.${i % 5}` },
				rules,
				t0
			);
		}
		const owner = (pw: string, ms = 0) =>
			signIn(
				db,
				{ email: 'admin@kreis-unna.de', password: pw, ipAddress: '10.0.0.9' },
				rules,
				new Date(t0.getTime() + ms)
			);
		expect((await owner(password)).ok).toBe(true);
		// Under attack the owner's own typo counts at once, but only for a moment.
		expect((await owner('vertippt-vertippt')).ok).toBe(false);
		expect(await owner(password)).toMatchObject({ ok: false, retryAfterMs: 1000 });
		expect((await owner(password, 1000)).ok).toBe(true);
	});

	it('slows an address that tries many accounts, counting failures only', async () => {
		const db = await setup();
		const t0 = new Date('2026-03-01T10:00:00Z');
		const from = (email: string, pw: string, ipAddress: string) =>
			signIn(db, { email, password: pw, ipAddress }, rules, t0);
		// Many right sign-ins from one address, with typos between them, are never slowed.
		for (let i = 0; i < 30; i++) {
			expect((await from('admin@kreis-unna.de', password, '10.9.9.9')).ok).toBe(true);
			if (i % 5 === 0) await from('admin@kreis-unna.de', 'vertippt-vertippt', '10.9.9.9');
		}
		for (let i = 0; i < 5; i++) await from(`x${i}@kreis-unna.de`, 'falsch-falsch', '10.9.9.9');
		const slowed = await from('admin@kreis-unna.de', password, '10.9.9.9');
		expect(slowed).toMatchObject({ ok: false, retryAfterMs: 1000 });
		expect((await from('admin@kreis-unna.de', password, '10.1.1.1')).ok).toBe(true);
	});

	it('checks one attempt per account and address at a time', async () => {
		const db = await setup();
		const attempts = await Promise.all(
			Array.from({ length: 10 }, () =>
				signIn(
					db,
					{ email: 'admin@kreis-unna.de', password: 'falsch-falsch', ipAddress: '10.0.0.1' },
					rules
				)
			)
		);
		const checked = attempts.filter((result) => !result.ok && !result.retryAfterMs);
		expect(checked).toHaveLength(1);
		expect(attempts.filter((result) => !result.ok && result.retryAfterMs === 1000)).toHaveLength(9);
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
