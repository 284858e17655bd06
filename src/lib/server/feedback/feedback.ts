// Reports of barriers through the form of the Barrierefreiheitserklärung (BITVNRW asks for a
// way to report them). Anyone may send one; sends are counted per address so that a script
// cannot fill the database.
import { desc, sql } from 'drizzle-orm';
import * as v from 'valibot';
import { describeWait, recordFailure, waitRemainingMs, type DelayRule } from '../auth/rate-limit';
import { transaction, type AppDatabase } from '../db/database';
import { accessibilityFeedback } from '../db/schema';
import { multiLineText, oneLineText } from '../text/user-text';

export const feedbackMessageMaxLength = 4000;

/** Enough for a person reporting several barriers; a script filling the table is stopped: the
 * tenth report within an hour makes the address wait an hour. */
const hour = 60 * 60 * 1000;
export const feedbackRule: DelayRule = {
	freeFailures: 9,
	forgetOneEveryMs: hour / 10,
	firstDelayMs: hour,
	maxDelayMs: hour
};

const optionalText = (label: string, max: number) =>
	v.pipe(
		v.optional(v.string(), ''),
		v.trim(),
		v.maxLength(max, `${label} darf höchstens ${max} Zeichen lang sein.`),
		oneLineText(`${label} darf keine Steuerzeichen enthalten.`),
		v.transform((value) => value || null)
	);

export const FeedbackForm = v.object({
	// A missing field gets the same German message as an empty one. Several lines are welcome:
	// one barrier per line.
	message: v.pipe(
		v.optional(v.string(), ''),
		multiLineText('Bitte beschreiben Sie die Barriere ohne Steuerzeichen.'),
		v.trim(),
		v.nonEmpty('Bitte geben Sie eine Beschreibung der Barriere an.'),
		v.maxLength(
			feedbackMessageMaxLength,
			`Bitte geben Sie eine Beschreibung der Barriere mit höchstens ${feedbackMessageMaxLength} Zeichen an.`
		)
	),
	page: optionalText('Die Angabe der Seite', 300),
	contact: optionalText('Die Kontaktangabe', 300)
});

export type FeedbackInput = v.InferOutput<typeof FeedbackForm>;

export type FeedbackResult = { ok: true } | { ok: false; status: 429; message: string };

function senderKey(address: string): string {
	return `rueckmeldung:${address}`;
}

export function submitFeedback(
	db: AppDatabase,
	input: FeedbackInput,
	sender: { address: string; rule?: DelayRule },
	now = new Date()
): FeedbackResult {
	const key = senderKey(sender.address);
	const waitMs = waitRemainingMs(db, [key], now);
	if (waitMs > 0) {
		return {
			ok: false,
			status: 429,
			message: `Von Ihrem Anschluss kamen gerade sehr viele Rückmeldungen. Bitte versuchen Sie es in ${describeWait(waitMs)} wieder.`
		};
	}
	transaction(db, (tx) => {
		tx.insert(accessibilityFeedback)
			.values({ id: crypto.randomUUID(), createdAt: now, ...input })
			.run();
		recordFailure(tx, key, sender.rule ?? feedbackRule, now);
	});
	return { ok: true };
}

export function listFeedback(db: AppDatabase, { limit = 200 } = {}) {
	return db
		.select()
		.from(accessibilityFeedback)
		.orderBy(desc(accessibilityFeedback.createdAt))
		.limit(limit)
		.all();
}

export function countFeedback(db: AppDatabase): number {
	return (
		db
			.select({ count: sql<number>`count(*)` })
			.from(accessibilityFeedback)
			.get()?.count ?? 0
	);
}
