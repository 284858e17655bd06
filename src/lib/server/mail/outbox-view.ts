// What the admins see of the outbox: how many mails are in each state, and the latest ones.
import { count, desc } from 'drizzle-orm';
import type { AppDatabase } from '../db/database';
import { mailOutbox, mailStates, type MailState } from '../db/schema';

export const mailStateLabels: Record<MailState, string> = {
	queued: 'wartet',
	sending: 'wird gesendet',
	sent: 'gesendet',
	failed: 'fehlgeschlagen'
};

export function outboxCounts(db: AppDatabase): Record<MailState, number> {
	const counts = Object.fromEntries(mailStates.map((state) => [state, 0])) as Record<
		MailState,
		number
	>;
	const rows = db
		.select({ state: mailOutbox.state, count: count() })
		.from(mailOutbox)
		.groupBy(mailOutbox.state)
		.all();
	for (const row of rows) counts[row.state] = row.count;
	return counts;
}

/** The latest mails, without their bodies: an invitation's body holds a usable link. */
export function latestMails(db: AppDatabase, limit = 100) {
	return db
		.select({
			id: mailOutbox.id,
			kind: mailOutbox.kind,
			recipient: mailOutbox.recipient,
			subject: mailOutbox.subject,
			state: mailOutbox.state,
			attempts: mailOutbox.attempts,
			lastError: mailOutbox.lastError,
			createdAt: mailOutbox.createdAt,
			nextAttemptAt: mailOutbox.nextAttemptAt,
			sentAt: mailOutbox.sentAt
		})
		.from(mailOutbox)
		.orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id))
		.limit(limit)
		.all();
}
