import { fail, type RequestEvent } from '@sveltejs/kit';
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
	withdrawProposal,
	type ProposalResult
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

async function changeState(event: RequestEvent<{ slug: string }>, state: 'open' | 'resolved') {
	const { db } = event.locals.services;
	const { resource, actor } = documentFor(event, 'document:comment');
	const form = parseForm(ThreadForm, await event.request.formData());
	if (!form.ok) return fail(400, { message: form.message });
	const result = setCommentState(db, {
		document: resource,
		threadId: form.value.threadId,
		actor,
		state
	});
	if (!result.ok) return fail(result.status, { message: result.message });
	return { threadId: result.threadId };
}

/** The proposal actions: parse, check the right, call. */
function proposalAction<TSchema extends Parameters<typeof parseForm>[0]>(
	action: Action,
	schema: TSchema,
	run: (
		input: ReturnType<typeof parseForm<TSchema>> & { ok: true },
		context: ReturnType<typeof documentFor>
	) => ProposalResult
) {
	return async (event: RequestEvent<{ slug: string }>) => {
		const context = documentFor(event, action);
		const form = parseForm(schema, await event.request.formData());
		if (!form.ok) return fail(400, { message: form.message });
		const result = run(form as ReturnType<typeof parseForm<TSchema>> & { ok: true }, context);
		if (!result.ok) return fail(result.status, { message: result.message });
		return { proposalId: result.proposalId };
	};
}

function decideAction(decision: 'accept' | 'reject') {
	return proposalAction(
		'document:write',
		ProposalForm,
		({ value }, { db, documents, found, user }) =>
			decideProposal(db, documents.change, {
				documentId: found.id,
				userId: user.id,
				proposalId: value.proposalId,
				decision
			})
	);
}

export const actions = {
	status: async (event) => {
		const { db } = event.locals.services;
		const { found, user } = documentFor(event, 'document:manage');
		const form = parseForm(StatusForm, await event.request.formData());
		if (!form.ok) return fail(400, { message: form.message });
		setStatus(db, found.id, form.value.status, user.id);
		return { success: 'Der Stand des Dokuments ist geändert.' };
	},
	comment: async (event) => {
		const { db } = event.locals.services;
		const { found, user } = documentFor(event, 'document:comment');
		const form = parseForm(NewCommentForm, await event.request.formData());
		if (!form.ok) return fail(400, { message: form.message });
		const result = createComment(db, { documentId: found.id, authorId: user.id, ...form.value });
		if (!result.ok) return fail(result.status, { message: result.message });
		return { threadId: result.threadId };
	},
	reply: async (event) => {
		const { db } = event.locals.services;
		const { found, user } = documentFor(event, 'document:comment');
		const form = parseForm(ReplyForm, await event.request.formData());
		if (!form.ok) return fail(400, { message: form.message });
		const result = replyToComment(db, {
			documentId: found.id,
			threadId: form.value.threadId,
			authorId: user.id,
			body: form.value.body
		});
		if (!result.ok) return fail(result.status, { message: result.message });
		return { threadId: result.threadId };
	},
	resolve: (event) => changeState(event, 'resolved'),
	reopen: (event) => changeState(event, 'open'),
	propose: proposalAction(
		'document:propose',
		NewProposalForm,
		({ value }, { db, documents, found, user }) =>
			createProposal(db, documents.inspect, { documentId: found.id, authorId: user.id, ...value })
	),
	reviseProposal: proposalAction(
		'document:propose',
		ReviseProposalForm,
		({ value }, { db, documents, resource, actor }) =>
			reviseProposal(db, documents.inspect, { document: resource, actor, ...value })
	),
	proposalReason: proposalAction(
		'document:propose',
		ProposalReasonForm,
		({ value }, { db, resource, actor }) =>
			setProposalReason(db, { document: resource, actor, ...value })
	),
	withdrawProposal: proposalAction(
		'document:propose',
		ProposalForm,
		({ value }, { db, resource, actor }) =>
			withdrawProposal(db, { document: resource, actor, ...value })
	),
	proposalReply: proposalAction(
		'document:comment',
		ProposalReplyForm,
		({ value }, { db, found, user }) =>
			replyToProposal(db, { documentId: found.id, authorId: user.id, ...value })
	),
	acceptProposal: decideAction('accept'),
	rejectProposal: decideAction('reject'),
	reopenProposal: proposalAction(
		'document:write',
		ProposalForm,
		({ value }, { db, documents, found, user }) =>
			reopenProposal(db, documents.change, {
				documentId: found.id,
				userId: user.id,
				proposalId: value.proposalId
			})
	),
	proposalSettings: async (event) => {
		const { db } = event.locals.services;
		const { found } = documentFor(event, 'document:manage');
		const form = parseForm(ProposalSettingsForm, await event.request.formData());
		if (!form.ok) return fail(400, { message: form.message });
		setViewersMayPropose(db, found.id, form.value.viewersMayPropose === 'on');
		return { saved: true };
	},
	commentSettings: async (event) => {
		const { db } = event.locals.services;
		const { found } = documentFor(event, 'document:manage');
		const form = parseForm(CommentSettingsForm, await event.request.formData());
		if (!form.ok) return fail(400, { message: form.message });
		setViewersMayComment(db, found.id, form.value.viewersMayComment === 'on');
		return { saved: true };
	},
	consent: markPassage,
	withdrawConsent: withdrawMark,
	linkSource: linkPassageSource,
	unlinkSource: unlinkPassageSource,
	restoreSource: restorePassageSource,
	sourceEvents: chooseEvents
};
