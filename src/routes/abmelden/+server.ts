import { redirect } from '@sveltejs/kit';
import { db, revalidateLiveConnections } from '$lib/server/app';
import { recordAudit } from '$lib/server/accounts/audit';
import { deleteSessionCookie, invalidateSession } from '$lib/server/auth/session';
import { authorize } from '$lib/server/http/guard';

export function POST(event) {
	authorize(event, 'public:view');
	const { sessionId, user } = event.locals;
	if (sessionId && user) {
		invalidateSession(db(), sessionId);
		recordAudit(db(), {
			event: 'sign-out',
			actorUserId: user.id,
			subjectUserId: user.id,
			ipAddress: event.getClientAddress()
		});
	}
	deleteSessionCookie(event.cookies, event.url.protocol === 'https:');
	revalidateLiveConnections();
	redirect(303, '/anmelden?abgemeldet');
}
