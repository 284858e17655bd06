// Live comments and change proposals of a document: /collab/comments/<documentId>. The server
// only speaks: whenever a thread or a proposal changes it sends everyone in the document the
// threads and proposals, and each what they may do. Both are written through the document
// page's form actions, which then call publish().
import type { WebSocket } from 'ws';
import type { AppDatabase } from '../db/database';
import { documentResource } from '../documents/access';
import { findDocument } from '../documents/documents';
import { log, errorFields } from '../log';
import { can } from '../policy';
import { sendBounded } from '../realtime/connection-limits';
import type { ChannelContext, RealtimeChannel } from '../realtime/realtime-server';
import { documentProposals } from '../proposals/proposals';
import { commentThreads } from './comments';

export interface CommentChannel extends RealtimeChannel {
	publish(documentId: string): void;
}

export function commentChannel(db: AppDatabase): CommentChannel {
	const readers = new Map<string, Map<WebSocket, ChannelContext>>();

	function send(documentId: string, targets: Iterable<[WebSocket, ChannelContext]>) {
		const threads = commentThreads(db, documentId);
		const proposals = documentProposals(db, documentId);
		for (const [socket, { actor, resource }] of targets) {
			sendBounded(
				socket,
				JSON.stringify({
					type: 'state',
					threads,
					proposals,
					canComment: can(actor, 'document:comment', resource),
					canPropose: can(actor, 'document:propose', resource),
					// Editors resolve and reopen any thread, and decide proposals; authors their own.
					canModerate: can(actor, 'document:write', resource)
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
				log.error('comments.publish_failed', { documentId, ...errorFields(err) });
			}
		}
	};
}
