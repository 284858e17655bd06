// The one authorisation policy. Every load, action, endpoint and WebSocket upgrade asks
// can(actor, action, resource); the route × actor table in tests/ checks the answers end to end.

export const roles = ['admin', 'manager', 'editor', 'signatory', 'viewer'] as const;
export type Role = (typeof roles)[number];

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
	| { type: 'organisation'; organisationId: string }
	| { type: 'event'; eventId: string };

export const anonymousActor: Actor = { kind: 'anonymous' };
export const appResource: Resource = { type: 'app' };

type Rule = (actor: Actor, resource: Resource) => boolean;

function isMember(actor: Actor): boolean {
	return actor.kind === 'member';
}

function isAdmin(actor: Actor): boolean {
	return actor.kind === 'member' && actor.admin;
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
	/** The connectivity probe on the realtime socket. */
	'realtime:echo': () => true
} satisfies Record<string, Rule>;

export type Action = keyof typeof rules;
export const actions = Object.keys(rules) as Action[];

export function can(actor: Actor, action: Action, resource: Resource = appResource): boolean {
	return rules[action](actor, resource);
}
