import { staffEvent } from '$lib/server/http/resource-guards';
import { joinInfo } from '$lib/server/events/join-info';
import { pollSnapshot, projectionPollState } from '$lib/server/polls/poll-state';

export async function load(event) {
	const { db, attendance } = event.locals.services;
	const found = staffEvent(event.locals.services.db, event, 'event:moderate');
	return {
		event: { id: found.id, slug: found.slug, title: found.title },
		join: await joinInfo(event.locals.services.config, found, event.url),
		// What the hall may see, no more: the page's data is readable in its source too.
		poll: projectionPollState(pollSnapshot(db, found.id), attendance(found.id))
	};
}
