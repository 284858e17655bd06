// The one authorisation policy. Every load, action, endpoint and WebSocket upgrade asks
// can(actor, action, resource); the route × actor table in tests/ checks the answers end to end.

import type { OrganisationKind, Role } from './db/schema';

export type { Role };

export interface Membership {
	organisationId: string;
	roles: readonly Role[];
}

export type Actor =
	| { kind: 'anonymous' }
	| {
			kind: 'member';
			userId: string;
			/** Holds the admin role through the Kreis organisation. */
			admin: boolean;
			memberships: readonly Membership[];
	  }
	| { kind: 'participant'; participantId: string; eventId: string };

export type Resource =
	| { type: 'app' }
	| { type: 'organisation'; organisationId: string; kind: OrganisationKind }
	| { type: 'event'; eventId: string }
	| {
			/**
			 * A person's account, which every organisation they belong to shares. `memberships` are all
			 * of them, ended ones too: an ended membership can be resumed, and with it the access.
			 */
			type: 'account';
			userId: string;
			memberships: readonly Membership[];
	  }
	| {
			type: 'document';
			documentId: string;
			archived: boolean;
			viewersMayComment: boolean;
			viewersMayPropose: boolean;
	  };

export const anonymousActor: Actor = { kind: 'anonymous' };
export const appResource: Resource = { type: 'app' };

type Rule = (actor: Actor, resource: Resource) => boolean;

function isMember(actor: Actor): boolean {
	return actor.kind === 'member';
}

function isAdmin(actor: Actor): boolean {
	return actor.kind === 'member' && actor.admin;
}

/** Editors of any organisation write the district-wide texts; so do admins. */
function isEditor(actor: Actor): boolean {
	return (
		isAdmin(actor) ||
		(actor.kind === 'member' && actor.memberships.some((m) => m.roles.includes('editor')))
	);
}

export function hasRole(actor: Actor, organisationId: string, role: Role): boolean {
	return (
		actor.kind === 'member' &&
		actor.memberships.some((m) => m.organisationId === organisationId && m.roles.includes(role))
	);
}

function holdsAdmin(resource: Extract<Resource, { type: 'account' }>): boolean {
	return resource.memberships.some((m) => m.roles.includes('admin'));
}

/**
 * What stands between an actor and a person's whole account: the organisations of the person
 * the actor does not manage, and whether the account holds the admin role. Nothing stands in an
 * admin's way. A person without any organisation is the admins' alone.
 */
export function accountAuthorityGap(
	actor: Actor,
	resource: Extract<Resource, { type: 'account' }>
): { organisationIds: string[]; admin: boolean; noOrganisation: boolean } {
	if (isAdmin(actor)) return { organisationIds: [], admin: false, noOrganisation: false };
	return {
		organisationIds: resource.memberships
			.map((m) => m.organisationId)
			.filter((organisationId) => !hasRole(actor, organisationId, 'manager')),
		admin: holdsAdmin(resource),
		noOrganisation: resource.memberships.length === 0
	};
}

const rules = {
	/** Pages everyone may read: start page, legal pages, health. */
	'public:view': () => true,
	/** The staff areas (documents, conferences, adoption) and the organisation directory. */
	'staff:view': isMember,
	/** Installation-wide administration. */
	'admin:view': isAdmin,
	/** Inviting and managing the members of one organisation. */
	'organisation:manage-members': (actor, resource) =>
		resource.type === 'organisation' &&
		(isAdmin(actor) || hasRole(actor, resource.organisationId, 'manager')),
	/** Giving someone the admin role: only admins, and only in the Kreis organisation. */
	'organisation:grant-admin': (actor, resource) =>
		resource.type === 'organisation' && resource.kind === 'kreis' && isAdmin(actor),
	/** The audit log of sign-ins, invitations and role changes. */
	'audit:view': isAdmin,
	/** Seeing a person's account page: admins, and the managers of any organisation of theirs. */
	'account:view': (actor, resource) =>
		resource.type === 'account' &&
		(isAdmin(actor) ||
			resource.memberships.some((m) => hasRole(actor, m.organisationId, 'manager'))),
	/**
	 * What changes the whole account (a password-reset link, deactivating it, name and e-mail, the
	 * data export and anonymisation under the DSGVO) reaches into every organisation the person
	 * belongs to: only someone who manages all of them may do it, and an admin's account only
	 * admins. Roles and membership in one organisation stay with its managers
	 * (organisation:manage-members).
	 */
	'account:manage': (actor, resource) => {
		if (resource.type !== 'account' || actor.kind !== 'member') return false;
		const gap = accountAuthorityGap(actor, resource);
		return gap.organisationIds.length === 0 && !gap.admin && !gap.noOrganisation;
	},
	/** Reading the reports sent through the accessibility feedback form. */
	'feedback:view': isAdmin,
	/** The e-mail outbox: what was sent, what waits, what failed and why; sending failed mail again. */
	'mail:manage': isAdmin,
	/** Reading a document, archived ones included. */
	'document:read': (actor, resource) => resource.type === 'document' && isMember(actor),
	/** Changing a document's text; archived documents are read-only. */
	'document:write': (actor, resource) =>
		resource.type === 'document' && !resource.archived && isEditor(actor),
	'document:create': isEditor,
	/** Commenting (threads, replies, resolving): editors, and other members where the document
	 * lets them; never on archived documents. Comments never touch the text itself. */
	'document:comment': (actor, resource) =>
		resource.type === 'document' &&
		!resource.archived &&
		isMember(actor) &&
		(isEditor(actor) || resource.viewersMayComment),
	/** Proposing changes (suggestion mode): editors, and other members where the document lets
	 * them; never on archived documents. A proposal changes nothing until an editor accepts it. */
	'document:propose': (actor, resource) =>
		resource.type === 'document' &&
		!resource.archived &&
		isMember(actor) &&
		(isEditor(actor) || resource.viewersMayPropose),
	/** Marking passages "einverstanden" or "Bedenken": signatories (of any body; for which body
	 * is organisation:consent), never on archived documents. Admins only where they sign. */
	'document:consent': (actor, resource) =>
		resource.type === 'document' &&
		!resource.archived &&
		actor.kind === 'member' &&
		actor.memberships.some((m) => m.roles.includes('signatory')),
	/** Speaking for a body on a document's passages: only its own signatories, admins included
	 * ("for their own body only"). Whether the body adopts texts at all, the domain checks. */
	'organisation:consent': (actor, resource) =>
		resource.type === 'organisation' && hasRole(actor, resource.organisationId, 'signatory'),
	/** Linking passages to conference results (cards, poll options, answers), unlinking, and
	 * choosing the events beside the text: editors, never on archived documents. Who may read the
	 * document sees the links (document:read). */
	'document:link-sources': (actor, resource) =>
		resource.type === 'document' && !resource.archived && isEditor(actor),
	/** Archiving and restoring. */
	'document:manage': (actor, resource) => resource.type === 'document' && isEditor(actor),
	'document:delete': (actor, resource) => resource.type === 'document' && isAdmin(actor),
	/** The staff pages of events: details, working groups, join code. */
	'event:view': (actor, resource) => resource.type === 'event' && isMember(actor),
	/** Any editor may create events and moderate them: details, joining, code, projector. */
	'event:create': isEditor,
	'event:manage': (actor, resource) => resource.type === 'event' && isEditor(actor),
	/** A participant's pages reach only the event they joined. */
	'event:participate': (actor, resource) =>
		resource.type === 'event' && actor.kind === 'participant' && actor.eventId === resource.eventId,
	/** The live channels of an event (boards, polls): its participants, and members, who moderate
	 * or watch. What each may do on them is decided per message. */
	'event:live': (actor, resource) =>
		resource.type === 'event' &&
		(isMember(actor) || (actor.kind === 'participant' && actor.eventId === resource.eventId)),
	/** Moderating an event's boards and polls: any editor. */
	'event:moderate': (actor, resource) => resource.type === 'event' && isEditor(actor),
	/** The adoption dashboard, each body's records and the resolution PDFs: every member. */
	'adoption:read': isMember,
	/** Recording adoption steps and planned dates: the body's signatories, and admins for all. */
	'adoption:record': (actor, resource) =>
		resource.type === 'organisation' &&
		(isAdmin(actor) || hasRole(actor, resource.organisationId, 'signatory')),
	/** Connecting an organisation to its council information system (OParl). */
	'oparl:configure': isAdmin,
	/** Linking council papers, syncing, and confirming or dismissing the steps the council
	 * information system proposes: whoever records the body's steps. */
	'oparl:follow': (actor, resource) =>
		resource.type === 'organisation' &&
		(isAdmin(actor) || hasRole(actor, resource.organisationId, 'signatory')),
	/** Publishing a document's adoption status on the public transparency page. */
	'adoption:publish': isAdmin,
	/** The connectivity probe on the realtime socket. */
	'realtime:echo': () => true
} satisfies Record<string, Rule>;

export type Action = keyof typeof rules;
export const actions = Object.keys(rules) as Action[];

/**
 * Whether someone writes on a working group's board (cards, dots) or only reads it. Where the
 * event says participants write only on their own group's board, a participant with a group
 * writes on that board alone; participants without a group, and members, are not bound by it.
 */
export function writesOnBoard(
	writer: { kind: 'participant' | 'member'; workingGroupId: string | null },
	board: { workingGroupId: string },
	event: { ownGroupBoardsOnly: boolean }
): boolean {
	return (
		writer.kind !== 'participant' ||
		!event.ownGroupBoardsOnly ||
		writer.workingGroupId === null ||
		writer.workingGroupId === board.workingGroupId
	);
}

/** The roles an actor may give in an organisation; empty when they may not manage it. */
export function grantableRoles(
	actor: Actor,
	resource: Extract<Resource, { type: 'organisation' }>
): Role[] {
	if (!can(actor, 'organisation:manage-members', resource)) return [];
	const roles: Role[] = ['manager', 'editor', 'signatory', 'viewer'];
	return can(actor, 'organisation:grant-admin', resource) ? ['admin', ...roles] : roles;
}

export function can(actor: Actor, action: Action, resource: Resource = appResource): boolean {
	return rules[action](actor, resource);
}
