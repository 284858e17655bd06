// The mail to a proposal's author once an editor accepted or rejected it, unless they decided
// it themselves.
import { userNames } from '../accounts/members';
import { quoted } from '$lib/german';
import type { AppDatabase } from '../db/database';
import type { AnnotationRow } from '../db/schema';
import { findDocument } from '../documents/documents';
import { mailIsOn } from '../mail/outbox';
import { excerpt, notify } from './mail-parts';
import { documentReaders } from './people';

const decisionWords = { accepted: 'angenommen', rejected: 'abgelehnt' } as const;

/** Queues the mail inside the decision's transaction. */
export function queueProposalDecisionMail(
	tx: AppDatabase,
	proposal: Pick<AnnotationRow, 'id' | 'documentId' | 'createdBy' | 'quote' | 'proposedText'>,
	deciderId: string,
	decision: 'accepted' | 'rejected'
): void {
	if (!mailIsOn()) return;
	const authorId = proposal.createdBy;
	if (!authorId || authorId === deciderId) return;
	const document = findDocument(tx, proposal.documentId);
	if (!document) return;
	const author = documentReaders(tx, document).find((reader) => reader.id === authorId);
	if (!author) return;
	const decider = userNames(tx, [deciderId]).get(deciderId) ?? 'Die Redaktion';
	const word = decisionWords[decision];
	const change = proposal.proposedText
		? proposal.quote
			? `Statt ${excerpt(proposal.quote)}: ${excerpt(proposal.proposedText)}`
			: `Einfügen: ${excerpt(proposal.proposedText)}`
		: `Streichen: ${excerpt(proposal.quote)}`;
	notify(tx, author, {
		kind: 'proposal-decision',
		subject: `Ihr Vorschlag zu ${quoted(document.title)} wurde ${word}`,
		paragraphs: [
			`${decider} hat Ihren Änderungsvorschlag zum Dokument ${quoted(document.title)} ${word}.`,
			change
		],
		action: {
			label: 'Vorschlag ansehen',
			path: `/dokumente/${document.slug}#vorschlag-${proposal.id}`
		}
	});
}
