import { fail, type RequestEvent } from '@sveltejs/kit';
import type * as v from 'valibot';
import {
	commentThreads,
	createComment,
	replyToComment,
	setCommentState
} from '$lib/server/comments/comments';
import {
	CommentSettingsForm,
	NewCommentForm,
	ReplyForm,
	ThreadForm
} from '$lib/server/comments/forms';
import { databaseEpoch } from '$lib/server/db/epoch';
import { documentForPage } from '$lib/server/http/resource-guards';
import { documentResource, can, type Action } from '$lib/server/policy';
import {
	setStatus,
	setViewersMayComment,
	setViewersMayPropose
} from '$lib/server/documents/documents';
import { StatusForm } from '$lib/server/documents/forms';
import { userColour } from '$lib/editor/user-colour';
import { parseForm } from '$lib/server/http/forms';
import {
	NewProposalForm,
	ProposalForm,
	ProposalReasonForm,
	ProposalReplyForm,
	ProposalSettingsForm,
	ReviseProposalForm
} from '$lib/server/proposals/forms';
import {
	createProposal,
	decideProposal,
	documentProposals,
	proposingOrganisations,
	reopenProposal,
	replyToProposal,
	reviseProposal,
	setProposalReason,
	withdrawProposal
} from '$lib/server/proposals/proposals';
import { signedInMember, signedInUser } from '$lib/server/http/guard';
import { documentReaders } from '$lib/server/notifications/people';
import { documentCatalogue, offeredEvents } from '$lib/server/sources/event-sources';
import { listPassageSources } from '$lib/server/sources/passage-sources';
import { markPassage, withdrawMark } from './consensus-actions';
import {
	chooseEvents,
	linkPassageSource,
	restorePassageSource,
	unlinkPassageSource
} from './source-actions';

function documentFor(event: RequestEvent<{ slug: string }>, action: Action) {
	const { db, documents } = event.locals.services;
	const found = documentForPage(db, event, action);
	return {
		db,
		documents,
		found,
		resource: documentResource(found),
		user: signedInUser(event),
		actor: signedInMember(event)
	};
}

export function load(event) {
	const { db } = event.locals.services;
	const { found, resource, user } = documentFor(event, 'document:read');
	const { actor } = event.locals;
	// The document, canWrite and canManage come from the layout; this load checks the read
	// right again and adds what only the text page needs.
	return {
		canComment: can(actor, 'document:comment', resource),
		threads: commentThreads(db, found.id),
		canPropose: can(actor, 'document:propose', resource),
		proposals: documentProposals(db, found.id),
		proposingOrganisations: proposingOrganisations(db, user.id),
		sources: listPassageSources(db, found.id),
		canLinkSources: can(actor, 'document:link-sources', resource),
		sourceEvents: offeredEvents(db, found.id),
		catalogue: documentCatalogue(db, found.id),
		databaseEpoch: databaseEpoch(db),
		mentionable: documentReaders(db, found).map(({ id, name }) => ({ id, name })),
		user: { id: user.id, name: user.name, colour: userColour(user.id) }
	};
}

/** What a domain function answers: done (with what the page needs next) or refused with a
 * status and a German message. */
type Outcome = { ok: true } | { ok: false; status: number; message: string };

/**
 * One action of the page: the right checked (404 before 403), the form parsed (400 with the
 * first German message), the change made; a refusal keeps its status and message, and what a
 * done change carries besides `ok` (the thread or proposal to show) goes back to the page.
 */
function documentAction<TSchema extends v.GenericSchema, TOutcome extends Outcome>(
	action: Action,
	schema: TSchema,
	run: (value: v.InferOutput<TSchema>, context: ReturnType<typeof documentFor>) => TOutcome
) {
	return async (event: RequestEvent<{ slug: string }>) => {
		const context = documentFor(event, action);
		const form = parseForm(schema, await event.request.formData());
		if (!form.ok) return fail(400, { message: form.message });
		const result = run(form.value, context);
		if (!result.ok) return fail(result.status, { message: result.message });
		const { ok: _ok, ...done } = result;
		return done as Omit<Extract<TOutcome, { ok: true }>, 'ok'>;
	};
}

function commentState(state: 'open' | 'resolved') {
	return documentAction('document:comment', ThreadForm, (value, { db, resource, actor }) =>
		setCommentState(db, { document: resource, threadId: value.threadId, actor, state })
	);
}

function decideAction(decision: 'accept' | 'reject') {
	return documentAction('document:write', ProposalForm, (value, { db, documents, found, user }) =>
		decideProposal(db, documents.change, {
			documentId: found.id,
			userId: user.id,
			proposalId: value.proposalId,
			decision
		})
	);
}

export const actions = {
	status: documentAction('document:manage', StatusForm, (value, { db, found, user }) => {
		setStatus(db, found.id, value.status, user.id);
		return { ok: true, success: 'Der Stand des Dokuments ist geändert.' } as const;
	}),
	comment: documentAction('document:comment', NewCommentForm, (value, { db, found, user }) =>
		createComment(db, { documentId: found.id, authorId: user.id, ...value })
	),
	reply: documentAction('document:comment', ReplyForm, (value, { db, found, user }) =>
		replyToComment(db, {
			documentId: found.id,
			threadId: value.threadId,
			authorId: user.id,
			body: value.body
		})
	),
	resolve: commentState('resolved'),
	reopen: commentState('open'),
	propose: documentAction(
		'document:propose',
		NewProposalForm,
		(value, { db, documents, found, user }) =>
			createProposal(db, documents.inspect, { documentId: found.id, authorId: user.id, ...value })
	),
	reviseProposal: documentAction(
		'document:propose',
		ReviseProposalForm,
		(value, { db, documents, resource, actor }) =>
			reviseProposal(db, documents.inspect, { document: resource, actor, ...value })
	),
	proposalReason: documentAction(
		'document:propose',
		ProposalReasonForm,
		(value, { db, resource, actor }) =>
			setProposalReason(db, { document: resource, actor, ...value })
	),
	withdrawProposal: documentAction(
		'document:propose',
		ProposalForm,
		(value, { db, resource, actor }) =>
			withdrawProposal(db, { document: resource, actor, ...value })
	),
	proposalReply: documentAction(
		'document:comment',
		ProposalReplyForm,
		(value, { db, found, user }) =>
			replyToProposal(db, { documentId: found.id, authorId: user.id, ...value })
	),
	acceptProposal: decideAction('accept'),
	rejectProposal: decideAction('reject'),
	reopenProposal: documentAction(
		'document:write',
		ProposalForm,
		(value, { db, documents, found, user }) =>
			reopenProposal(db, documents.change, {
				documentId: found.id,
				userId: user.id,
				proposalId: value.proposalId
			})
	),
	proposalSettings: documentAction(
		'document:manage',
		ProposalSettingsForm,
		(value, { db, found }) => {
			setViewersMayPropose(db, found.id, value.viewersMayPropose === 'on');
			return { ok: true, saved: true } as const;
		}
	),
	commentSettings: documentAction(
		'document:manage',
		CommentSettingsForm,
		(value, { db, found }) => {
			setViewersMayComment(db, found.id, value.viewersMayComment === 'on');
			return { ok: true, saved: true } as const;
		}
	),
	consent: markPassage,
	withdrawConsent: withdrawMark,
	linkSource: linkPassageSource,
	unlinkSource: unlinkPassageSource,
	restoreSource: restorePassageSource,
	sourceEvents: chooseEvents
};
