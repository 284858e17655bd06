import { can } from '$lib/server/policy';
import { workspaceName } from '$lib/server/workspace/organisations';

export function load({ locals }) {
	const { db } = locals.services;
	return {
		workspaceName: workspaceName(db),
		user: locals.user ? { name: locals.user.name } : null,
		canViewAudit: can(locals.actor, 'audit:view')
	};
}
