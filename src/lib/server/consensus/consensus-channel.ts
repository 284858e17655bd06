// Live consensus of a document: /collab/consensus/<documentId>. The server only speaks: whenever
// a mark changes it sends everyone in the document the current marks, and each the bodies they
// may speak for. Marks are written through the document page's form actions, which then call
// publish().
import type { WebSocket } from 'ws';
import type { AdoptingBody } from '$lib/consensus';
import type { AppDatabase } from '../db/database';
import { documentResource } from '../documents/access';
import { findDocument } from '../documents/documents';
import { log, errorFields } from '../log';
import { can, type Actor, type Resource } from '../policy';
import { sendBounded } from '../realtime/connection-limits';
import type { ChannelContext, RealtimeChannel } from '../realtime/realtime-server';
import { listAdoptingBodies } from '../workspace/organisations';
import { consensusMarks } from './consensus';

export interface ConsensusChannel extends RealtimeChannel {
	publish(documentId: string): void;
}

/** The adopting bodies an actor may mark this document's passages for (none when archived). */
export function bodiesToSignFor(db: AppDatabase, actor: Actor, document: Resource): AdoptingBody[] {
	if (!can(actor, 'document:consent', document)) return [];
	return listAdoptingBodies(db)
		.filter((body) =>
			can(actor, 'organisation:consent', {
				type: 'organisation',
				organisationId: body.id,
				kind: body.kind
			})
		)
		.map(({ id, name, shortName }) => ({ id, name, shortName }));
}

export function consensusChannel(db: AppDatabase): ConsensusChannel {
	const readers = new Map<string, Map<WebSocket, ChannelContext>>();

	function send(documentId: string, targets: Iterable<[WebSocket, ChannelContext]>) {
		const marks = consensusMarks(db, documentId);
		const bodies = listAdoptingBodies(db).map(({ id, name, shortName }) => ({
			id,
			name,
			shortName
		}));
		for (const [socket, { actor, resource }] of targets) {
			sendBounded(
				socket,
				JSON.stringify({
					type: 'state',
					bodies,
					marks,
					signFor: bodiesToSignFor(db, actor, resource)
				})
			);
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
				log.error('consensus.publish_failed', { documentId, ...errorFields(err) });
			}
		}
	};
}
