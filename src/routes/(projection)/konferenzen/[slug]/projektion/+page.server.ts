import { attendance } from '$lib/server/app';
import { staffEvent } from '$lib/server/events/access';
import { qrCodeSvg } from '$lib/server/events/qr-code';
import { publicUrl } from '$lib/server/http/public-url';
import { isLocalOrigin } from '$lib/events';

export async function load(event) {
	const found = staffEvent(event, 'event:manage');
	const joinUrl = publicUrl(`/join/${found.joinCode}`, event.url);
	return {
		event: { slug: found.slug, title: found.title, joinCode: found.joinCode },
		joiningOpen: found.joiningOpen && !found.archivedAt,
		joinUrl,
		qrSvg: await qrCodeSvg(joinUrl),
		unreachable: isLocalOrigin(joinUrl),
		attendance: attendance(found.id)
	};
}
