// The outbox: a mail is a row written in the same transaction as the event that causes it, so it
// is never lost and never sent for an event that was rolled back. mail/sender.ts delivers it.
import { and, eq } from 'drizzle-orm';
import { readMailConfig } from '../config';
import { transaction, type AppDatabase } from '../db/database';
import { mailOutbox, mailPreference, user } from '../db/schema';
import {
	defaultMailPreference,
	isOptionalMailKind,
	optionalMailKinds,
	type MailKind,
	type OptionalMailKind
} from './kinds';

export interface OutgoingMail {
	kind: MailKind;
	/** The person the mail is for; null when they have no account yet (an invitation). */
	userId: string | null;
	to: string;
	subject: string;
	text: string;
	html: string;
	/** A mail with a key already in the outbox is not queued again (reminders, digests). */
	dedupeKey?: string;
}

/** Mail is on when SMTP_URL is configured; without it links are shown to copy, as before. */
export function mailIsOn(): boolean {
	return readMailConfig() !== null;
}

/** Whether a person gets mails of this kind: their own choice, else the kind's default. Nobody
 * gets optional mail on a deactivated or anonymised account. */
export function wantsMail(db: AppDatabase, userId: string, kind: MailKind): boolean {
	if (!isOptionalMailKind(kind)) return true;
	const person = db
		.select({ deactivatedAt: user.deactivatedAt, anonymisedAt: user.anonymisedAt })
		.from(user)
		.where(eq(user.id, userId))
		.get();
	if (!person || person.deactivatedAt || person.anonymisedAt) return false;
	const choice = db
		.select({ enabled: mailPreference.enabled })
		.from(mailPreference)
		.where(and(eq(mailPreference.userId, userId), eq(mailPreference.kind, kind)))
		.get();
	return choice?.enabled ?? defaultMailPreference(kind);
}

export function setMailPreference(
	db: AppDatabase,
	userId: string,
	kind: OptionalMailKind,
	enabled: boolean
): void {
	db.insert(mailPreference)
		.values({ userId, kind, enabled })
		.onConflictDoUpdate({
			target: [mailPreference.userId, mailPreference.kind],
			set: { enabled }
		})
		.run();
}

/** Every optional kind with whether the person gets it, for "Mein Konto". */
export function mailPreferencesOf(
	db: AppDatabase,
	userId: string
): { kind: OptionalMailKind; enabled: boolean }[] {
	return optionalMailKinds.map((kind) => ({ kind, enabled: wantsMail(db, userId, kind) }));
}

/** Stores a choice for every optional kind: the listed ones on, the others off. */
export function setMailPreferences(
	db: AppDatabase,
	userId: string,
	enabled: readonly OptionalMailKind[]
): void {
	transaction(db, (tx) => {
		for (const kind of optionalMailKinds) {
			setMailPreference(tx, userId, kind, enabled.includes(kind));
		}
	});
}

const queuedKey = Symbol.for('leitbild-werkstatt.mail-queued');
type WithListener = typeof globalThis & { [queuedKey]?: () => void };

/** The sender listens here, so a queued mail leaves within seconds instead of at the next tick. */
export function onMailQueued(listener: (() => void) | undefined): void {
	(globalThis as WithListener)[queuedKey] = listener;
}

/** After an admin put a failed mail back in the queue. */
export function wakeMailSender(): void {
	const listener = (globalThis as WithListener)[queuedKey];
	if (listener) setImmediate(listener);
}

/**
 * Queues a mail; call it inside the transaction of the event that causes it. False, and nothing
 * queued, when mail is off, the person turned this kind off, or the dedupe key was queued before.
 */
export function queueMail(db: AppDatabase, mail: OutgoingMail, now = new Date()): boolean {
	if (!mailIsOn()) return false;
	if (mail.userId && !wantsMail(db, mail.userId, mail.kind)) return false;
	const inserted = db
		.insert(mailOutbox)
		.values({
			id: crypto.randomUUID(),
			kind: mail.kind,
			userId: mail.userId,
			recipient: mail.to,
			subject: mail.subject,
			textBody: mail.text,
			htmlBody: mail.html,
			dedupeKey: mail.dedupeKey ?? null,
			nextAttemptAt: now,
			createdAt: now
		})
		.onConflictDoNothing({ target: mailOutbox.dedupeKey })
		.run();
	if (inserted.changes !== 1) return false;
	// The sender runs after this turn of the event loop, when the caller's transaction has ended.
	wakeMailSender();
	return true;
}
