// Every live channel of the app, the realtime server that admits connections to them, and their
// subscription to the change feed: after a domain function announced a change, the channels
// that show it push it, so no route has to remember to.
import type { IncomingMessage } from 'node:http';
import type { Attendance } from '$lib/attendance';
import type { LiveDocumentTimings } from '../collab/live-document';
import { boardChannel } from '../boards/board-channel';
import { commentChannel } from '../comments/comment-channel';
import { consensusChannel } from '../consensus/consensus-channel';
import { announce, listen, type Change } from '../db/changes';
import type { AppDatabase } from '../db/database';
import { documentChannel } from '../documents/document-channel';
import { eventAttendance } from '../events/attendance';
import { addressResolver } from '../http/client-address';
import type { LiveLimits } from '../live-limits';
import { errorFields, log } from '../log';
import type { Actor, Resource } from '../policy';
import { pollChannel } from '../polls/poll-channel';
import type { LiveDocuments, LiveStatus } from '../services';
import { ConnectionQuota } from './connection-quota';
import { echoChannel } from './echo-channel';
import { EventPresence } from './event-presence';
import { createRealtimeServer, type RealtimeServer } from './realtime-server';

export interface LiveChannelsOptions {
	publicOrigin: string;
	limits: LiveLimits;
	/** Who is asking on a connection, for this resource. */
	resolveActor(request: IncomingMessage, resource: Resource): Actor | Promise<Actor>;
	/** Told how long the live documents take to store and compact (the operators' metrics). */
	documentTimings?: LiveDocumentTimings;
}

export interface LiveChannels {
	handleUpgrade: RealtimeServer['handleUpgrade'];
	/** The documents' texts as the live server holds them. */
	documents: LiveDocuments;
	/** Who joined an event and who of them is connected now. */
	attendance(eventId: string): Attendance;
	/** Open connections and connected participants per event, now. */
	status(): LiveStatus;
	/** Open connections per channel, for the metrics. */
	connectionsByChannel(): Record<string, number>;
	/** Documents held in memory now, for the metrics. */
	loadedDocuments(): number;
	/** Stops listening and closes every connection. */
	close(): Promise<void>;
}

export function startLiveChannels(db: AppDatabase, options: LiveChannelsOptions): LiveChannels {
	const documents = documentChannel(db, options.limits, options.documentTimings);
	const presence = new EventPresence({
		onChange: (eventId) => announce(db, { topic: 'attendance', eventId })
	});
	const boards = boardChannel(db, options.limits, presence);
	const polls = pollChannel(db, presence);
	const comments = commentChannel(db);
	const consensus = consensusChannel(db);
	const realtime = createRealtimeServer({
		publicOrigin: options.publicOrigin,
		channels: {
			echo: echoChannel,
			document: documents,
			board: boards,
			poll: polls,
			comments,
			consensus
		},
		resolveActor: options.resolveActor,
		addressOf: addressResolver(),
		connectionQuota: new ConnectionQuota({
			perPerson: options.limits.connectionsPerPerson,
			perAddress: options.limits.connectionsPerAddress
		}),
		heartbeatMs: options.limits.heartbeatMs
	});

	function relay(change: Change): void {
		switch (change.topic) {
			case 'comments':
				comments.push(change.documentId);
				return;
			case 'consensus':
				consensus.push(change.documentId);
				return;
			case 'polls':
				polls.publish(change.eventId);
				return;
			case 'attendance':
				polls.publishAttendance(change.eventId);
				boards.publishAttendance(change.eventId);
				return;
			case 'access':
				realtime
					.revalidate()
					.catch((err: unknown) => log.error('realtime.revalidate_failed', errorFields(err)));
				return;
		}
	}
	const stopListening = listen(db, relay);

	return {
		handleUpgrade: (request, socket, head) => realtime.handleUpgrade(request, socket, head),
		documents: {
			presentUserIds: (documentId) => documents.presentUserIds(documentId),
			change: (documentId, edit) => documents.change(documentId, edit),
			inspect: (documentId, read) => documents.inspect(documentId, read)
		},
		attendance: (eventId) => eventAttendance(db, presence, eventId),
		status: () => ({
			connections: realtime.connectionCount,
			loadedDocuments: documents.loadedDocuments,
			participantsByEvent: presence.connectedByEvent()
		}),
		connectionsByChannel: () => realtime.connectionsByChannel(),
		loadedDocuments: () => documents.loadedDocuments,
		async close() {
			stopListening();
			await realtime.close();
		}
	};
}
