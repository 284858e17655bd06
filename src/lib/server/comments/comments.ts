// Comment threads on documents: anchored beside the text, never inside it. Authors are stored
// as user ids and named only when shown, so a person removed later vanishes from every view.
import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { announce } from '../db/changes';
import { transaction, type AppDatabase } from '../db/database';
import { recordActivity } from '../documents/activity';
import { queueCommentMails } from '../notifications/comment-mails';
import type { CommentMessage, CommentThread } from '$lib/comments';
import { annotation, annotationReply, user, type AnnotationState } from '../db/schema';
import { can, type DocumentResource, type MemberActor } from '../policy';

export type CommentResult =
	{ ok: true; threadId: string } | { ok: false; status: 403 | 404 | 409; message: string };

const unknownThread = {
	ok: false,
	status: 404,
	message: 'Diesen Kommentar gibt es in diesem Dokument nicht.'
} as const;

/** A message in a thread (the opening comment or a reply), noted in the document's activity and
 * mailed to the people it mentions and, for a reply, to the thread's earlier writers. Change
 * proposals use the same threads for their discussion. */
export function addMessage(
	tx: AppDatabase,
	threadId: string,
	input: { documentId: string; authorId: string; body: string },
	now: Date,
	detail: 'new' | 'reply',
	kind: 'comment' | 'proposal' = 'comment'
) {
	const earlierAuthorIds =
		detail === 'reply' ? threadAuthorIds(tx, threadId) : ([] as (string | null)[]);
	tx.insert(annotationReply)
		.values({
			id: crypto.randomUUID(),
			annotationId: threadId,
			authorId: input.authorId,
			body: input.body,
			createdAt: now
		})
		.run();
	recordActivity(tx, {
		documentId: input.documentId,
		kind,
		userId: input.authorId,
		at: now,
		detail
	});
	queueCommentMails(tx, {
		documentId: input.documentId,
		threadId,
		authorId: input.authorId,
		body: input.body,
		earlierAuthorIds,
		kind
	});
}

/** Who began a thread and wrote in it, oldest first. */
function threadAuthorIds(tx: AppDatabase, threadId: string): (string | null)[] {
	const thread = tx
		.select({ createdBy: annotation.createdBy })
		.from(annotation)
		.where(eq(annotation.id, threadId))
		.get();
	const writers = tx
		.select({ authorId: annotationReply.authorId })
		.from(annotationReply)
		.where(eq(annotationReply.annotationId, threadId))
		.orderBy(asc(annotationReply.createdAt), sql`${annotationReply}.rowid`)
		.all();
	return [thread?.createdBy ?? null, ...writers.map((writer) => writer.authorId)];
}

export function createComment(
	db: AppDatabase,
	input: {
		documentId: string;
		authorId: string;
		anchorStart: string;
		anchorEnd: string;
		quote: string;
		body: string;
	},
	now = new Date()
): CommentResult {
	const threadId = crypto.randomUUID();
	transaction(db, (tx) => {
		tx.insert(annotation)
			.values({
				id: threadId,
				documentId: input.documentId,
				kind: 'comment',
				anchorStart: input.anchorStart,
				anchorEnd: input.anchorEnd,
				quote: input.quote,
				createdBy: input.authorId,
				createdAt: now
			})
			.run();
		addMessage(tx, threadId, input, now, 'new');
		announce(tx, { topic: 'comments', documentId: input.documentId });
	});
	return { ok: true, threadId };
}

function findThread(db: AppDatabase, documentId: string, threadId: string) {
	return db
		.select()
		.from(annotation)
		.where(
			and(
				eq(annotation.id, threadId),
				eq(annotation.documentId, documentId),
				eq(annotation.kind, 'comment')
			)
		)
		.get();
}

export function replyToComment(
	db: AppDatabase,
	input: { documentId: string; threadId: string; authorId: string; body: string },
	now = new Date()
): CommentResult {
	const thread = findThread(db, input.documentId, input.threadId);
	if (!thread) return unknownThread;
	if (thread.state === 'resolved') {
		return {
			ok: false,
			status: 409,
			message: 'Dieser Kommentar ist erledigt. Öffnen Sie ihn wieder, um zu antworten.'
		};
	}
	transaction(db, (tx) => {
		addMessage(tx, thread.id, input, now, 'reply');
		announce(tx, { topic: 'comments', documentId: input.documentId });
	});
	return { ok: true, threadId: thread.id };
}

/** Resolving and reopening, by whom the policy lets (comment:resolve). */
export function setCommentState(
	db: AppDatabase,
	input: {
		document: DocumentResource;
		threadId: string;
		actor: MemberActor;
		state: AnnotationState;
	},
	now = new Date()
): CommentResult {
	const { document, actor } = input;
	const thread = findThread(db, document.documentId, input.threadId);
	if (!thread) return unknownThread;
	if (!can(actor, 'comment:resolve', { type: 'comment', document, authorId: thread.createdBy })) {
		return {
			ok: false,
			status: 403,
			message:
				'Erledigen und wieder öffnen können nur die Person, die den Kommentar begonnen hat, und die Redaktion.'
		};
	}
	if (thread.state === input.state) return { ok: true, threadId: thread.id };
	const resolved = input.state === 'resolved';
	transaction(db, (tx) => {
		tx.update(annotation)
			.set({
				state: input.state,
				resolvedBy: resolved ? actor.userId : null,
				resolvedAt: resolved ? now : null
			})
			.where(eq(annotation.id, thread.id))
			.run();
		recordActivity(tx, {
			documentId: document.documentId,
			kind: 'comment',
			userId: actor.userId,
			at: now,
			detail: input.state
		});
		announce(tx, { topic: 'comments', documentId: document.documentId });
	});
	return { ok: true, threadId: thread.id };
}

/** Every comment thread of a document, oldest first, with the names as they are now. */
export function commentThreads(db: AppDatabase, documentId: string): CommentThread[] {
	const resolver = alias(user, 'resolver');
	const rows = db
		.select({ thread: annotation, resolverName: resolver.name })
		.from(annotation)
		.leftJoin(resolver, eq(resolver.id, annotation.resolvedBy))
		.where(and(eq(annotation.documentId, documentId), eq(annotation.kind, 'comment')))
		.orderBy(asc(annotation.createdAt), sql`${annotation}.rowid`)
		.all();
	if (rows.length === 0) return [];
	const byThread = threadMessages(
		db,
		rows.map((row) => row.thread.id)
	);
	return rows.map(({ thread, resolverName }) => ({
		id: thread.id,
		kind: 'comment',
		anchorStart: thread.anchorStart,
		anchorEnd: thread.anchorEnd,
		quote: thread.quote,
		state: thread.state === 'resolved' ? 'resolved' : 'open',
		createdBy: thread.createdBy,
		createdAt: thread.createdAt.getTime(),
		resolvedByName: resolverName ?? null,
		resolvedAt: thread.resolvedAt?.getTime() ?? null,
		messages: byThread.get(thread.id) ?? []
	}));
}

/** The messages of threads, oldest first, with their authors' names as they are now. */
export function threadMessages(
	db: AppDatabase,
	threadIds: string[]
): Map<string, CommentMessage[]> {
	const byThread = new Map<string, CommentMessage[]>();
	if (threadIds.length === 0) return byThread;
	const messages = db
		.select({ reply: annotationReply, authorName: user.name })
		.from(annotationReply)
		.leftJoin(user, eq(user.id, annotationReply.authorId))
		.where(inArray(annotationReply.annotationId, threadIds))
		// Ids are random: within one millisecond, the order of writing (rowid) decides.
		.orderBy(asc(annotationReply.createdAt), sql`${annotationReply}.rowid`)
		.all();
	for (const { reply, authorName } of messages) {
		const list = byThread.get(reply.annotationId) ?? [];
		list.push({
			id: reply.id,
			authorId: reply.authorId,
			authorName: authorName ?? null,
			body: reply.body,
			createdAt: reply.createdAt.getTime()
		});
		byThread.set(reply.annotationId, list);
	}
	return byThread;
}

/** How many comment threads of a document are still open, for the document list. */
export function openCommentCount(db: AppDatabase, documentId: string): number {
	const row = db
		.select({ open: count() })
		.from(annotation)
		.where(
			and(
				eq(annotation.documentId, documentId),
				eq(annotation.kind, 'comment'),
				eq(annotation.state, 'open')
			)
		)
		.get();
	return row?.open ?? 0;
}
