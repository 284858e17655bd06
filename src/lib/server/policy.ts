// The one authorisation policy. Every load, action, endpoint and WebSocket upgrade asks
// can(actor, action, resource); the route × actor table in tests/ checks the answers end to end.

import type { DocumentRow, EventRow, OrganisationKind, Role } from './db/schema';

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

export type MemberActor = Extract<Actor, { kind: 'member' }>;

export type OrganisationResource = {
	type: 'organisation';
	organisationId: string;
	kind: OrganisationKind;
};
/** An archived event is closed: it can be read, and only its moderators still change it. */
export type EventResource = { type: 'event'; eventId: string; archived: boolean };
export type DocumentResource = {
	type: 'document';
	documentId: string;
	archived: boolean;
	viewersMayComment: boolean;
	viewersMayPropose: boolean;
};

/** A working group's board in its event; a locked board takes changes from moderators only. */
export type BoardResource = { type: 'board'; event: EventResource; locked: boolean };

/** Someone's membership in one organisation, with the roles it holds now. */
export type MembershipResource = {
	type: 'membership';
	organisation: OrganisationResource;
	roles: readonly Role[];
	/** Whose membership it is. */
	userId: string;
};
export type Resource =
	| { type: 'app' }
	| OrganisationResource
	| EventResource
	| {
			/**
			 * A person's account, which every organisation they belong to shares. `memberships` are all
			 * of them, ended ones too: an ended membership can be resumed, and with it the access.
			 */
			type: 'account';
			userId: string;
			memberships: readonly Membership[];
	  }
	| DocumentResource
	| MembershipResource
	/** A comment thread, with the person who started it. */
	| { type: 'comment'; document: DocumentResource; authorId: string | null }
	/** A proposal, with the person who made it. */
	| { type: 'proposal'; document: DocumentResource; authorId: string | null }
	| BoardResource
	/** A card on a board, with who wrote it: a participant or a member. */
	| { type: 'card'; board: BoardResource; participantId: string | null; userId: string | null };

/** A document as the rules see it. */
export function documentResource(
	row: Pick<DocumentRow, 'id' | 'archivedAt' | 'viewersMayComment' | 'viewersMayPropose'>
): DocumentResource {
	return {
		type: 'document',
		documentId: row.id,
		archived: Boolean(row.archivedAt),
		viewersMayComment: row.viewersMayComment,
		viewersMayPropose: row.viewersMayPropose
	};
}

/** An event as the rules see it. */
export function eventResource(row: Pick<EventRow, 'id' | 'archivedAt'>): EventResource {
	return { type: 'event', eventId: row.id, archived: Boolean(row.archivedAt) };
}

export function organisationResource(row: {
	id: string;
	kind: OrganisationKind;
}): OrganisationResource {
	return { type: 'organisation', organisationId: row.id, kind: row.kind };
}

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

/** Whether the actor is the member with this user id. */
function isPerson(actor: Actor, userId: string | null): boolean {
	return actor.kind === 'member' && userId !== null && actor.userId === userId;
}

/** Whether the actor wrote the card: the participant or the member it names. */
function wroteCard(actor: Actor, resource: Extract<Resource, { type: 'card' }>): boolean {
	if (actor.kind === 'participant') return resource.participantId === actor.participantId;
	return isPerson(actor, resource.userId);
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
	/**
	 * Changing someone's membership (roles, deactivating, reactivating): the organisation's
	 * managers; an admin's membership only those who may give the admin role.
	 */
	'membership:change': (actor, resource): boolean =>
		resource.type === 'membership' &&
		can(actor, 'organisation:manage-members', resource.organisation) &&
		(!resource.roles.includes('admin') ||
			can(actor, 'organisation:grant-admin', resource.organisation)),
	/**
	 * Ending a membership (deactivating it): who may change it, but never one's own: nobody locks
	 * themself out of an organisation, and with it perhaps its last manager.
	 */
	'membership:end': (actor, resource): boolean =>
		resource.type === 'membership' &&
		can(actor, 'membership:change', resource) &&
		!isPerson(actor, resource.userId),
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
	/** The operations page: build, database, backups, live connections and their warnings. */
	'operations:view': isAdmin,
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
	/** Resolving and reopening a comment thread: who started it, and the editors; only where
	 * commenting is allowed at all. */
	'comment:resolve': (actor, resource): boolean =>
		resource.type === 'comment' &&
		can(actor, 'document:comment', resource.document) &&
		(can(actor, 'document:write', resource.document) || isPerson(actor, resource.authorId)),
	/** Revising a proposal, giving its reason and withdrawing it: only who made it, while they
	 * may propose. Deciding on it is document:write. */
	'proposal:change': (actor, resource): boolean =>
		resource.type === 'proposal' &&
		can(actor, 'document:propose', resource.document) &&
		isPerson(actor, resource.authorId),
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
	/** The projector's live view of an event's polls: for the staff's laptop, not for a phone. */
	'event:watch-projection': (actor, resource) => resource.type === 'event' && isMember(actor),
	/** Taking part in a running event (answering polls): its own participants, until it is
	 * archived. Writing on boards is board:write. */
	'event:contribute': (actor, resource) =>
		resource.type === 'event' &&
		!resource.archived &&
		actor.kind === 'participant' &&
		actor.eventId === resource.eventId,
	/** Moderating an event's boards and polls: any editor. */
	'event:moderate': (actor, resource) => resource.type === 'event' && isEditor(actor),
	/** The moderators' commands on a board: columns, lock, voting, timer, stacking, undo. */
	'board:moderate': (actor, resource) => resource.type === 'board' && isEditor(actor),
	/** Writing on a board (cards, dots): whoever is on it, while it is unlocked and its event not
	 * archived; the moderators always. Which group's board a participant writes on: writesOnBoard. */
	'board:write': (actor, resource) =>
		resource.type === 'board' &&
		(isEditor(actor) || (!resource.locked && !resource.event.archived)),
	/** Changing, moving or deleting a card: who wrote it, and the moderators. */
	'card:change': (actor, resource): boolean =>
		resource.type === 'card' &&
		can(actor, 'board:write', resource.board) &&
		(isEditor(actor) || wroteCard(actor, resource)),
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
export function grantableRoles(actor: Actor, resource: OrganisationResource): Role[] {
	if (!can(actor, 'organisation:manage-members', resource)) return [];
	const roles: Role[] = ['manager', 'editor', 'signatory', 'viewer'];
	return can(actor, 'organisation:grant-admin', resource) ? ['admin', ...roles] : roles;
}

/**
 * The roles someone keeps after a manager asks for `requested`: who may not give the admin role
 * may not take it away either.
 */
export function rolesAfterChange(
	actor: Actor,
	resource: OrganisationResource,
	requested: readonly Role[],
	current: readonly Role[]
): Role[] {
	if (can(actor, 'organisation:grant-admin', resource)) return [...requested];
	const kept = current.includes('admin') ? (['admin'] as const) : [];
	return [...kept, ...requested.filter((role) => role !== 'admin')];
}

export function can(actor: Actor, action: Action, resource: Resource = appResource): boolean {
	return rules[action](actor, resource);
}
