// Delivers the outbox. One mail at a time: claim it (state `sending`, with a lease), hand it to
// the SMTP server, mark it sent. A failure waits longer with every attempt; after the last
// attempt the mail is marked failed, with the reason, for the admins' outbox view.
//
// Delivery guarantee: a mail is marked sent in the step right after the SMTP server accepted it.
// If the process dies between the two (milliseconds), the lease runs out and the mail is sent a
// second time, with the same Message-ID, so most mail programs show it once. A mail is never lost:
// a crash before acceptance leaves it queued or leased, and it goes out after the restart.
import { and, asc, eq, inArray, lte, min } from 'drizzle-orm';
import { createTransport } from 'nodemailer';
import type { MailConfig } from '../config';
import { transaction, type AppDatabase } from '../db/database';
import { mailOutbox, type MailOutboxRow } from '../db/schema';
import { errorFields, log } from '../log';
import { isOptionalMailKind } from './kinds';
import { onMailQueued } from './outbox';
import { unsubscribeUrl } from './unsubscribe';

/** Longer than a send can take (the SMTP timeouts below), so no live send is duplicated. */
export const leaseMs = 2 * 60_000;
const maxRetryDelayMs = 6 * 60 * 60_000;
/** The sender looks again at least this often, for mails queued by another process (the CLI). */
const idleCheckMs = 60_000;
/** How long a stopping server waits for a send in flight before it cancels it. */
const stopGraceMs = 4_000;

/** The wait after the nth failed attempt: doubling from the base, at most six hours. */
export function retryDelayMs(attempts: number, baseMs: number): number {
	return Math.min(baseMs * 2 ** Math.max(0, attempts - 1), maxRetryDelayMs);
}

/** Takes the next due mail and leases it to this sender; a lease that ran out counts as due. */
export function claimDueMail(db: AppDatabase, now = new Date()): MailOutboxRow | undefined {
	return transaction(db, (tx) => {
		const due = tx
			.select()
			.from(mailOutbox)
			.where(
				and(inArray(mailOutbox.state, ['queued', 'sending']), lte(mailOutbox.nextAttemptAt, now))
			)
			.orderBy(asc(mailOutbox.nextAttemptAt))
			.limit(1)
			.get();
		if (!due) return undefined;
		const claimed = {
			state: 'sending' as const,
			attempts: due.attempts + 1,
			nextAttemptAt: new Date(now.getTime() + leaseMs)
		};
		tx.update(mailOutbox).set(claimed).where(eq(mailOutbox.id, due.id)).run();
		return { ...due, ...claimed };
	});
}

export function markSent(db: AppDatabase, id: string, now = new Date()): void {
	db.update(mailOutbox)
		.set({ state: 'sent', sentAt: now, lastError: null })
		.where(eq(mailOutbox.id, id))
		.run();
}

/** After a failed attempt: queued again with a growing wait, or failed after the last one. */
export function markAttemptFailed(
	db: AppDatabase,
	mail: Pick<MailOutboxRow, 'id' | 'attempts'>,
	reason: string,
	config: Pick<MailConfig, 'maxAttempts' | 'retryBaseMs'>,
	now = new Date()
): 'queued' | 'failed' {
	const state = mail.attempts >= config.maxAttempts ? 'failed' : 'queued';
	db.update(mailOutbox)
		.set({
			state,
			lastError: reason.slice(0, 500),
			nextAttemptAt: new Date(now.getTime() + retryDelayMs(mail.attempts, config.retryBaseMs))
		})
		.where(eq(mailOutbox.id, mail.id))
		.run();
	return state;
}

/** An admin's "Erneut versuchen": a failed mail gets all its attempts again, starting now. */
export function retryFailedMail(db: AppDatabase, id: string, now = new Date()): boolean {
	const changed = db
		.update(mailOutbox)
		.set({ state: 'queued', attempts: 0, nextAttemptAt: now })
		.where(and(eq(mailOutbox.id, id), eq(mailOutbox.state, 'failed')))
		.run();
	return changed.changes === 1;
}

/** When the next queued or leased mail is due; undefined when none waits. */
function nextDueAt(db: AppDatabase): Date | undefined {
	const row = db
		.select({ due: min(mailOutbox.nextAttemptAt) })
		.from(mailOutbox)
		.where(inArray(mailOutbox.state, ['queued', 'sending']))
		.get();
	return row?.due ?? undefined;
}

/** Hands one mail to the SMTP server; resolves once the server accepted it. */
export type Deliver = (
	mail: MailOutboxRow,
	signal: AbortSignal,
	headers: Record<string, string>
) => Promise<void>;

export interface SmtpDelivery {
	deliver: Deliver;
	close(): void;
}

function fromDomain(from: string): string {
	return /@([^\s>]+)>?\s*$/.exec(from)?.[1] ?? 'leitbild-werkstatt.invalid';
}

export function smtpDelivery(config: MailConfig): SmtpDelivery {
	const transport = createTransport(
		{
			url: config.smtpUrl,
			connectionTimeout: 15_000,
			greetingTimeout: 15_000,
			socketTimeout: 30_000
		},
		{ from: config.from }
	);
	const domain = fromDomain(config.from);
	return {
		async deliver(mail, signal, headers) {
			await transport.sendMail({
				headers,
				to: mail.recipient,
				subject: mail.subject,
				text: mail.textBody,
				html: mail.htmlBody,
				// A second delivery after a crash carries the same id, so mail programs can tell.
				messageId: `<${mail.id}@${domain}>`,
				signal
			});
		},
		close: () => transport.close()
	};
}

/** Told of each failed delivery attempt and what followed it (the operators' metrics). */
export interface MailDeliveryObserver {
	attemptFailed(outcome: 'queued' | 'failed'): void;
}

export class MailSender {
	#db: AppDatabase;
	#config: MailConfig;
	#delivery: SmtpDelivery;
	#running: Promise<void> | undefined;
	#again = false;
	#stopped = false;
	#timer: NodeJS.Timeout | undefined;
	#inFlight: AbortController | undefined;
	#observer: MailDeliveryObserver | undefined;

	constructor(
		db: AppDatabase,
		config: MailConfig,
		delivery = smtpDelivery(config),
		observer?: MailDeliveryObserver
	) {
		this.#db = db;
		this.#config = config;
		this.#delivery = delivery;
		this.#observer = observer;
	}

	/** Sends what is due now (mails left from before a restart too) and listens for new ones. */
	start(): void {
		onMailQueued(() => this.wake());
		this.wake();
	}

	wake(): void {
		if (this.#stopped) return;
		if (this.#running) {
			this.#again = true;
			return;
		}
		clearTimeout(this.#timer);
		this.#running = this.#drain()
			.catch((err: unknown) => log.error('mail.sender_failed', errorFields(err)))
			.finally(() => {
				this.#running = undefined;
				this.#schedule();
			});
	}

	async stop(): Promise<void> {
		this.#stopped = true;
		onMailQueued(undefined);
		clearTimeout(this.#timer);
		const grace = setTimeout(() => this.#inFlight?.abort(), stopGraceMs);
		await this.#running;
		clearTimeout(grace);
		this.#delivery.close();
	}

	async #drain(): Promise<void> {
		do {
			this.#again = false;
			for (;;) {
				if (this.#stopped) return;
				const mail = claimDueMail(this.#db);
				if (!mail) break;
				await this.#send(mail);
			}
		} while (this.#again);
	}

	async #send(mail: MailOutboxRow): Promise<void> {
		this.#inFlight = new AbortController();
		// Mail programs offer "abbestellen" from this header (RFC 2369): the one-click page.
		const headers: Record<string, string> =
			mail.userId && isOptionalMailKind(mail.kind)
				? { 'List-Unsubscribe': `<${unsubscribeUrl(this.#db, mail.userId, mail.kind)}>` }
				: {};
		try {
			await this.#delivery.deliver(mail, this.#inFlight.signal, headers);
		} catch (err) {
			const reason = err instanceof Error ? err.message : String(err);
			const state = markAttemptFailed(this.#db, mail, reason, this.#config);
			this.#observer?.attemptFailed(state);
			const fields = { id: mail.id, kind: mail.kind, attempts: mail.attempts, reason };
			if (state === 'failed') log.error('mail.failed', fields);
			else log.warn('mail.retry', fields);
			return;
		} finally {
			this.#inFlight = undefined;
		}
		markSent(this.#db, mail.id);
		log.info('mail.sent', { id: mail.id, kind: mail.kind, attempts: mail.attempts });
	}

	#schedule(): void {
		if (this.#stopped) return;
		const due = nextDueAt(this.#db);
		const wait = due ? Math.max(0, due.getTime() - Date.now()) : idleCheckMs;
		this.#timer = setTimeout(() => this.wake(), Math.min(wait, idleCheckMs));
		this.#timer.unref();
	}
}
