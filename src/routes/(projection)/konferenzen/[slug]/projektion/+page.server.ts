import { staffEvent } from '$lib/server/http/resource-guards';
import { joinInfo } from '$lib/server/events/join-info';

export async function load(event) {
	const { attendance } = event.locals.services;
	const found = staffEvent(event.locals.services.db, event, 'event:manage');
	return {
		event: { slug: found.slug, title: found.title },
		join: await joinInfo(event.locals.services.config, found, event.url),
		attendance: attendance(found.id)
	};
}
