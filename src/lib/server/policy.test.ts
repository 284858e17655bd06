import { describe, expect, it } from 'vitest';
import {
	accountAuthorityGap,
	can,
	grantableRoles,
	rolesAfterChange,
	type Actor,
	type BoardResource,
	type DocumentResource,
	type MembershipResource,
	type Resource,
	type Role
} from './policy';
import {
	access,
	accessGroups,
	actorNames,
	fixtureActor,
	fixtureResources,
	type AccessGroup
} from './policy-fixture';

const kamen = 'org-kamen';
const unna = 'org-unna';
const anonymous: Actor = { kind: 'anonymous' };
const participant: Actor = { kind: 'participant', participantId: 'p1', eventId: 'e1' };
const admin: Actor = { kind: 'member', userId: 'a', admin: true, memberships: [] };
const kamenManager: Actor = {
	kind: 'member',
	userId: 'm',
	admin: false,
	memberships: [{ organisationId: kamen, roles: ['manager', 'signatory'] }]
};
const kamenEditor: Actor = {
	kind: 'member',
	userId: 'e',
	admin: false,
	memberships: [{ organisationId: kamen, roles: ['editor'] }]
};
const kamenViewer: Actor = {
	kind: 'member',
	userId: 'v',
	admin: false,
	memberships: [{ organisationId: kamen, roles: ['viewer'] }]
};

describe('can', () => {
	it('lets everyone read public pages', () => {
		for (const actor of [anonymous, participant, kamenViewer, admin]) {
			expect(can(actor, 'public:view')).toBe(true);
		}
	});

	it('keeps the staff areas for members', () => {
		expect(can(anonymous, 'staff:view')).toBe(false);
		expect(can(participant, 'staff:view')).toBe(false);
		expect(can(kamenViewer, 'staff:view')).toBe(true);
	});

	it('keeps administration for admins', () => {
		expect(can(kamenManager, 'admin:view')).toBe(false);
		expect(can(admin, 'admin:view')).toBe(true);
	});

	it('lets a manager manage the members of their own organisation only', () => {
		const own = { type: 'organisation', organisationId: kamen, kind: 'kommune' } as const;
		const other = { type: 'organisation', organisationId: unna, kind: 'kommune' } as const;
		expect(can(kamenManager, 'organisation:manage-members', own)).toBe(true);
		expect(can(kamenManager, 'organisation:manage-members', other)).toBe(false);
		expect(can(kamenViewer, 'organisation:manage-members', own)).toBe(false);
		expect(can(admin, 'organisation:manage-members', other)).toBe(true);
		expect(can(kamenManager, 'organisation:manage-members', { type: 'app' })).toBe(false);
	});

	it('lets only admins give the admin role, and only in the Kreis', () => {
		const kreis = { type: 'organisation', organisationId: 'org-kreis', kind: 'kreis' } as const;
		const kommune = { type: 'organisation', organisationId: kamen, kind: 'kommune' } as const;
		expect(grantableRoles(admin, kreis)).toContain('admin');
		expect(grantableRoles(admin, kommune)).not.toContain('admin');
		expect(grantableRoles(kamenManager, kommune)).toEqual([
			'manager',
			'editor',
			'signatory',
			'viewer'
		]);
		expect(grantableRoles(kamenViewer, kommune)).toEqual([]);
	});

	it('shows the audit log to admins only', () => {
		expect(can(admin, 'audit:view')).toBe(true);
		expect(can(kamenManager, 'audit:view')).toBe(false);
	});
	it('shows the operations page to admins only', () => {
		expect(can(admin, 'operations:view')).toBe(true);
		expect(can(kamenManager, 'operations:view')).toBe(false);
		expect(can(kamenViewer, 'operations:view')).toBe(false);
		expect(can(participant, 'operations:view')).toBe(false);
		expect(can(anonymous, 'operations:view')).toBe(false);
	});
	it('lets participants reach only the event they joined, and editors moderate', () => {
		const own = { type: 'event', eventId: 'e1', archived: false } as const;
		const other = { type: 'event', eventId: 'e2', archived: false } as const;
		expect(can(participant, 'event:participate', own)).toBe(true);
		expect(can(participant, 'event:participate', other)).toBe(false);
		expect(can(participant, 'event:view', own)).toBe(false);
		expect(can(participant, 'event:manage', own)).toBe(false);
		expect(can(kamenViewer, 'event:participate', own)).toBe(false);
		expect(can(kamenViewer, 'event:view', own)).toBe(true);
		expect(can(kamenViewer, 'event:manage', own)).toBe(false);
		expect(can(kamenViewer, 'event:create')).toBe(false);
		expect(can(admin, 'event:manage', own)).toBe(true);
		expect(can(participant, 'event:live', own)).toBe(true);
		expect(can(participant, 'event:live', other)).toBe(false);
		expect(can(kamenViewer, 'event:live', other)).toBe(true);
		expect(can(anonymous, 'event:live', own)).toBe(false);
		expect(can(participant, 'event:watch-projection', own)).toBe(false);
		expect(can(kamenViewer, 'event:watch-projection', own)).toBe(true);
		expect(can(participant, 'event:moderate', own)).toBe(false);
		expect(can(kamenViewer, 'event:moderate', own)).toBe(false);
		expect(can(admin, 'event:moderate', own)).toBe(true);
	});

	it('lets members read documents and editors write them, archived ones read-only for all', () => {
		const open = {
			type: 'document',
			documentId: 'd',
			archived: false,
			viewersMayComment: true,
			viewersMayPropose: true
		} as const;
		const archived = { ...open, archived: true } as const;
		for (const actor of [kamenViewer, kamenEditor, admin]) {
			expect(can(actor, 'document:read', open)).toBe(true);
			expect(can(actor, 'document:read', archived)).toBe(true);
			// The live channel closes writers when this turns false while they are connected.
			expect(can(actor, 'document:write', archived)).toBe(false);
		}
		expect(can(kamenViewer, 'document:write', open)).toBe(false);
		expect(can(kamenEditor, 'document:write', open)).toBe(true);
		expect(can(admin, 'document:write', open)).toBe(true);
		expect(can(participant, 'document:read', open)).toBe(false);
		expect(can(kamenEditor, 'document:delete', archived)).toBe(false);
		expect(can(admin, 'document:delete', archived)).toBe(true);
	});

	it('lets editors link passages to conference results, never on archived documents', () => {
		const open = {
			type: 'document',
			documentId: 'd',
			archived: false,
			viewersMayComment: true,
			viewersMayPropose: true
		} as const;
		expect(can(kamenEditor, 'document:link-sources', open)).toBe(true);
		expect(can(admin, 'document:link-sources', open)).toBe(true);
		expect(can(kamenViewer, 'document:link-sources', open)).toBe(false);
		expect(can(participant, 'document:link-sources', open)).toBe(false);
		expect(can(kamenEditor, 'document:link-sources', { ...open, archived: true })).toBe(false);
	});

	it('lets editors comment, and other members only where the document allows it', () => {
		const open = {
			type: 'document',
			documentId: 'd',
			archived: false,
			viewersMayComment: true,
			viewersMayPropose: true
		} as const;
		const closed = { ...open, viewersMayComment: false } as const;
		const archived = { ...open, archived: true } as const;
		expect(can(kamenViewer, 'document:comment', open)).toBe(true);
		expect(can(kamenViewer, 'document:comment', closed)).toBe(false);
		expect(can(kamenEditor, 'document:comment', closed)).toBe(true);
		expect(can(admin, 'document:comment', closed)).toBe(true);
		for (const actor of [kamenViewer, kamenEditor, admin]) {
			expect(can(actor, 'document:comment', archived)).toBe(false);
		}
		expect(can(participant, 'document:comment', open)).toBe(false);
		expect(can(anonymous, 'document:comment', open)).toBe(false);
	});

	it('lets a signatory record adoption steps for their own body only, admins for all', () => {
		const own = { type: 'organisation', organisationId: kamen, kind: 'kommune' } as const;
		const other = { type: 'organisation', organisationId: unna, kind: 'kommune' } as const;
		expect(can(kamenManager, 'adoption:record', own)).toBe(true);
		expect(can(kamenManager, 'adoption:record', other)).toBe(false);
		expect(can(kamenEditor, 'adoption:record', own)).toBe(false);
		expect(can(kamenViewer, 'adoption:record', own)).toBe(false);
		expect(can(admin, 'adoption:record', other)).toBe(true);
		expect(can(anonymous, 'adoption:record', own)).toBe(false);
		expect(can(kamenManager, 'adoption:record', { type: 'app' })).toBe(false);
		expect(can(kamenViewer, 'adoption:read')).toBe(true);
		expect(can(participant, 'adoption:read')).toBe(false);
		expect(can(kamenManager, 'adoption:publish')).toBe(false);
		expect(can(admin, 'adoption:publish')).toBe(true);
	});

	it('lets admins connect council information systems, and the body’s signatories follow them', () => {
		const own = { type: 'organisation', organisationId: kamen, kind: 'kommune' } as const;
		const other = { type: 'organisation', organisationId: unna, kind: 'kommune' } as const;
		expect(can(admin, 'oparl:configure', own)).toBe(true);
		expect(can(kamenManager, 'oparl:configure', own)).toBe(false);
		expect(can(kamenManager, 'oparl:follow', own)).toBe(true);
		expect(can(kamenManager, 'oparl:follow', other)).toBe(false);
		expect(can(kamenEditor, 'oparl:follow', own)).toBe(false);
		expect(can(admin, 'oparl:follow', other)).toBe(true);
		expect(can(participant, 'oparl:follow', own)).toBe(false);
	});

	it('lets signatories speak on passages for their own body only, admins included', () => {
		const document = {
			type: 'document',
			documentId: 'd',
			archived: false,
			viewersMayComment: true,
			viewersMayPropose: true
		} as const;
		const own = { type: 'organisation', organisationId: kamen, kind: 'kommune' } as const;
		const other = { type: 'organisation', organisationId: unna, kind: 'kommune' } as const;
		expect(can(kamenManager, 'document:consent', document)).toBe(true);
		expect(can(kamenManager, 'document:consent', { ...document, archived: true })).toBe(false);
		for (const actor of [kamenEditor, kamenViewer, admin, participant, anonymous]) {
			expect(can(actor, 'document:consent', document)).toBe(false);
		}
		expect(can(kamenManager, 'organisation:consent', own)).toBe(true);
		expect(can(kamenManager, 'organisation:consent', other)).toBe(false);
		expect(can(admin, 'organisation:consent', other)).toBe(false);
		expect(can(kamenEditor, 'organisation:consent', own)).toBe(false);
	});
});

describe('account authority', () => {
	const bergkamen = 'org-bergkamen';
	const kreis = 'org-kreis';
	const account = (
		memberships: { organisationId: string; roles: Role[] }[]
	): Extract<Resource, { type: 'account' }> => ({ type: 'account', userId: 'x', memberships });
	const onlyKamen = account([{ organisationId: kamen, roles: ['editor'] }]);
	const kamenAndBergkamen = account([
		{ organisationId: kamen, roles: ['viewer'] },
		{ organisationId: bergkamen, roles: ['signatory'] }
	]);
	const adminWithKamenRole = account([
		{ organisationId: kreis, roles: ['admin'] },
		{ organisationId: kamen, roles: ['editor'] }
	]);
	const onlyBergkamen = account([{ organisationId: bergkamen, roles: ['viewer'] }]);

	it('lets the manager of A act on a person only in A', () => {
		expect(can(kamenManager, 'account:manage', onlyKamen)).toBe(true);
		expect(can(kamenManager, 'account:view', onlyKamen)).toBe(true);
	});

	it('refuses the manager of A for a person also in B, and says which', () => {
		expect(can(kamenManager, 'account:manage', kamenAndBergkamen)).toBe(false);
		expect(can(kamenManager, 'account:view', kamenAndBergkamen)).toBe(true);
		expect(accountAuthorityGap(kamenManager, kamenAndBergkamen).organisationIds).toEqual([
			bergkamen
		]);
	});

	it('refuses the manager of A for an admin with a role in A', () => {
		expect(can(kamenManager, 'account:manage', adminWithKamenRole)).toBe(false);
		expect(accountAuthorityGap(kamenManager, adminWithKamenRole).admin).toBe(true);
	});

	it('refuses the manager of A for a person only in B, even to look', () => {
		expect(can(kamenManager, 'account:manage', onlyBergkamen)).toBe(false);
		expect(can(kamenManager, 'account:view', onlyBergkamen)).toBe(false);
	});

	it('counts ended memberships: they can be resumed', () => {
		const managerOfBoth: Actor = {
			kind: 'member',
			userId: 'mb',
			admin: false,
			memberships: [
				{ organisationId: kamen, roles: ['manager'] },
				{ organisationId: bergkamen, roles: ['manager'] }
			]
		};
		expect(can(managerOfBoth, 'account:manage', kamenAndBergkamen)).toBe(true);
		expect(can(managerOfBoth, 'account:manage', adminWithKamenRole)).toBe(false);
	});

	it('leaves a person without organisations, and every account, to admins', () => {
		const nobody = account([]);
		expect(can(kamenManager, 'account:manage', nobody)).toBe(false);
		expect(can(kamenManager, 'account:view', nobody)).toBe(false);
		for (const resource of [
			onlyKamen,
			kamenAndBergkamen,
			adminWithKamenRole,
			onlyBergkamen,
			nobody
		]) {
			expect(can(admin, 'account:manage', resource)).toBe(true);
		}
	});

	it('refuses everyone else', () => {
		for (const actor of [anonymous, participant, kamenEditor, kamenViewer]) {
			expect(can(actor, 'account:manage', onlyKamen)).toBe(false);
			expect(can(actor, 'account:view', onlyKamen)).toBe(false);
		}
	});
});

describe('the rules that guard one thing', () => {
	const kamenOrg = { type: 'organisation', organisationId: kamen, kind: 'kommune' } as const;
	const kreisOrg = { type: 'organisation', organisationId: 'org-kreis', kind: 'kreis' } as const;
	const document: DocumentResource = {
		type: 'document',
		documentId: 'd',
		archived: false,
		viewersMayComment: true,
		viewersMayPropose: false
	};

	it('keeps an admin’s membership from managers, and the admin role with it', () => {
		const plain = {
			type: 'membership',
			organisation: kamenOrg,
			roles: ['editor'],
			userId: 'e'
		} as const;
		const adminInKreis = {
			type: 'membership',
			organisation: kreisOrg,
			roles: ['admin'],
			userId: 'a2'
		} as const;
		expect(can(kamenManager, 'membership:change', plain)).toBe(true);
		expect(can(kamenViewer, 'membership:change', plain)).toBe(false);
		expect(can(admin, 'membership:change', adminInKreis)).toBe(true);
		const kreisManager: Actor = {
			kind: 'member',
			userId: 'k',
			admin: false,
			memberships: [{ organisationId: 'org-kreis', roles: ['manager'] }]
		};
		expect(can(kreisManager, 'membership:change', adminInKreis)).toBe(false);
		expect(rolesAfterChange(kreisManager, kreisOrg, ['viewer'], ['admin', 'editor'])).toEqual([
			'admin',
			'viewer'
		]);
		expect(rolesAfterChange(kreisManager, kreisOrg, ['admin'], ['viewer'])).toEqual([]);
		expect(rolesAfterChange(admin, kreisOrg, ['viewer'], ['admin'])).toEqual(['viewer']);
	});

	it('lets a manager end another’s membership, never their own', () => {
		const other: MembershipResource = {
			type: 'membership',
			organisation: kamenOrg,
			roles: ['editor'],
			userId: 'e'
		};
		const own: MembershipResource = { ...other, roles: ['manager', 'signatory'], userId: 'm' };
		expect(can(kamenManager, 'membership:end', other)).toBe(true);
		expect(can(kamenManager, 'membership:change', own)).toBe(true);
		expect(can(kamenManager, 'membership:end', own)).toBe(false);
		expect(can(kamenViewer, 'membership:end', other)).toBe(false);
	});

	it('lets who started a thread, and the editors, resolve it; never on archived documents', () => {
		const thread = { type: 'comment', document, authorId: 'v' } as const;
		expect(can(kamenViewer, 'comment:resolve', thread)).toBe(true);
		expect(can(kamenViewer, 'comment:resolve', { ...thread, authorId: 'e' })).toBe(false);
		expect(can(kamenViewer, 'comment:resolve', { ...thread, authorId: null })).toBe(false);
		expect(can(kamenEditor, 'comment:resolve', thread)).toBe(true);
		const archived = { ...thread, document: { ...document, archived: true } };
		expect(can(kamenViewer, 'comment:resolve', archived)).toBe(false);
		expect(can(kamenEditor, 'comment:resolve', archived)).toBe(false);
		const closed = { ...thread, document: { ...document, viewersMayComment: false } };
		expect(can(kamenViewer, 'comment:resolve', closed)).toBe(false);
		expect(can(participant, 'comment:resolve', thread)).toBe(false);
	});

	it('lets only who made a proposal change it, while they may propose', () => {
		const open = { ...document, viewersMayPropose: true };
		const proposal = { type: 'proposal', document: open, authorId: 'v' } as const;
		expect(can(kamenViewer, 'proposal:change', proposal)).toBe(true);
		// Editors decide on proposals (document:write); they do not rewrite someone else's.
		expect(can(kamenEditor, 'proposal:change', proposal)).toBe(false);
		expect(can(admin, 'proposal:change', proposal)).toBe(false);
		expect(can(kamenViewer, 'proposal:change', { ...proposal, document })).toBe(false);
		const archived = { ...proposal, document: { ...open, archived: true } };
		expect(can(kamenViewer, 'proposal:change', archived)).toBe(false);
	});

	it('closes an archived event to its participants', () => {
		const running = { type: 'event', eventId: 'e1', archived: false } as const;
		const archived = { ...running, archived: true };
		expect(can(participant, 'event:contribute', running)).toBe(true);
		expect(can(participant, 'event:contribute', archived)).toBe(false);
		expect(can(participant, 'event:contribute', { ...running, eventId: 'e2' })).toBe(false);
		expect(can(kamenEditor, 'event:contribute', running)).toBe(false);
		// Reading stays: the participant's pages say it is over.
		expect(can(participant, 'event:participate', archived)).toBe(true);
	});

	it('lets moderators run a board and change every card; others only theirs, while it is open', () => {
		const event = { type: 'event', eventId: 'e1', archived: false } as const;
		const board: BoardResource = { type: 'board', event, locked: false };
		const locked: BoardResource = { ...board, locked: true };
		const closed: BoardResource = { ...board, event: { ...event, archived: true } };
		const card = (on: BoardResource, participantId: string | null, userId: string | null) =>
			({ type: 'card', board: on, participantId, userId }) as const;
		expect(can(participant, 'board:moderate', board)).toBe(false);
		expect(can(kamenViewer, 'board:moderate', board)).toBe(false);
		expect(can(kamenEditor, 'board:moderate', board)).toBe(true);
		for (const on of [board, locked, closed]) {
			expect(can(kamenEditor, 'board:write', on)).toBe(true);
			expect(can(kamenEditor, 'card:change', card(on, 'p9', null))).toBe(true);
		}
		expect(can(participant, 'board:write', board)).toBe(true);
		expect(can(participant, 'board:write', locked)).toBe(false);
		expect(can(participant, 'board:write', closed)).toBe(false);
		expect(can(kamenViewer, 'board:write', closed)).toBe(false);
		expect(can(participant, 'card:change', card(board, 'p1', null))).toBe(true);
		expect(can(participant, 'card:change', card(board, 'p9', null))).toBe(false);
		expect(can(participant, 'card:change', card(closed, 'p1', null))).toBe(false);
		expect(can(kamenViewer, 'card:change', card(board, null, 'v'))).toBe(true);
		expect(can(kamenViewer, 'card:change', card(board, null, 'e'))).toBe(false);
		expect(can(anonymous, 'card:change', card(board, null, null))).toBe(false);
	});
});

describe('the route table’s fixture', () => {
	// tests/authz/route-table.ts expects these same answers from the running server.
	for (const group of Object.keys(accessGroups) as AccessGroup[]) {
		it(`answers “${group}” as the route table expects`, () => {
			const { action, resource } = accessGroups[group];
			const answers = Object.fromEntries(
				actorNames.map((name) => [
					name,
					can(fixtureActor(name), action, fixtureResources[resource] as Resource) ? 'allow' : 'deny'
				])
			);
			expect(answers).toEqual(access[group]);
		});
	}
});
