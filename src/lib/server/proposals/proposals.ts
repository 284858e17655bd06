// Change proposals: a person proposes, for one of their organisations, to replace words of the
// text (or to insert or delete some). A proposal is a record beside the text, never text in the
// shared document: only an editor's acceptance changes the text, as an edit the server makes.
// What the proposal replaces is read from the server's own copy of the text, not taken from the
// browser, so a proposal always says truthfully what it would change.
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import * as Y from 'yjs';
import type { ChangeProposal, ProposalState } from '$lib/proposals';
import { addMessage, threadMessages } from '../comments/comments';
import { announce } from '../db/changes';
import { transaction, type AppDatabase } from '../db/database';
import { annotation, membership, organisation, user, type AnnotationRow } from '../db/schema';
import { recordActivity } from '../documents/activity';
import { can, type DocumentResource, type MemberActor } from '../policy';
import { queueProposalDecisionMail } from '../notifications/proposal-mails';
import { anchorsAround, applyProposal, type AppliedProposal } from './apply-proposal';
import { rangeText, resolveProposalRange } from './proposal-range';

export type ProposalResult =
	{ ok: true; proposalId: string } | { ok: false; status: 400 | 403 | 404 | 409; message: string };

/** Reads the server's current text of a document (see readDocumentText in app.ts). */
export type ReadText = <T>(documentId: string, read: (ydoc: Y.Doc) => T) => T;
/** Changes the server's text of a document, stored and relayed (see changeDocumentText). */
export type ChangeText = (documentId: string, edit: (ydoc: Y.Doc) => void) => void;

const messages = {
	unknown: 'Diesen Vorschlag gibt es in diesem Dokument nicht.',
	oneParagraph:
		'Ein Vorschlag bezieht sich auf Text innerhalb eines Absatzes. Bitte markieren Sie nur Text aus einem Absatz.',
	nothing: 'Der Vorschlag ändert nichts am Text.',
	exists: 'Diesen Vorschlag gibt es schon.',
	notMember: 'Sie können nur für eine Organisation vorschlagen, der Sie angehören.',
	onlyAuthor: 'Nur die Person, die den Vorschlag gemacht hat, kann ihn ändern oder zurückziehen.',
	decided: 'Über diesen Vorschlag ist schon entschieden.',
	notDecided: 'Über diesen Vorschlag ist noch nicht entschieden.',
	outdated:
		'Der Text an dieser Stelle wurde inzwischen geändert. Der Vorschlag ist veraltet und kann nicht angenommen werden.',
	changedSince:
		'Der angenommene Text wurde inzwischen weiter bearbeitet. Die Annahme kann nicht mehr rückgängig gemacht werden.'
} as const;

function failure(status: 400 | 403 | 404 | 409, message: string): ProposalResult {
	return { ok: false, status, message };
}

/** Thrown inside a text change to abandon it (nothing is changed then). */
class Refusal extends Error {
	constructor(readonly result: ProposalResult) {
		super(result.ok ? '' : result.message);
	}
}

function isActiveMember(db: AppDatabase, userId: string, organisationId: string): boolean {
	return Boolean(
		db
			.select({ userId: membership.userId })
			.from(membership)
			.innerJoin(user, eq(user.id, membership.userId))
			.where(
				and(
					eq(membership.userId, userId),
					eq(membership.organisationId, organisationId),
					isNull(membership.deactivatedAt),
					isNull(user.deactivatedAt)
				)
			)
			.get()
	);
}

function findProposal(db: AppDatabase, documentId: string, proposalId: string) {
	return db
		.select()
		.from(annotation)
		.where(
			and(
				eq(annotation.id, proposalId),
				eq(annotation.documentId, documentId),
				eq(annotation.kind, 'proposal')
			)
		)
		.get();
}

/** The words the anchors cover in the server's text, or a refusal. */
function quoteAt(
	read: ReadText,
	documentId: string,
	anchors: { anchorStart: string; anchorEnd: string }
): { ok: true; quote: string } | { ok: false; result: ProposalResult } {
	const quote = read(documentId, (ydoc) => {
		const range = resolveProposalRange(ydoc, anchors);
		return range ? rangeText(range) : null;
	});
	if (quote === null) return { ok: false, result: failure(400, messages.oneParagraph) };
	return { ok: true, quote };
}

export function createProposal(
	db: AppDatabase,
	read: ReadText,
	input: {
		/** The browser's id for its draft; a new one when absent. */
		proposalId?: string;
		documentId: string;
		authorId: string;
		organisationId: string;
		anchorStart: string;
		anchorEnd: string;
		text: string;
		reason?: string | null;
	},
	now = new Date()
): ProposalResult {
	if (!isActiveMember(db, input.authorId, input.organisationId)) {
		return failure(403, messages.notMember);
	}
	const found = quoteAt(read, input.documentId, input);
	if (!found.ok) return found.result;
	if (found.quote === input.text) return failure(400, messages.nothing);
	const proposalId = input.proposalId ?? crypto.randomUUID();
	if (
		db.select({ id: annotation.id }).from(annotation).where(eq(annotation.id, proposalId)).get()
	) {
		return failure(409, messages.exists);
	}
	transaction(db, (tx) => {
		tx.insert(annotation)
			.values({
				id: proposalId,
				documentId: input.documentId,
				kind: 'proposal',
				anchorStart: input.anchorStart,
				anchorEnd: input.anchorEnd,
				quote: found.quote,
				proposedText: input.text,
				organisationId: input.organisationId,
				reason: input.reason || null,
				createdBy: input.authorId,
				createdAt: now,
				updatedAt: now
			})
			.run();
		recordActivity(tx, {
			documentId: input.documentId,
			kind: 'proposal',
			userId: input.authorId,
			at: now,
			detail: 'new'
		});
		announce(tx, { topic: 'comments', documentId: input.documentId });
	});
	return { ok: true, proposalId };
}

/** Who changes their own proposal: the document it is in, and the person (proposal:change). */
interface OwnProposal {
	document: DocumentResource;
	proposalId: string;
	actor: MemberActor;
}

function ownOpenProposal(
	db: AppDatabase,
	input: OwnProposal
): { ok: true; row: AnnotationRow } | { ok: false; result: ProposalResult } {
	const { document, actor } = input;
	const row = findProposal(db, document.documentId, input.proposalId);
	if (!row) return { ok: false, result: failure(404, messages.unknown) };
	if (!can(actor, 'proposal:change', { type: 'proposal', document, authorId: row.createdBy }))
		return { ok: false, result: failure(403, messages.onlyAuthor) };
	if (row.state !== 'open') return { ok: false, result: failure(409, messages.decided) };
	return { ok: true, row };
}

/**
 * While the author goes on typing (or deleting) in suggestion mode, their proposal grows: new
 * anchors and text. The words it replaces are read again from the server's text.
 */
export function reviseProposal(
	db: AppDatabase,
	read: ReadText,
	input: OwnProposal & { anchorStart: string; anchorEnd: string; text: string },
	now = new Date()
): ProposalResult {
	const own = ownOpenProposal(db, input);
	if (!own.ok) return own.result;
	const found = quoteAt(read, input.document.documentId, input);
	if (!found.ok) return found.result;
	if (found.quote === input.text) return failure(400, messages.nothing);
	db.update(annotation)
		.set({
			anchorStart: input.anchorStart,
			anchorEnd: input.anchorEnd,
			quote: found.quote,
			proposedText: input.text,
			updatedAt: now
		})
		.where(eq(annotation.id, own.row.id))
		.run();
	announce(db, { topic: 'comments', documentId: input.document.documentId });
	return { ok: true, proposalId: own.row.id };
}

export function setProposalReason(
	db: AppDatabase,
	input: OwnProposal & { reason: string },
	now = new Date()
): ProposalResult {
	const own = ownOpenProposal(db, input);
	if (!own.ok) return own.result;
	db.update(annotation)
		.set({ reason: input.reason || null, updatedAt: now })
		.where(eq(annotation.id, own.row.id))
		.run();
	announce(db, { topic: 'comments', documentId: input.document.documentId });
	return { ok: true, proposalId: own.row.id };
}

/** The author takes back an open proposal: it disappears with its discussion. */
export function withdrawProposal(
	db: AppDatabase,
	input: OwnProposal,
	now = new Date()
): ProposalResult {
	const own = ownOpenProposal(db, input);
	if (!own.ok) return own.result;
	transaction(db, (tx) => {
		tx.delete(annotation).where(eq(annotation.id, own.row.id)).run();
		recordActivity(tx, {
			documentId: input.document.documentId,
			kind: 'proposal',
			userId: input.actor.userId,
			at: now,
			detail: 'withdrawn'
		});
		announce(tx, { topic: 'comments', documentId: input.document.documentId });
	});
	return { ok: true, proposalId: own.row.id };
}

export function replyToProposal(
	db: AppDatabase,
	input: { documentId: string; proposalId: string; authorId: string; body: string },
	now = new Date()
): ProposalResult {
	const row = findProposal(db, input.documentId, input.proposalId);
	if (!row) return failure(404, messages.unknown);
	transaction(db, (tx) => {
		addMessage(tx, row.id, input, now, 'reply', 'proposal');
		announce(tx, { topic: 'comments', documentId: input.documentId });
	});
	return { ok: true, proposalId: row.id };
}

function markDecided(
	db: AppDatabase,
	row: AnnotationRow,
	userId: string,
	now: Date,
	changes: Partial<AnnotationRow> & { state: ProposalState }
) {
	transaction(db, (tx) => {
		tx.update(annotation)
			.set({
				resolvedBy: changes.state === 'open' ? null : userId,
				resolvedAt: changes.state === 'open' ? null : now,
				...changes
			})
			.where(eq(annotation.id, row.id))
			.run();
		recordActivity(tx, {
			documentId: row.documentId,
			kind: 'proposal',
			userId,
			at: now,
			detail: changes.state
		});
		if (changes.state === 'accepted' || changes.state === 'rejected') {
			queueProposalDecisionMail(tx, row, userId, changes.state);
		}
		announce(tx, { topic: 'comments', documentId: row.documentId });
	});
}

/** Runs a text change that may refuse; a refusal leaves the text as it was. */
function changeOrRefuse(change: ChangeText, documentId: string, edit: (ydoc: Y.Doc) => void) {
	try {
		change(documentId, edit);
		return null;
	} catch (err) {
		if (err instanceof Refusal) return err.result;
		throw err;
	}
}

/**
 * Accepting applies the proposal to the text as an edit by the accepting editor, stored and sent
 * to everyone like any other change; rejecting only records the decision. The caller has checked
 * that the person may edit the text.
 */
export function decideProposal(
	db: AppDatabase,
	change: ChangeText,
	input: { documentId: string; proposalId: string; userId: string; decision: 'accept' | 'reject' },
	now = new Date()
): ProposalResult {
	const row = findProposal(db, input.documentId, input.proposalId);
	if (!row) return failure(404, messages.unknown);
	if (row.state !== 'open') return failure(409, messages.decided);
	if (input.decision === 'reject') {
		markDecided(db, row, input.userId, now, { state: 'rejected' });
		return { ok: true, proposalId: row.id };
	}
	let applied: AppliedProposal | null | undefined;
	const refused = changeOrRefuse(change, input.documentId, (ydoc) => {
		applied = applyProposal(ydoc, {
			anchorStart: row.anchorStart,
			anchorEnd: row.anchorEnd,
			quote: row.quote,
			text: row.proposedText ?? ''
		});
		if (!applied) throw new Refusal(failure(409, messages.outdated));
	});
	if (refused) return refused;
	if (!applied) throw new Error('Der Vorschlag wurde nicht angewandt.');
	markDecided(db, row, input.userId, now, {
		state: 'accepted',
		appliedStart: applied.start,
		appliedEnd: applied.end,
		replacedDelta: applied.replaced
	});
	return { ok: true, proposalId: row.id };
}

/**
 * Undoing a decision makes the proposal open again. An accepted one first gives the text back
 * what it replaced (with its formatting), as long as nobody has changed the accepted words since.
 */
export function reopenProposal(
	db: AppDatabase,
	change: ChangeText,
	input: { documentId: string; proposalId: string; userId: string },
	now = new Date()
): ProposalResult {
	const row = findProposal(db, input.documentId, input.proposalId);
	if (!row) return failure(404, messages.unknown);
	if (row.state === 'open') return failure(409, messages.notDecided);
	if (row.state === 'rejected') {
		markDecided(db, row, input.userId, now, { state: 'open' });
		return { ok: true, proposalId: row.id };
	}
	if (!row.appliedStart || !row.appliedEnd) return failure(409, messages.changedSince);
	const appliedAnchors = { anchorStart: row.appliedStart, anchorEnd: row.appliedEnd };
	let restored: { start: string; end: string } | undefined;
	const refused = changeOrRefuse(change, input.documentId, (ydoc) => {
		const range = resolveProposalRange(ydoc, appliedAnchors);
		if (!range || !(range.type instanceof Y.XmlText) || rangeText(range) !== row.proposedText) {
			throw new Refusal(failure(409, messages.changedSince));
		}
		const type = range.type;
		if (range.to > range.from) type.delete(range.from, range.to - range.from);
		const ops = JSON.parse(row.replacedDelta ?? '[]') as {
			insert: string;
			attributes?: Record<string, unknown>;
		}[];
		let index = range.from;
		for (const op of ops) {
			// Explicit attributes, also when there are none: the words come back as they were.
			type.insert(index, op.insert, op.attributes ?? {});
			index += op.insert.length;
		}
		restored = anchorsAround(type, range.from, index - range.from);
	});
	if (refused) return refused;
	if (!restored) throw new Error('Die Annahme wurde nicht rückgängig gemacht.');
	markDecided(db, row, input.userId, now, {
		state: 'open',
		anchorStart: restored.start,
		anchorEnd: restored.end,
		appliedStart: null,
		appliedEnd: null,
		replacedDelta: null
	});
	return { ok: true, proposalId: row.id };
}

/** Every change proposal of a document, oldest first, with names as they are now. */
export function documentProposals(db: AppDatabase, documentId: string): ChangeProposal[] {
	const author = alias(user, 'author');
	const decider = alias(user, 'decider');
	const rows = db
		.select({
			row: annotation,
			authorName: author.name,
			deciderName: decider.name,
			organisationName: organisation.name
		})
		.from(annotation)
		.leftJoin(author, eq(author.id, annotation.createdBy))
		.leftJoin(decider, eq(decider.id, annotation.resolvedBy))
		.leftJoin(organisation, eq(organisation.id, annotation.organisationId))
		.where(and(eq(annotation.documentId, documentId), eq(annotation.kind, 'proposal')))
		.orderBy(asc(annotation.createdAt), sql`${annotation}.rowid`)
		.all();
	const discussion = threadMessages(
		db,
		rows.map(({ row }) => row.id)
	);
	return rows.map(({ row, authorName, deciderName, organisationName }) => ({
		id: row.id,
		anchorStart: row.anchorStart,
		anchorEnd: row.anchorEnd,
		quote: row.quote,
		text: row.proposedText ?? '',
		reason: row.reason,
		state: row.state === 'accepted' || row.state === 'rejected' ? row.state : 'open',
		organisationId: row.organisationId,
		organisationName: organisationName ?? null,
		createdBy: row.createdBy,
		authorName: authorName ?? null,
		createdAt: row.createdAt.getTime(),
		updatedAt: (row.updatedAt ?? row.createdAt).getTime(),
		decidedByName: deciderName ?? null,
		decidedAt: row.resolvedAt?.getTime() ?? null,
		messages: discussion.get(row.id) ?? []
	}));
}

/** The organisations a member may propose for: their active memberships, by name. */
export function proposingOrganisations(
	db: AppDatabase,
	userId: string
): { id: string; name: string }[] {
	return db
		.select({ id: organisation.id, name: organisation.name })
		.from(membership)
		.innerJoin(organisation, eq(organisation.id, membership.organisationId))
		.where(and(eq(membership.userId, userId), isNull(membership.deactivatedAt)))
		.orderBy(asc(organisation.sortOrder), asc(organisation.name))
		.all();
}
