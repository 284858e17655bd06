import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { startSmtpSink, type SmtpSink } from '../../../../tests/support/smtp-sink';
import type { MailConfig } from '../config';
import type { AppDatabase } from '../db/database';
import { mailOutbox, user } from '../db/schema';
import { createTestDatabase } from '../db/test-database';
import { queueMail } from './outbox';
import { unsubscribeToken } from './unsubscribe';
import {
	MailSender,
	claimDueMail,
	leaseMs,
	markAttemptFailed,
	markSent,
	retryDelayMs,
	retryFailedMail
} from './sender';

const invitation = {
	kind: 'invitation' as const,
	userId: null,
	to: 'neu@kamen.de',
	subject: 'Einladung in die Leitbild-Werkstatt',
	text: 'Bitte folgen Sie dem Link.',
	html: '<p>Bitte folgen Sie dem Link.</p>'
};

const config = (smtpUrl: string): MailConfig => ({
	smtpUrl,
	from: 'Leitbild-Werkstatt <werkstatt@kreis-unna.de>',
	maxAttempts: 3,
	retryBaseMs: 60_000
});

function row(db: AppDatabase) {
	return db.select().from(mailOutbox).get()!;
}

beforeEach(() => {
	vi.stubEnv('ORIGIN', '');
	vi.stubEnv('PORT', '3000');
	vi.stubEnv('SMTP_URL', 'smtp://127.0.0.1:1');
	vi.stubEnv('SMTP_FROM', 'werkstatt@kreis-unna.de');
});
afterEach(() => vi.unstubAllEnvs());

describe('retry delays', () => {
	it('double from the base with every attempt, up to six hours', () => {
		expect([1, 2, 3, 4, 8].map((n) => retryDelayMs(n, 60_000) / 60_000)).toEqual([1, 2, 4, 8, 128]);
		expect(retryDelayMs(20, 60_000)).toBe(6 * 60 * 60_000);
	});
});

describe('claiming and recording', () => {
	it('leases a due mail once; after the lease runs out (a crash) it is due again', () => {
		const db = createTestDatabase();
		const now = new Date('2026-03-01T10:00:00Z');
		queueMail(db, invitation, now);
		const claimed = claimDueMail(db, now)!;
		expect(claimed).toMatchObject({ state: 'sending', attempts: 1 });
		expect(claimDueMail(db, now)).toBeUndefined();
		expect(claimDueMail(db, new Date(now.getTime() + leaseMs - 1))).toBeUndefined();
		expect(claimDueMail(db, new Date(now.getTime() + leaseMs))).toMatchObject({
			id: claimed.id,
			attempts: 2
		});
	});

	it('does not claim a mail before its next attempt, nor a sent or failed one', () => {
		const db = createTestDatabase();
		const now = new Date('2026-03-01T10:00:00Z');
		queueMail(db, invitation, new Date(now.getTime() + 1000));
		expect(claimDueMail(db, now)).toBeUndefined();
		const mail = claimDueMail(db, new Date(now.getTime() + 1000))!;
		markSent(db, mail.id, now);
		expect(row(db)).toMatchObject({ state: 'sent', sentAt: now });
		expect(claimDueMail(db, new Date(now.getTime() + 10 * leaseMs))).toBeUndefined();
	});

	it('retries with growing waits and marks the mail failed after the last attempt', () => {
		const db = createTestDatabase();
		let now = new Date('2026-03-01T10:00:00Z');
		queueMail(db, invitation, now);
		const settings = { maxAttempts: 3, retryBaseMs: 60_000 };
		const waits: number[] = [];
		const states: string[] = [];
		for (let attempt = 1; attempt <= 3; attempt++) {
			const mail = claimDueMail(db, now)!;
			expect(mail.attempts).toBe(attempt);
			states.push(markAttemptFailed(db, mail, 'connect ECONNREFUSED', settings, now));
			const next = row(db).nextAttemptAt;
			waits.push((next.getTime() - now.getTime()) / 60_000);
			now = next;
		}
		expect(states).toEqual(['queued', 'queued', 'failed']);
		expect(waits.slice(0, 2)).toEqual([1, 2]);
		expect(row(db)).toMatchObject({ state: 'failed', lastError: 'connect ECONNREFUSED' });
		expect(claimDueMail(db, new Date(now.getTime() + 24 * 60 * 60_000))).toBeUndefined();

		expect(retryFailedMail(db, row(db).id, now)).toBe(true);
		expect(retryFailedMail(db, row(db).id, now)).toBe(false);
		expect(claimDueMail(db, now)).toMatchObject({ attempts: 1 });
	});
});

describe('MailSender', () => {
	let sink: SmtpSink;
	afterEach(async () => sink?.stop());

	it('delivers a queued mail at once, with the text and HTML parts and a stable Message-ID', async () => {
		sink = await startSmtpSink();
		const db = createTestDatabase();
		const sender = new MailSender(db, config(sink.url));
		sender.start();
		queueMail(db, invitation);
		const [mail] = await sink.waitForMails(1);
		await sender.stop();
		expect(mail.subject).toBe('Einladung in die Leitbild-Werkstatt');
		expect(mail.text?.trim()).toBe('Bitte folgen Sie dem Link.');
		expect(mail.html).toContain('<p>Bitte folgen Sie dem Link.</p>');
		expect(mail.from?.value).toEqual([
			{ name: 'Leitbild-Werkstatt', address: 'werkstatt@kreis-unna.de' }
		]);
		expect(mail.messageId).toBe(`<${row(db).id}@kreis-unna.de>`);
		expect(row(db)).toMatchObject({ state: 'sent', attempts: 1, lastError: null });
	});

	it('offers the one-click page in List-Unsubscribe for optional kinds only', async () => {
		sink = await startSmtpSink();
		const db = createTestDatabase();
		db.insert(user)
			.values({ id: 'lea', email: 'lea@kamen.de', name: 'Lea', passwordHash: 'x' })
			.run();
		queueMail(db, { ...invitation, subject: 'Einladung' });
		queueMail(db, { ...invitation, kind: 'mention', userId: 'lea', subject: 'Erwähnung' });
		const sender = new MailSender(db, config(sink.url));
		sender.start();
		const mails = await sink.waitForMails(2);
		await sender.stop();
		const header = (subject: string) =>
			mails.find((mail) => mail.subject === subject)!.headers.get('list');
		expect(header('Einladung')).toBeUndefined();
		expect(header('Erwähnung')).toMatchObject({
			unsubscribe: {
				url: `http://localhost:3000/e-mail-abbestellen/${unsubscribeToken(db, 'lea', 'mention')}`
			}
		});
	});

	it('keeps a refused mail queued with the reason, and delivers it when retried', async () => {
		sink = await startSmtpSink();
		sink.refuse(true);
		const db = createTestDatabase();
		queueMail(db, invitation);
		const outcomes: string[] = [];
		const sender = new MailSender(
			db,
			{ ...config(sink.url), retryBaseMs: 0, maxAttempts: 2 },
			undefined,
			{ attemptFailed: (outcome) => outcomes.push(outcome) }
		);
		sender.start();
		await vi.waitFor(() => expect(row(db).state).toBe('failed'));
		expect(row(db).attempts).toBe(2);
		expect(outcomes).toEqual(['queued', 'failed']);
		expect(row(db).lastError).toMatch(/451/);
		expect(sink.mails).toEqual([]);

		sink.refuse(false);
		retryFailedMail(db, row(db).id);
		sender.wake();
		await sink.waitForMails(1);
		await sender.stop();
		expect(sink.mails).toHaveLength(1);
		expect(db.select().from(mailOutbox).where(eq(mailOutbox.state, 'sent')).all()).toHaveLength(1);
	});
});
