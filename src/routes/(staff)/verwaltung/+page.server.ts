import { db } from '$lib/server/app';
import { requirePermission } from '$lib/server/http/guard';
import { listOrganisations } from '$lib/server/workspace/organisations';

export function load({ locals }) {
	requirePermission(locals.actor, 'public:view');
	return {
		organisations: listOrganisations(db()).map(({ id, name, kind, ags, adopting }) => ({
			id,
			name,
			kind,
			ags,
			adopting
		}))
	};
}
