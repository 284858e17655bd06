import { listEvents } from '$lib/server/events/events';
import { authorize } from '$lib/server/http/guard';
import { can } from '$lib/server/policy';

export function load(event) {
	const { db } = event.locals.services;
	authorize(event, 'staff:view');
	const summary = (row: ReturnType<typeof listEvents>[number]) => ({
		slug: row.slug,
		title: row.title,
		date: row.date,
		place: row.place,
		joiningOpen: row.joiningOpen,
		workingGroupCount: row.workingGroupCount,
		participantCount: row.participantCount
	});
	return {
		events: listEvents(db).map(summary),
		archived: listEvents(db, { archived: true }).map(summary),
		canCreate: can(event.locals.actor, 'event:create')
	};
}
