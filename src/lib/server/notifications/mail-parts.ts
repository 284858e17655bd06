// What every notification mail shares: the greeting, how a quoted text is cut, the link that turns
// the kind off, and the mail itself queued in the caller's transaction.
import { quoted } from '$lib/german';
import type { AppDatabase } from '../db/database';
import { absoluteUrl, composeMail } from '../mail/compose';
import type { OptionalMailKind } from '../mail/kinds';
import { queueMail } from '../mail/outbox';
import { unsubscribeUrl } from '../mail/unsubscribe';
import { shortened } from '../text/user-text';
import type { Recipient } from './people';

/** Long comments are cut in a mail: the link leads to the whole of it. */
const quoteLength = 600;

/** A comment or passage in German quotation marks, cut when long. */
export function excerpt(text: string): string {
	const flat = text.trim();
	return quoted(flat.length > quoteLength ? `${shortened(flat, quoteLength - 1)}…` : flat);
}

export function notify(
	tx: AppDatabase,
	recipient: Recipient,
	mail: {
		kind: OptionalMailKind;
		subject: string;
		paragraphs: string[];
		action: { label: string; path: string };
		dedupeKey?: string;
	}
): boolean {
	const { text, html } = composeMail({
		greeting: `Guten Tag ${recipient.name},`,
		paragraphs: mail.paragraphs,
		action: { label: mail.action.label, url: absoluteUrl(mail.action.path) },
		preferencesUrl: unsubscribeUrl(tx, recipient.id, mail.kind),
		kind: mail.kind
	});
	return queueMail(tx, {
		kind: mail.kind,
		userId: recipient.id,
		to: recipient.email,
		subject: mail.subject,
		text,
		html,
		dedupeKey: mail.dedupeKey
	});
}
