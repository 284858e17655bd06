// The open change proposals of a document as exports and frozen versions record them: what each
// proposes, for which organisation, by whom and when, and whether its words are still in the text.
import { and, asc, eq } from 'drizzle-orm';
import type * as Y from 'yjs';
import { userNames } from '../accounts/members';
import type { AppDatabase } from '../db/database';
import { annotation, organisation } from '../db/schema';
import { rangeText, resolveProposalRange } from './proposal-range';

/** One open proposal at a moment: a frozen version keeps a list of these as JSON. */
export interface ProposalSnapshotEntry {
	id: string;
	anchorStart: string;
	anchorEnd: string;
	/** The words to be replaced (empty for an insertion). */
	quote: string;
	/** What replaces them (empty for a deletion). */
	text: string;
	reason: string | null;
	organisationId: string | null;
	organisationName: string | null;
	authorId: string | null;
	/** Milliseconds since the epoch. */
	createdAt: number;
	/** Its words were no longer in the text (or its anchors no longer met) at that moment. */
	outdated: boolean;
}

/** Whether a proposal's anchors still name exactly the words it was made on. */
export function isOutdated(
	ydoc: Y.Doc,
	proposal: { anchorStart: string; anchorEnd: string; quote: string }
): boolean {
	const range = resolveProposalRange(ydoc, proposal);
	return !range || rangeText(range) !== proposal.quote;
}

/** The document's open proposals, oldest first, checked against the given state of its text. */
export function openProposalsSnapshot(
	db: AppDatabase,
	documentId: string,
	ydoc: Y.Doc
): ProposalSnapshotEntry[] {
	return db
		.select({
			id: annotation.id,
			anchorStart: annotation.anchorStart,
			anchorEnd: annotation.anchorEnd,
			quote: annotation.quote,
			text: annotation.proposedText,
			reason: annotation.reason,
			organisationId: annotation.organisationId,
			organisationName: organisation.name,
			authorId: annotation.createdBy,
			createdAt: annotation.createdAt
		})
		.from(annotation)
		.leftJoin(organisation, eq(organisation.id, annotation.organisationId))
		.where(
			and(
				eq(annotation.documentId, documentId),
				eq(annotation.kind, 'proposal'),
				eq(annotation.state, 'open')
			)
		)
		.orderBy(asc(annotation.createdAt), asc(annotation.id))
		.all()
		.map((row) => ({
			...row,
			text: row.text ?? '',
			createdAt: row.createdAt.getTime(),
			outdated: isOutdated(ydoc, row)
		}));
}

/** A version's recorded proposals; none for versions frozen before proposals existed. */
export function parseProposalsSnapshot(json: string | null): ProposalSnapshotEntry[] {
	if (json === null) return [];
	return JSON.parse(json) as ProposalSnapshotEntry[];
}

/** A proposal with the names a reader sees: the author's name is looked up now, not recorded. */
export interface AttributedProposal extends ProposalSnapshotEntry {
	authorName: string | null;
}

export function withAuthorNames(
	db: AppDatabase,
	entries: ProposalSnapshotEntry[]
): AttributedProposal[] {
	const names = userNames(
		db,
		entries.flatMap((entry) => (entry.authorId ? [entry.authorId] : []))
	);
	return entries.map((entry) => ({
		...entry,
		authorName: entry.authorId ? (names.get(entry.authorId) ?? null) : null
	}));
}
