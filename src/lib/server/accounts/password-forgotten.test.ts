import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { throttleRulesFromEnv } from '../auth/rate-limit';
import { mailOutbox, user } from '../db/schema';
import { runSeeds } from '../db/seeds';
import { createTestDatabase } from '../db/test-database';
import { organisationsSeed } from '../workspace/organisations-seed';
import { createAdmin } from './first-admin';
import { findUserByEmail } from './members';
import { requestPasswordReset } from './password-forgotten';

const addressRule = throttleRulesFromEnv({}).address;
const linkUrl = (path: string) => `https://leitbild.example${path}`;

async function setup() {
	const db = createTestDatabase();
	runSeeds(db, [organisationsSeed()]);
	await createAdmin(db, { email: 'petra@kreis-unna.de', password: 'Sicheres-Passwort-1' });
	return db;
}

describe('requestPasswordReset', () => {
	beforeEach(() => {
		vi.stubEnv('SMTP_URL', 'smtp://127.0.0.1:2525');
		vi.stubEnv('SMTP_FROM', 'werkstatt@kreis-unna.de');
	});
	afterEach(() => vi.unstubAllEnvs());

	it('mails a link to an existing account and answers the same for an unknown address', async () => {
		const db = await setup();
		const ask = (email: string) =>
			requestPasswordReset(db, { email, ipAddress: '192.0.2.1', linkUrl }, addressRule);
		expect(ask('Petra@Kreis-Unna.de')).toEqual({ ok: true });
		expect(ask('niemand@kreis-unna.de')).toEqual({ ok: true });
		const mails = db.select().from(mailOutbox).all();
		expect(mails).toHaveLength(1);
		expect(mails[0]).toMatchObject({ kind: 'password-reset', recipient: 'petra@kreis-unna.de' });
		expect(mails[0].textBody).toMatch(/https:\/\/leitbild\.example\/passwort-zuruecksetzen\//);
	});

	it('sends nothing to a deactivated account', async () => {
		const db = await setup();
		db.update(user).set({ deactivatedAt: new Date() }).run();
		const result = requestPasswordReset(
			db,
			{ email: 'petra@kreis-unna.de', ipAddress: '192.0.2.1', linkUrl },
			addressRule
		);
		expect(result).toEqual({ ok: true });
		expect(db.select().from(mailOutbox).all()).toEqual([]);
	});

	it('holds back the fourth link within the hour, for known and unknown addresses alike', async () => {
		const db = await setup();
		const now = new Date('2026-03-01T10:00:00Z');
		for (const email of ['petra@kreis-unna.de', 'niemand@kreis-unna.de']) {
			const results = [0, 1, 2, 3].map((i) =>
				requestPasswordReset(
					db,
					{ email, ipAddress: `192.0.2.${i}`, linkUrl },
					addressRule,
					new Date(now.getTime() + i * 1000)
				)
			);
			expect(results.map((r) => r.ok)).toEqual([true, true, true, false]);
			expect(results[3]).toMatchObject({ message: expect.stringMatching(/Bitte warten Sie/) });
		}
		const petra = findUserByEmail(db, 'petra@kreis-unna.de')!;
		expect(db.select().from(mailOutbox).where(eq(mailOutbox.userId, petra.id)).all()).toHaveLength(
			3
		);
	});
});
