import { countActiveMembers } from '$lib/server/accounts/members';
import { authorize } from '$lib/server/http/guard';
import { can } from '$lib/server/policy';
import { listOrganisations } from '$lib/server/workspace/organisations';

export function load(event) {
	const { db } = event.locals.services;
	authorize(event, 'staff:view');
	const memberCounts = countActiveMembers(db);
	return {
		canViewAudit: can(event.locals.actor, 'audit:view'),
		canViewFeedback: can(event.locals.actor, 'feedback:view'),
		canManageMail: can(event.locals.actor, 'mail:manage'),
		canViewOperations: can(event.locals.actor, 'operations:view'),
		organisations: listOrganisations(db).map(({ id, slug, name, kind, ags, adopting }) => ({
			slug,
			name,
			kind,
			ags,
			adopting,
			members: memberCounts.get(id) ?? 0,
			canManage: can(event.locals.actor, 'organisation:manage-members', {
				type: 'organisation',
				organisationId: id,
				kind
			})
		}))
	};
}
