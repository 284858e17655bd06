import type { RequestEvent } from '@sveltejs/kit';
import type { AppDatabase } from '../db/database';
import { createSession, invalidateSession, setSessionCookie } from './session';

/**
 * Signs a person in on this request: always a new session and token, and the one the browser
 * still carried ends here (no session fixation).
 */
export function startSession(
	db: AppDatabase,
	event: Pick<RequestEvent, 'cookies' | 'locals' | 'url'>,
	userId: string
): void {
	if (event.locals.sessionId) invalidateSession(db, event.locals.sessionId);
	const session = createSession(db, userId);
	setSessionCookie(
		event.cookies,
		session.token,
		session.expiresAt,
		event.url.protocol === 'https:'
	);
}
