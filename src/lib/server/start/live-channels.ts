// The live channels and the WebSocket server they share: created once the database is ready, and
// told of every change the domain announces on the database's change feed.
import type { IncomingMessage } from 'node:http';
import { resolveSession } from '../auth/actor';
import { sessionCookieName } from '../auth/session';
import { boardChannel } from '../boards/board-channel';
import { commentChannel } from '../comments/comment-channel';
import { consensusChannel } from '../consensus/consensus-channel';
import { announce, listen, type Change } from '../db/changes';
import type { AppDatabase } from '../db/database';
import { documentChannel } from '../documents/document-channel';
import { participantCookieName, participantFromCookie } from '../events/participants';
import { addressResolver } from '../http/client-address';
import { log, errorFields } from '../log';
import { anonymousActor, type Actor, type Resource } from '../policy';
import { pollChannel } from '../polls/poll-channel';
import { ConnectionQuota } from '../realtime/connection-quota';
import { echoChannel } from '../realtime/echo-channel';
import { EventPresence } from '../realtime/event-presence';
import { createRealtimeServer } from '../realtime/realtime-server';
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

/** The live channels hear of every change the domain announces. */
function relayChange(app: App, change: Change): void {
	switch (change.topic) {
		case 'comments':
			app.comments?.publish(change.documentId);
			return;
		case 'consensus':
			app.consensus?.publish(change.documentId);
			return;
		case 'polls':
			app.polls?.publish(change.eventId);
			return;
		case 'attendance':
			app.polls?.publishAttendance(change.eventId);
			app.boards?.publishAttendance(change.eventId);
			return;
		case 'access':
			app.realtime
				?.revalidate()
				.catch((err: unknown) => log.error('realtime.revalidate_failed', errorFields(err)));
			return;
	}
}

export function startLiveChannels(app: App, db: AppDatabase): void {
	app.documents = documentChannel(db, app.liveLimits);
	app.presence = new EventPresence({
		onChange: (eventId) => announce(db, { topic: 'attendance', eventId })
	});
	app.boards = boardChannel(db, app.liveLimits, app.presence);
	app.polls = pollChannel(db, app.presence);
	app.comments = commentChannel(db);
	app.consensus = consensusChannel(db);
	app.realtime = createRealtimeServer({
		publicOrigin: app.config.publicOrigin,
		channels: {
			echo: echoChannel,
			document: app.documents,
			board: app.boards,
			poll: app.polls,
			comments: app.comments,
			consensus: app.consensus
		},
		resolveActor: async (request, resource) => {
			await app.ready;
			if (app.status !== 'ready') return anonymousActor;
			return realtimeActor(db, request, resource);
		},
		addressOf: addressResolver(),
		connectionQuota: new ConnectionQuota({
			perPerson: app.liveLimits.connectionsPerPerson,
			perAddress: app.liveLimits.connectionsPerAddress
		})
	});
	listen(db, (change) => relayChange(app, change));
}
