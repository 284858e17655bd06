import { db } from '$lib/server/app';
import { authorize } from '$lib/server/http/guard';
import { listAdoptingBodies } from '$lib/server/workspace/organisations';

export function load(event) {
	authorize(event, 'staff:view');
	return {
		bodies: listAdoptingBodies(db()).map(({ id, name, ags }) => ({ id, name, ags }))
	};
}
