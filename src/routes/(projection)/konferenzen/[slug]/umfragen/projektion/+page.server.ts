import { connectedPollParticipants, db } from '$lib/server/app';
import { staffEvent } from '$lib/server/events/access';
import { joinInfo } from '$lib/server/events/join-info';
import { pollSnapshot, staffPollState } from '$lib/server/polls/poll-state';

export async function load(event) {
	const found = staffEvent(event, 'event:moderate');
	return {
		event: { id: found.id, slug: found.slug, title: found.title },
		join: await joinInfo(found, event.url),
		poll: staffPollState(pollSnapshot(db(), found.id), connectedPollParticipants(found.id))
	};
}
