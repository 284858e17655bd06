import { db } from '$lib/server/app';
import { requirePermission } from '$lib/server/http/guard';
import { listAdoptingBodies } from '$lib/server/workspace/organisations';

export function load({ locals }) {
	requirePermission(locals.actor, 'public:view');
	return {
		bodies: listAdoptingBodies(db()).map(({ id, name, ags }) => ({ id, name, ags }))
	};
}
