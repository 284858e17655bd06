import { afterEach, describe, expect, it, vi } from 'vitest';
import { memberActor } from '../auth/actor';
import { createSession, validateSessionToken } from '../auth/session';
import { runSeeds } from '../db/seeds';
import { accountLink, auditEntry, mailOutbox } from '../db/schema';
import { recordChanges } from '../db/changes-test-support';
import { createTestDatabase } from '../db/test-database';
import { organisationsSeed } from '../workspace/organisations-seed';
import { findOrganisationBySlug } from '../workspace/organisations';
import { createAdmin } from './first-admin';
import {
	acceptInvitation,
	createInvitation,
	createPasswordReset,
	existingAccountMessage,
	invitationLifetimeMs,
	resetPassword
} from './links';
import { findUserByEmail } from './members';

const password = 'Sicheres-Passwort-1';

async function setup() {
	const db = createTestDatabase();
	runSeeds(db, [organisationsSeed()]);
	await createAdmin(db, { email: 'admin@kreis-unna.de', password });
	const admin = findUserByEmail(db, 'admin@kreis-unna.de')!;
	const kamen = findOrganisationBySlug(db, 'kamen')!;
	const unna = findOrganisationBySlug(db, 'unna')!;
	return { db, admin, kamen, unna };
}

describe('invitations', () => {
	it('creates a person with the invited roles, once', async () => {
		const { db, admin, kamen } = await setup();
		const link = createInvitation(db, {
			email: 'Leitung@Kamen.de',
			organisationId: kamen.id,
			roles: ['manager'],
			createdBy: admin.id
		});
		expect(db.select().from(accountLink).get()!.tokenHash).not.toContain(link.token);
		const accepted = await acceptInvitation(db, link.token, {
			kind: 'new',
			name: 'Lea Leitung',
			password
		});
		expect(accepted.ok).toBe(true);
		const actor = memberActor(db, accepted.userId!);
		expect(actor).toMatchObject({
			admin: false,
			memberships: [{ organisationId: kamen.id, roles: ['manager'] }]
		});
		const again = await acceptInvitation(db, link.token, {
			kind: 'new',
			name: 'Zweiter Versuch',
			password
		});
		expect(again).toEqual({
			ok: false,
			message: 'Dieser Link wurde bereits verwendet. Bitten Sie um einen neuen Link.'
		});
	});

	it('refuses an expired invitation and writes nothing', async () => {
		const { db, admin, kamen } = await setup();
		const t0 = new Date('2026-05-01T09:00:00Z');
		const link = createInvitation(
			db,
			{ email: 'spaet@kamen.de', organisationId: kamen.id, roles: ['viewer'], createdBy: admin.id },
			t0
		);
		const late = new Date(t0.getTime() + invitationLifetimeMs + 1);
		const result = await acceptInvitation(
			db,
			link.token,
			{ kind: 'new', name: 'Spät', password },
			late
		);
		expect(result.ok).toBe(false);
		expect(findUserByEmail(db, 'spaet@kamen.de')).toBeUndefined();
	});

	it('adds an organisation to a person who has an account, after their password', async () => {
		const { db, admin, kamen, unna } = await setup();
		const first = createInvitation(db, {
			email: 'p@kamen.de',
			organisationId: kamen.id,
			roles: ['editor'],
			createdBy: admin.id
		});
		const { userId } = await acceptInvitation(db, first.token, {
			kind: 'new',
			name: 'P',
			password
		});
		const second = createInvitation(db, {
			email: 'p@kamen.de',
			organisationId: unna.id,
			roles: ['viewer'],
			createdBy: admin.id
		});
		// No password is checked here: a new account for a known address is refused, and only the
		// account itself, signed in, accepts.
		const asNew = await acceptInvitation(db, second.token, { kind: 'new', name: 'Q', password });
		expect(asNew).toEqual({ ok: false, message: existingAccountMessage });
		const asOther = await acceptInvitation(db, second.token, {
			kind: 'signed-in',
			userId: admin.id
		});
		expect(asOther.ok).toBe(false);
		expect(
			(await acceptInvitation(db, second.token, { kind: 'signed-in', userId: userId! })).ok
		).toBe(true);
		expect(memberActor(db, userId!)).toMatchObject({
			memberships: [
				{ organisationId: kamen.id, roles: ['editor'] },
				{ organisationId: unna.id, roles: ['viewer'] }
			]
		});
	});

	it('refuses a weak password without using the link', async () => {
		const { db, admin, kamen } = await setup();
		const link = createInvitation(db, {
			email: 'w@kamen.de',
			organisationId: kamen.id,
			roles: ['viewer'],
			createdBy: admin.id
		});
		const weak = await acceptInvitation(db, link.token, {
			kind: 'new',
			name: 'W',
			password: 'kurz'
		});
		expect(weak.ok).toBe(false);
		expect((await acceptInvitation(db, link.token, { kind: 'new', name: 'W', password })).ok).toBe(
			true
		);
	});
});

describe('password reset', () => {
	it('sets the password once and ends every session', async () => {
		const { db, admin } = await setup();
		const session = createSession(db, admin.id);
		const link = createPasswordReset(db, { userId: admin.id, createdBy: admin.id })!;
		expect(await resetPassword(db, link.token, 'Neues-Passwort-2026')).toEqual({ ok: true });
		expect(validateSessionToken(db, session.token)).toBeNull();
		expect((await resetPassword(db, link.token, 'Noch-eins-2026-x')).ok).toBe(false);
		const events = db
			.select({ event: auditEntry.event })
			.from(auditEntry)
			.all()
			.map((e) => e.event);
		expect(events).toContain('password-reset');
		expect(JSON.stringify(db.select().from(auditEntry).all())).not.toContain('Neues-Passwort-2026');
	});
});

describe('links by e-mail', () => {
	afterEach(() => vi.unstubAllEnvs());
	const url = (path: string) => `https://leitbild.example${path}`;

	it('queues nothing while mail is off: the link is shown as before', async () => {
		vi.stubEnv('SMTP_URL', '');
		const { db, admin, kamen } = await setup();
		const link = createInvitation(db, {
			email: 'neu@kamen.de',
			organisationId: kamen.id,
			roles: ['editor'],
			createdBy: admin.id,
			linkUrl: url
		});
		expect(link.mailed).toBe(false);
		expect(db.select().from(mailOutbox).all()).toEqual([]);
	});

	it('mails the invitation and the reset link, each with the same link as shown', async () => {
		vi.stubEnv('SMTP_URL', 'smtp://127.0.0.1:2525');
		vi.stubEnv('SMTP_FROM', 'werkstatt@kreis-unna.de');
		const { db, admin, kamen } = await setup();
		const invitation = createInvitation(db, {
			email: 'Neu@Kamen.de',
			organisationId: kamen.id,
			roles: ['editor'],
			createdBy: admin.id,
			linkUrl: url
		});
		const reset = createPasswordReset(db, { userId: admin.id, createdBy: admin.id, linkUrl: url })!;
		expect([invitation.mailed, reset.mailed]).toEqual([true, true]);
		const [invited, resetting] = db.select().from(mailOutbox).all();
		expect(invited).toMatchObject({
			kind: 'invitation',
			userId: null,
			recipient: 'neu@kamen.de',
			subject: `Einladung in die Leitbild-Werkstatt: ${kamen.name}`
		});
		expect(invited.textBody).toContain(`https://leitbild.example${invitation.path}`);
		expect(invited.textBody).toContain('Redaktion');
		expect(resetting).toMatchObject({
			kind: 'password-reset',
			userId: admin.id,
			recipient: 'admin@kreis-unna.de'
		});
		expect(resetting.htmlBody).toContain(`href="https://leitbild.example${reset.path}"`);
	});
});

describe('invitation changes', () => {
	it('has open connections checked again when an invitation is accepted', async () => {
		const { db, admin, kamen } = await setup();
		const invitation = createInvitation(db, {
			email: 'p@kamen.de',
			organisationId: kamen.id,
			roles: ['editor'],
			createdBy: admin.id
		});
		const told = recordChanges(db);
		await acceptInvitation(db, invitation.token, { kind: 'new', name: 'P', password });
		expect(await told()).toEqual([{ topic: 'access' }]);
	});
});
