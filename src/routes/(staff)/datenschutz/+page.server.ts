import { sessionCookieName, sessionLifetimeMs } from '$lib/server/auth/session';
import {
	participantCookieLifetimeMs,
	participantCookieName
} from '$lib/server/events/participants';
import { authorize } from '$lib/server/http/guard';
import { localeCookieMaxAgeSeconds, localeCookieName } from '$lib/server/i18n/participant-locale';

const dayMs = 24 * 60 * 60 * 1000;

// The cookie names and periods come from the code that sets them, so this page cannot drift.
export function load(event) {
	const { config } = event.locals.services;
	authorize(event, 'public:view');
	return {
		sessionCookie: { name: sessionCookieName, days: Math.round(sessionLifetimeMs / dayMs) },
		participantCookie: {
			name: participantCookieName('<Kennung der Veranstaltung>'),
			days: Math.round(participantCookieLifetimeMs / dayMs)
		},
		languageCookie: {
			name: localeCookieName,
			days: Math.round((localeCookieMaxAgeSeconds * 1000) / dayMs)
		},
		participantRetentionDays: config.participantRetentionDays
	};
}
