// Who is who in the authorisation tests, declared once: policy.test.ts asks the policy about
// these actors and resources, and the route × actor table (tests/authz/route-table.ts) signs in
// as the same people on a seeded server and expects the same answers over HTTP and WebSocket.
// Plain data and types only, so Vitest and Playwright both import it.
import type { Action, Actor, Resource, Role } from './policy';

/** The seeded organisations the actors belong to, by slug. */
export type FixtureOrganisation = 'kreis' | 'kamen' | 'unna';

export interface FixtureMember {
	organisation: FixtureOrganisation;
	roles: Role[];
	email: string;
	/** The name they sign up with. */
	label: string;
}

/** The admin comes from ADMIN_EMAIL; everyone else is invited by the admin into one organisation. */
export const fixtureMembers = {
	admin: {
		organisation: 'kreis',
		roles: ['admin'],
		email: 'admin@kreis-unna.test',
		label: 'Administration'
	},
	manager: {
		organisation: 'kamen',
		roles: ['manager'],
		email: 'manager@kamen.test',
		label: 'Mia Manager (Kamen)'
	},
	managerOther: {
		organisation: 'unna',
		roles: ['manager'],
		email: 'managerother@unna.test',
		label: 'Uwe Manager (Unna)'
	},
	editor: {
		organisation: 'kamen',
		roles: ['editor'],
		email: 'editor@kamen.test',
		label: 'Emil Redaktion'
	},
	signatory: {
		organisation: 'kamen',
		roles: ['signatory'],
		email: 'signatory@kamen.test',
		label: 'Sina Zeichnung'
	},
	viewer: {
		organisation: 'kamen',
		roles: ['viewer'],
		email: 'viewer@kamen.test',
		label: 'Vera Lesend'
	}
} as const satisfies Record<string, FixtureMember>;

export type MemberActorName = keyof typeof fixtureMembers;
export const memberActorNames = Object.keys(fixtureMembers) as MemberActorName[];

/** `participant` joined the seeded Zukunftskonferenz by code and has no account. */
export const actorNames = ['anonymous', 'participant', ...memberActorNames] as const;
export type ActorName = (typeof actorNames)[number];

/** The seeded event the participant joined; its id in a unit test is just this name. */
export const seededEvent = 'zukunftskonferenz';

/** The fixture's actors as the policy sees them; organisation ids are the slugs here. */
export function fixtureActor(name: ActorName): Actor {
	if (name === 'anonymous') return { kind: 'anonymous' };
	if (name === 'participant') {
		return { kind: 'participant', participantId: 'participant', eventId: seededEvent };
	}
	const member = fixtureMembers[name];
	return {
		kind: 'member',
		userId: name,
		admin: (member.roles as readonly Role[]).includes('admin'),
		memberships: [{ organisationId: member.organisation, roles: member.roles }]
	};
}

/** The seeded resources the route table's rows act on, as the policy sees them. */
export const fixtureResources = {
	app: { type: 'app' },
	/** The seeded Leitbild: open, members comment and propose. */
	leitbild: {
		type: 'document',
		documentId: 'leitbild',
		archived: false,
		viewersMayComment: true,
		viewersMayPropose: true
	},
	kreis: { type: 'organisation', organisationId: 'kreis', kind: 'kreis' },
	kamen: { type: 'organisation', organisationId: 'kamen', kind: 'kommune' },
	event: { type: 'event', eventId: seededEvent, archived: false },
	/** The account of Kamen's viewer, who belongs to Kamen only. */
	viewerAccount: {
		type: 'account',
		userId: 'viewer',
		memberships: [{ organisationId: 'kamen', roles: ['viewer'] }]
	}
} as const satisfies Record<string, Resource>;

export type Access = 'allow' | 'deny';
export type AccessRow = Record<ActorName, Access>;

/**
 * Who may, for the groups of rows in the route table. Each names the policy question it is the
 * answer to: policy.test.ts checks the policy gives exactly these answers, and the route table
 * checks the routes do.
 */
export const accessGroups = {
	/** Public pages. */
	everyone: { action: 'public:view', resource: 'app' },
	/** The staff areas. */
	members: { action: 'staff:view', resource: 'app' },
	admins: { action: 'admin:view', resource: 'app' },
	/** Who writes documents: editors of any organisation, and the admins. */
	editors: { action: 'document:write', resource: 'leitbild' },
	/** Kamen's manager and the admins: the member management of Kamen. */
	kamenManagers: { action: 'organisation:manage-members', resource: 'kamen' },
	/** Kamen's signatory and the admins: recording Kamen's adoption steps. */
	kamenSignatories: { action: 'adoption:record', resource: 'kamen' },
	/** Signatories of any body (Kamen's, here); admins are not signatories by their role. */
	signatories: { action: 'document:consent', resource: 'leitbild' },
	/** Only the participant of the event: its pages for people without an account. */
	eventParticipant: { action: 'event:participate', resource: 'event' },
	/** The live channels of the event: its participant and every member. */
	eventLive: { action: 'event:live', resource: 'event' },
	/** The projector's live view of the event's polls: members only. */
	eventProjection: { action: 'event:watch-projection', resource: 'event' },
	/** Kamen's viewer's account page: Kamen's manager and the admins. */
	viewerAccountManagers: { action: 'account:manage', resource: 'viewerAccount' }
} as const satisfies Record<string, { action: Action; resource: keyof typeof fixtureResources }>;

export type AccessGroup = keyof typeof accessGroups;

const allow = (names: readonly ActorName[]): AccessRow =>
	Object.fromEntries(
		actorNames.map((name) => [name, names.includes(name) ? 'allow' : 'deny'])
	) as AccessRow;

/** The answers, written out by hand: the one place that says who may. */
export const access: Record<AccessGroup, AccessRow> = {
	everyone: allow(actorNames),
	members: allow(memberActorNames),
	admins: allow(['admin']),
	editors: allow(['admin', 'editor']),
	kamenManagers: allow(['admin', 'manager']),
	kamenSignatories: allow(['admin', 'signatory']),
	signatories: allow(['signatory']),
	eventParticipant: allow(['participant']),
	eventLive: allow(['participant', ...memberActorNames]),
	eventProjection: allow(memberActorNames),
	viewerAccountManagers: allow(['admin', 'manager'])
};

/** A board author as the unit tests write them: moderators are editors, the others participants. */
export function onBoard<
	T extends { key: string; kind: 'participant' | 'member'; moderator: boolean }
>(author: T, eventId: string): T & { actor: Actor } {
	const actor: Actor = author.moderator
		? {
				kind: 'member',
				userId: `moderation-${author.key}`,
				admin: false,
				memberships: [{ organisationId: 'kamen', roles: ['editor'] }]
			}
		: { kind: 'participant', participantId: author.key, eventId };
	return { ...author, actor };
}
