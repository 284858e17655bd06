// Starts the live channels (realtime/live-channels.ts) with what only start-up knows: who is
// asking on a connection, read from the request's cookies, once the app is ready.
import type { IncomingMessage } from 'node:http';
import { resolveSession } from '../auth/actor';
import { sessionCookieName } from '../auth/session';
import type { AppDatabase } from '../db/database';
import { participantCookieName, participantFromCookie } from '../events/participants';
import { anonymousActor, type Actor, type Resource } from '../policy';
import { startLiveChannels as startChannels, type LiveChannels } from '../realtime/live-channels';
import type { App } from './app-state';

function cookieFromHeader(header: string | undefined, cookieName: string): string | undefined {
	for (const part of header?.split(';') ?? []) {
		const [name, ...value] = part.trim().split('=');
		if (name === cookieName) return decodeURIComponent(value.join('='));
	}
	return undefined;
}

/** On an event's live channels its participant cookie speaks first; elsewhere the session. */
function realtimeActor(db: AppDatabase, request: IncomingMessage, resource: Resource): Actor {
	const cookies = request.headers.cookie;
	if (resource.type === 'event') {
		const name = participantCookieName(resource.eventId);
		const found = participantFromCookie(db, resource.eventId, cookieFromHeader(cookies, name));
		if (found) {
			return {
				kind: 'participant',
				participantId: found.participant.id,
				eventId: resource.eventId
			};
		}
	}
	return resolveSession(db, cookieFromHeader(cookies, sessionCookieName)).actor;
}

export function startLiveChannels(app: App, db: AppDatabase): LiveChannels {
	return startChannels(db, {
		publicOrigin: app.config.publicOrigin,
		limits: app.liveLimits,
		documentTimings: app.metrics.documents,
		resolveActor: async (request, resource) => {
			await app.ready;
			if (app.status !== 'ready') return anonymousActor;
			return realtimeActor(db, request, resource);
		}
	});
}
