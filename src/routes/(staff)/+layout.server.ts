import { db } from '$lib/server/app';
import { can } from '$lib/server/policy';
import { findKreis } from '$lib/server/workspace/organisations';

export function load({ locals }) {
	return {
		workspaceName: findKreis(db())?.name ?? 'Leitbild-Werkstatt',
		user: locals.user ? { name: locals.user.name } : null,
		canViewAudit: can(locals.actor, 'audit:view')
	};
}
