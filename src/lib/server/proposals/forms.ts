// The change-proposal forms of the document page. Anchors are Yjs relative positions the browser
// computed; the words they cover are read on the server.
import * as v from 'valibot';
import { maxCommentLength } from '$lib/comments';
import { maxProposalReasonLength, maxProposalTextLength } from '$lib/proposals';
import { anchor } from '../comments/forms';
import { multiLineText, oneLineText } from '../text/user-text';

const proposalId = v.pipe(
	v.string('Diesen Vorschlag gibt es nicht.'),
	v.uuid('Diesen Vorschlag gibt es nicht.')
);

/** Proposed words stay within a paragraph: no line breaks, no hidden direction marks. */
const proposedText = v.pipe(
	v.optional(v.string('Der vorgeschlagene Text ist ungültig.'), ''),
	v.maxLength(
		maxProposalTextLength,
		`Ein Vorschlag hat höchstens ${maxProposalTextLength} Zeichen.`
	),
	oneLineText('Der vorgeschlagene Text darf keine Zeilenumbrüche oder Steuerzeichen enthalten.')
);

const reason = v.pipe(
	v.optional(v.string('Die Begründung ist ungültig.'), ''),
	v.trim(),
	v.maxLength(
		maxProposalReasonLength,
		`Eine Begründung hat höchstens ${maxProposalReasonLength} Zeichen.`
	),
	oneLineText('Die Begründung darf keine Steuerzeichen enthalten.')
);

export const NewProposalForm = v.object({
	/** Chosen by the browser, so that its draft and the record everyone sees are one from the
	 * start. */
	proposalId: v.optional(proposalId),
	anchorStart: anchor,
	anchorEnd: anchor,
	text: proposedText,
	organisationId: v.pipe(
		v.string('Bitte wählen Sie, für welche Organisation Sie vorschlagen.'),
		v.nonEmpty('Bitte wählen Sie, für welche Organisation Sie vorschlagen.'),
		v.uuid('Diese Organisation gibt es nicht.')
	),
	reason
});

export const ReviseProposalForm = v.object({
	proposalId,
	anchorStart: anchor,
	anchorEnd: anchor,
	text: proposedText
});

export const ProposalReasonForm = v.object({ proposalId, reason });

export const ProposalForm = v.object({ proposalId });

export const ProposalReplyForm = v.object({
	proposalId,
	body: v.pipe(
		v.string('Bitte schreiben Sie eine Antwort.'),
		multiLineText('Bitte schreiben Sie die Antwort ohne Steuerzeichen.'),
		v.trim(),
		v.nonEmpty('Bitte schreiben Sie eine Antwort.'),
		v.maxLength(maxCommentLength, `Eine Antwort hat höchstens ${maxCommentLength} Zeichen.`)
	)
});

export const ProposalSettingsForm = v.object({
	viewersMayPropose: v.optional(v.picklist(['on'], 'Ungültige Einstellung.'))
});
