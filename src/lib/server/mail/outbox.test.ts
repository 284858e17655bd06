import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { transaction } from '../db/database';
import { mailOutbox, user } from '../db/schema';
import { createTestDatabase } from '../db/test-database';
import { mailIsOn, queueMail, setMailPreference, wantsMail, type OutgoingMail } from './outbox';

function setup() {
	const db = createTestDatabase();
	db.insert(user)
		.values({ id: 'lea', email: 'lea@kamen.de', name: 'Lea Leitung', passwordHash: 'x' })
		.run();
	return db;
}

const mention: OutgoingMail = {
	kind: 'mention',
	userId: 'lea',
	to: 'lea@kamen.de',
	subject: 'Sie wurden erwähnt',
	text: 'Text',
	html: '<p>Text</p>'
};

describe('the outbox', () => {
	beforeEach(() => {
		vi.stubEnv('SMTP_URL', 'smtp://127.0.0.1:2525');
		vi.stubEnv('SMTP_FROM', 'werkstatt@kreis-unna.de');
	});
	afterEach(() => vi.unstubAllEnvs());

	it('queues nothing while SMTP_URL is not set', () => {
		vi.stubEnv('SMTP_URL', '');
		const db = setup();
		expect(mailIsOn()).toBe(false);
		expect(queueMail(db, mention)).toBe(false);
		expect(db.select().from(mailOutbox).all()).toEqual([]);
	});

	it('queues a mail due at once, with what the sender needs', () => {
		const db = setup();
		const now = new Date('2026-03-01T10:00:00Z');
		expect(queueMail(db, mention, now)).toBe(true);
		expect(db.select().from(mailOutbox).get()).toMatchObject({
			kind: 'mention',
			userId: 'lea',
			recipient: 'lea@kamen.de',
			subject: 'Sie wurden erwähnt',
			textBody: 'Text',
			htmlBody: '<p>Text</p>',
			state: 'queued',
			attempts: 0,
			nextAttemptAt: now,
			dedupeKey: null
		});
	});

	it('queues a mail with a dedupe key once', () => {
		const db = setup();
		const reminder = { ...mention, kind: 'adoption-reminder' as const, dedupeKey: 'r:kamen:1' };
		expect(queueMail(db, reminder)).toBe(true);
		expect(queueMail(db, reminder)).toBe(false);
		expect(queueMail(db, { ...reminder, dedupeKey: 'r:kamen:2' })).toBe(true);
		expect(queueMail(db, mention)).toBe(true);
		expect(queueMail(db, mention)).toBe(true);
		expect(db.select().from(mailOutbox).all()).toHaveLength(4);
	});

	it('is rolled back with the event that caused it', () => {
		const db = setup();
		expect(() =>
			transaction(db, (tx) => {
				queueMail(tx, mention);
				throw new Error('Ereignis gescheitert');
			})
		).toThrow();
		expect(db.select().from(mailOutbox).all()).toEqual([]);
	});

	it('respects a person who turned a kind off, and sends the digest only to who asked', () => {
		const db = setup();
		expect(wantsMail(db, 'lea', 'mention')).toBe(true);
		expect(wantsMail(db, 'lea', 'weekly-digest')).toBe(false);
		setMailPreference(db, 'lea', 'mention', false);
		setMailPreference(db, 'lea', 'weekly-digest', true);
		expect(wantsMail(db, 'lea', 'mention')).toBe(false);
		expect(queueMail(db, mention)).toBe(false);
		expect(queueMail(db, { ...mention, kind: 'weekly-digest' })).toBe(true);
		setMailPreference(db, 'lea', 'mention', true);
		expect(queueMail(db, mention)).toBe(true);
		expect(db.select({ kind: mailOutbox.kind }).from(mailOutbox).all()).toEqual([
			{ kind: 'weekly-digest' },
			{ kind: 'mention' }
		]);
	});

	it('always sends what the person asked for: invitations and reset links', () => {
		const db = setup();
		expect(wantsMail(db, 'lea', 'password-reset')).toBe(true);
		expect(queueMail(db, { ...mention, kind: 'password-reset' })).toBe(true);
		expect(queueMail(db, { ...mention, kind: 'invitation', userId: null })).toBe(true);
	});

	it('sends no optional mail to a deactivated account', () => {
		const db = setup();
		db.update(user).set({ deactivatedAt: new Date() }).where(eq(user.id, 'lea')).run();
		expect(wantsMail(db, 'lea', 'mention')).toBe(false);
		expect(queueMail(db, mention)).toBe(false);
	});
});
