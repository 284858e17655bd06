import { authorize } from '$lib/server/http/guard';
import { operationsStatus } from '$lib/server/operations/status';

export function load(event) {
	authorize(event, 'operations:view');
	const { db, config, liveStatus } = event.locals.services;
	return { status: operationsStatus({ db, config, live: liveStatus(), now: new Date() }) };
}
