import { attendance, db } from '$lib/server/app';
import { staffEvent } from '$lib/server/events/access';
import { qrCodeSvg } from '$lib/server/events/qr-code';
import { publicUrl } from '$lib/server/http/public-url';
import { pollSnapshot, projectionPollState } from '$lib/server/polls/poll-state';

export async function load(event) {
	const found = staffEvent(event, 'event:moderate');
	const joinUrl = publicUrl(`/join/${found.joinCode}`, event.url);
	return {
		event: { id: found.id, slug: found.slug, title: found.title, joinCode: found.joinCode },
		joiningOpen: found.joiningOpen && !found.archivedAt,
		joinUrl,
		qrSvg: await qrCodeSvg(joinUrl),
		// What the hall may see, no more: the page's data is readable in its source too.
		poll: projectionPollState(pollSnapshot(db(), found.id), attendance(found.id))
	};
}
