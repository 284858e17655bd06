import { db } from '$lib/server/app';
import { eventBoardResults } from '$lib/server/boards/results';
import { staffEvent } from '$lib/server/events/access';

export function load(event) {
	const found = staffEvent(event, 'event:view');
	return {
		event: {
			slug: found.slug,
			title: found.title,
			date: found.date,
			asksAffiliation: found.asksAffiliation
		},
		boards: eventBoardResults(db(), found)
	};
}
