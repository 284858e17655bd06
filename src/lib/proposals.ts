// Change proposals as the server sends them to the document page.
import type { CommentMessage } from './comments';

export type ProposalState = 'open' | 'accepted' | 'rejected';

export interface ChangeProposal {
	id: string;
	/** Base64 of Yjs relative positions, as for comments; equal positions for an insertion. */
	anchorStart: string;
	anchorEnd: string;
	/** The words to be replaced, exactly as they were proposed on (empty for an insertion). */
	quote: string;
	/** What replaces them (empty for a deletion). */
	text: string;
	reason: string | null;
	state: ProposalState;
	organisationId: string | null;
	/** Null when the organisation no longer exists. */
	organisationName: string | null;
	createdBy: string | null;
	authorName: string | null;
	createdAt: number;
	updatedAt: number;
	decidedByName: string | null;
	decidedAt: number | null;
	/** The discussion, as in a comment thread. */
	messages: CommentMessage[];
}

export const proposalStateLabels: Record<ProposalState, string> = {
	open: 'Offen',
	accepted: 'Angenommen',
	rejected: 'Abgelehnt'
};

export const maxProposalTextLength = 5000;
export const maxProposalReasonLength = 500;
