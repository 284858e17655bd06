import { requirePermission } from '$lib/server/http/guard';

export function load({ locals }) {
	requirePermission(locals.actor, 'public:view');
	return {};
}
