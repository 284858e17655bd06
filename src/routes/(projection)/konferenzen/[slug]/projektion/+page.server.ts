import { db } from '$lib/server/app';
import { staffEvent } from '$lib/server/events/access';
import { participantCounts } from '$lib/server/events/events';
import { joinInfo } from '$lib/server/events/join-info';

export async function load(event) {
	const found = staffEvent(event, 'event:manage');
	const participants = [...participantCounts(db(), found.id).values()].reduce((a, b) => a + b, 0);
	return {
		event: { slug: found.slug, title: found.title },
		join: await joinInfo(found, event.url),
		participants
	};
}
