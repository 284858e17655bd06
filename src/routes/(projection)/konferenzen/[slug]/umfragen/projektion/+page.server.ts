import { connectedPollParticipants, db } from '$lib/server/app';
import { staffEvent } from '$lib/server/events/access';
import { qrCodeSvg } from '$lib/server/events/qr-code';
import { publicUrl } from '$lib/server/http/public-url';
import { pollSnapshot, staffPollState } from '$lib/server/polls/poll-state';

export async function load(event) {
	const found = staffEvent(event, 'event:moderate');
	const joinUrl = publicUrl(`/join/${found.joinCode}`, event.url);
	return {
		event: { id: found.id, slug: found.slug, title: found.title, joinCode: found.joinCode },
		joiningOpen: found.joiningOpen && !found.archivedAt,
		joinUrl,
		qrSvg: await qrCodeSvg(joinUrl),
		poll: staffPollState(pollSnapshot(db(), found.id), connectedPollParticipants(found.id))
	};
}
