import { redirect } from '@sveltejs/kit';
import { recordAudit } from '$lib/server/accounts/audit';
import { deleteSessionCookie, invalidateSession } from '$lib/server/auth/session';
import { authorize } from '$lib/server/http/guard';

export function POST(event) {
	const { db } = event.locals.services;
	authorize(event, 'public:view');
	const { sessionId, user } = event.locals;
	if (sessionId && user) {
		invalidateSession(db, sessionId);
		recordAudit(db, {
			event: 'sign-out',
			actorUserId: user.id,
			subjectUserId: user.id,
			ipAddress: event.getClientAddress()
		});
	}
	deleteSessionCookie(event.cookies, event.url.protocol === 'https:');
	redirect(303, '/anmelden?abgemeldet');
}
