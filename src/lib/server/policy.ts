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
	/** A person's data under the DSGVO: exporting it and anonymising the person, for good. */
	'person:privacy': isAdmin,
	/** Reading the reports sent through the accessibility feedback form. */
	'feedback:view': isAdmin,
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
	/** Publishing a document's adoption status on the public transparency page. */
	'adoption:publish': isAdmin,
	/** The connectivity probe on the realtime socket. */
	'realtime:echo': () => true
} satisfies Record<string, Rule>;

export type Action = keyof typeof rules;
export const actions = Object.keys(rules) as Action[];

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
