// Mails about a new message in a comment thread: to the people it mentions, and for a reply to
// the thread's earlier writers. One mail per person and message; never to the writer.
import { findDocument } from '../documents/documents';
import { mailIsOn } from '../mail/outbox';
import { userNames } from '../accounts/members';
import { quoted } from '$lib/german';
import type { AppDatabase } from '../db/database';
import { mentionedIds } from '$lib/mentions';
import { excerpt, notify } from './mail-parts';
import { documentReaders } from './people';

/**
 * Who hears of a reply: the thread's author and everyone who wrote in it before, once each, but
 * not the person replying, not those the reply mentions (they get the mention), and nobody who
 * may no longer read the document.
 */
export function replyRecipients(input: {
	earlierAuthorIds: readonly (string | null)[];
	replierId: string;
	mentionedIds: readonly string[];
	readerIds: ReadonlySet<string>;
}): string[] {
	const skip = new Set([input.replierId, ...input.mentionedIds]);
	const ids = input.earlierAuthorIds.filter(
		(id): id is string => id !== null && !skip.has(id) && input.readerIds.has(id)
	);
	return [...new Set(ids)];
}

/** Queues the mails for a message just written (inside its transaction). */
export function queueCommentMails(
	tx: AppDatabase,
	message: {
		documentId: string;
		threadId: string;
		authorId: string;
		body: string;
		/** Who wrote in the thread before this message, oldest first; empty for a new thread. */
		earlierAuthorIds: readonly (string | null)[];
		/** A comment thread, or the discussion of a change proposal. */
		kind: 'comment' | 'proposal';
	}
): void {
	if (!mailIsOn()) return;
	const document = findDocument(tx, message.documentId);
	if (!document) return;
	const readers = documentReaders(tx, document);
	const mentioned = mentionedIds(message.body, readers).filter((id) => id !== message.authorId);
	const replied = replyRecipients({
		earlierAuthorIds: message.earlierAuthorIds,
		replierId: message.authorId,
		mentionedIds: mentioned,
		readerIds: new Set(readers.map((reader) => reader.id))
	});
	if (mentioned.length === 0 && replied.length === 0) return;
	const author = userNames(tx, [message.authorId]).get(message.authorId) ?? 'Jemand';
	const proposal = message.kind === 'proposal';
	const action = {
		label: proposal ? 'Vorschlag öffnen' : 'Kommentar öffnen',
		path: `/dokumente/${document.slug}#${proposal ? 'vorschlag' : 'kommentar'}-${message.threadId}`
	};
	const byId = new Map(readers.map((reader) => [reader.id, reader]));
	for (const id of mentioned) {
		notify(tx, byId.get(id)!, {
			kind: 'mention',
			subject: `${author} hat Sie in ${quoted(document.title)} erwähnt`,
			paragraphs: [
				`${author} hat Sie ${proposal ? 'in der Diskussion eines Änderungsvorschlags' : 'in einem Kommentar'} zum Dokument ${quoted(document.title)} erwähnt:`,
				excerpt(message.body)
			],
			action
		});
	}
	for (const id of replied) {
		notify(tx, byId.get(id)!, {
			kind: 'comment-reply',
			subject: `Neue Antwort in ${quoted(document.title)}`,
			paragraphs: [
				`${author} hat im Dokument ${quoted(document.title)} auf ${proposal ? 'einen Änderungsvorschlag' : 'einen Kommentar'} geantwortet, an dem Sie beteiligt sind:`,
				excerpt(message.body)
			],
			action
		});
	}
}
