import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { InviteForm, MemberForm, RolesForm } from '$lib/server/accounts/forms';
import { accountResource } from '$lib/server/accounts/account';
import { createInvitation } from '$lib/server/accounts/links';
import { listMembers, setMembershipActive, setRoles } from '$lib/server/accounts/members';
import type { Role } from '$lib/server/db/schema';
import { parseForm } from '$lib/server/http/forms';
import { mailIsOn } from '$lib/server/mail/outbox';
import { authorize, signedInUser } from '$lib/server/http/guard';
import { publicUrl } from '$lib/server/http/public-url';
import {
	accountAuthorityGap,
	can,
	grantableRoles,
	rolesAfterChange,
	type Actor,
	type MembershipResource,
	type OrganisationResource
} from '$lib/server/policy';
import { findOrganisationBySlug, listOrganisations } from '$lib/server/workspace/organisations';
import type { AppDatabase } from '$lib/server/db/database';

function organisationOf(event: Pick<RequestEvent, 'params' | 'locals'>) {
	const { db } = event.locals.services;
	const org = findOrganisationBySlug(db, (event.params as { slug: string }).slug);
	if (!org) error(404, 'Diese Organisation gibt es nicht.');
	const resource: OrganisationResource = {
		type: 'organisation',
		organisationId: org.id,
		kind: org.kind
	};
	return { org, resource };
}

function refuseUngrantable(actor: Actor, resource: OrganisationResource, roles: Role[]) {
	const grantable = grantableRoles(actor, resource);
	const refused = roles.filter((role) => !grantable.includes(role));
	return refused.length > 0
		? fail(403, { message: 'Diese Rolle dürfen Sie nicht vergeben.' })
		: undefined;
}

function membershipOf(
	organisation: OrganisationResource,
	member: { userId: string; roles: Role[] }
): MembershipResource {
	return { type: 'membership', organisation, roles: member.roles, userId: member.userId };
}

function notAMember(action: string) {
	return fail(404, { action, message: 'Diese Person gehört nicht zu dieser Organisation.' });
}

function memberOf(db: AppDatabase, organisationId: string, userId: string) {
	return listMembers(db, organisationId).find((member) => member.userId === userId);
}

export function load(event) {
	const { db } = event.locals.services;
	authorize(event, 'staff:view');
	const { org, resource } = organisationOf(event);
	const actor = event.locals.actor;
	const canManage = can(actor, 'organisation:manage-members', resource);
	const names = new Map(listOrganisations(db).map((o) => [o.id, o.name]));
	return {
		organisation: {
			slug: org.slug,
			name: org.name,
			kind: org.kind,
			ags: org.ags,
			adopting: org.adopting
		},
		canManage,
		mailOn: mailIsOn(),
		canConnectOparl: org.adopting && can(actor, 'oparl:configure', resource),
		grantableRoles: grantableRoles(actor, resource),
		members: listMembers(db, org.id).map((member) => {
			const account = accountResource(db, member.userId);
			const gap = accountAuthorityGap(actor, account);
			return {
				userId: member.userId,
				name: member.name,
				email: canManage ? member.email : null,
				roles: member.roles,
				active: !member.deactivatedAt && !member.accountDeactivatedAt,
				isSelf: member.userId === event.locals.user?.id,
				protectedAdmin:
					canManage && !can(actor, 'membership:change', membershipOf(resource, member)),
				account: {
					mayView: can(actor, 'account:view', account),
					mayManage: can(actor, 'account:manage', account),
					refusal: {
						otherOrganisations: gap.organisationIds.map((id) => names.get(id) ?? id),
						admin: gap.admin,
						noOrganisation: gap.noOrganisation
					}
				}
			};
		})
	};
}

export const actions = {
	invite: async (event) => {
		const { config, db } = event.locals.services;
		const { org, resource } = organisationOf(event);
		authorize(event, 'organisation:manage-members', resource);
		const user = signedInUser(event);
		const form = parseForm(InviteForm, await event.request.formData(), ['roles']);
		if (!form.ok) return fail(400, { action: 'invite', message: form.message });
		const refused = refuseUngrantable(event.locals.actor, resource, form.value.roles);
		if (refused) return refused;
		const link = createInvitation(db, {
			email: form.value.email,
			organisationId: org.id,
			roles: form.value.roles,
			createdBy: user.id,
			linkUrl: (path) => publicUrl(config, path, event.url)
		});
		return {
			action: 'invite',
			link: publicUrl(config, link.path, event.url),
			email: form.value.email,
			expiresAt: link.expiresAt,
			mailed: link.mailed
		};
	},
	roles: async (event) => {
		const { db } = event.locals.services;
		const { org, resource } = organisationOf(event);
		authorize(event, 'organisation:manage-members', resource);
		const user = signedInUser(event);
		const form = parseForm(RolesForm, await event.request.formData(), ['roles']);
		if (!form.ok) return fail(400, { action: 'roles', message: form.message });
		const member = memberOf(db, org.id, form.value.userId);
		if (!member) return notAMember('roles');
		const roles = rolesAfterChange(event.locals.actor, resource, form.value.roles, member.roles);
		const refused = refuseUngrantable(
			event.locals.actor,
			resource,
			roles.filter((role) => !member.roles.includes(role))
		);
		if (refused) return refused;
		const result = setRoles(db, {
			actorUserId: user.id,
			userId: member.userId,
			organisationId: org.id,
			roles
		});
		if (!result.ok) return fail(400, { action: 'roles', message: result.message });
		return { action: 'roles', success: `Die Rollen von ${member.name} sind gespeichert.` };
	},
	deactivate: async (event) => setActive(event, false),
	reactivate: async (event) => setActive(event, true)
};

async function setActive(event: RequestEvent<{ slug: string }>, active: boolean) {
	const { db } = event.locals.services;
	const { org, resource } = organisationOf(event);
	authorize(event, 'organisation:manage-members', resource);
	const user = signedInUser(event);
	const form = parseForm(MemberForm, await event.request.formData());
	if (!form.ok) return fail(400, { action: 'active', message: form.message });
	const member = memberOf(db, org.id, form.value.userId);
	if (!member) return notAMember('active');
	const changed = membershipOf(resource, member);
	if (!can(event.locals.actor, 'membership:change', changed)) {
		return fail(403, {
			action: 'active',
			message: 'Eine Administration deaktiviert nur eine Administration.'
		});
	}
	if (!active && !can(event.locals.actor, 'membership:end', changed)) {
		return fail(403, { action: 'active', message: 'Sie können sich nicht selbst deaktivieren.' });
	}
	const result = setMembershipActive(db, {
		actorUserId: user.id,
		userId: member.userId,
		organisationId: org.id,
		active
	});
	if (!result.ok) return fail(400, { action: 'active', message: result.message });
	return {
		action: 'active',
		success: active
			? `${member.name} ist in ${org.name} wieder aktiv.`
			: `${member.name} ist in ${org.name} deaktiviert.`
	};
}
