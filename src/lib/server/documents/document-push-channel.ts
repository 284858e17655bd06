// A live channel per document on which only the server speaks (/collab/<kind>/<documentId>):
// each reader gets the state made for them when they connect, when their rights change and
// whenever publish() says the state changed. What is written goes through form actions.
import type { WebSocket } from 'ws';
import type { AppDatabase } from '../db/database';
import { log, errorFields } from '../log';
import { sendBounded } from '../realtime/connection-limits';
import type { ChannelContext, RealtimeChannel } from '../realtime/realtime-server';
import { documentResource } from '../policy';
import { findDocument } from './documents';

export interface DocumentPushChannel extends RealtimeChannel {
	publish(documentId: string): void;
}

export function documentPushChannel(
	db: AppDatabase,
	options: {
		/** For the log: what failed to publish. */
		name: string;
		/** The state of a document: what all readers share is read once, then shaped per reader. */
		state(documentId: string): (reader: ChannelContext) => object;
	}
): DocumentPushChannel {
	const readers = new Map<string, Map<WebSocket, ChannelContext>>();

	function send(documentId: string, targets: Iterable<[WebSocket, ChannelContext]>) {
		const stateFor = options.state(documentId);
		for (const [socket, context] of targets) {
			sendBounded(socket, JSON.stringify({ type: 'state', ...stateFor(context) }));
		}
	}

	return {
		action: 'document:read',
		resource(url) {
			const [, , id, ...rest] = url.pathname.split('/').filter(Boolean);
			if (!id || rest.length > 0 || !/^[0-9a-f-]{36}$/.test(id)) return undefined;
			const found = findDocument(db, id);
			return found ? documentResource(found) : undefined;
		},
		onConnection(socket, context) {
			if (context.resource.type !== 'document') return;
			const { documentId } = context.resource;
			const sockets = readers.get(documentId) ?? new Map<WebSocket, ChannelContext>();
			readers.set(documentId, sockets);
			sockets.set(socket, context);
			socket.on('message', () => socket.close(1003, 'Nur lesend'));
			socket.on('close', () => {
				sockets.delete(socket);
				if (sockets.size === 0) readers.delete(documentId);
			});
			send(documentId, [[socket, context]]);
		},
		updateAccess(socket, context) {
			if (context.resource.type !== 'document') return;
			const sockets = readers.get(context.resource.documentId);
			if (!sockets?.has(socket)) return;
			sockets.set(socket, context);
			send(context.resource.documentId, [[socket, context]]);
		},
		publish(documentId) {
			try {
				send(documentId, readers.get(documentId) ?? []);
			} catch (err) {
				log.error(`${options.name}.publish_failed`, { documentId, ...errorFields(err) });
			}
		}
	};
}
