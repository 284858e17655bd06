// The WebSocket side of the app, on the same port as the pages: every connection under
// /collab/<channel>/… is checked for origin and permission before the handshake completes,
// then counted against the connections its person and its address may hold, kept alive by the
// heartbeat (or cut when its peer is gone), then handed to its channel. Connections closed for a policy reason get a code in 4400–4499, mirroring the HTTP
// status; y-websocket clients do not reconnect after those. Refusals the client may outlive by
// waiting get 1008. Every close reason is German: the clients show it.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { addressKey, type AddressOf } from '../http/client-address';
import { isSameOrigin } from '../http/same-origin';
import { log, newLogId, withLogFields } from '../log';
import { can, type Action, type Actor, type Resource } from '../policy';
import type { Rate } from '../token-buckets';
import { defaultMessageRate, limitIncomingMessages } from './connection-limits';
import { pathKey, parseChannelPath, type ChannelPath } from './channel-path';
import type { ConnectionQuota } from './connection-quota';
import { Heartbeat } from './heartbeat';
import { logUnderConnectionId } from './connection-log';
import { closeReasons } from '../../live/close-reasons';

export interface ChannelContext {
	actor: Actor;
	url: URL;
	/** The URL's path as the channels read it (see channel-path.ts). */
	path: ChannelPath;
	/** What the URL names, as the channel's resource() found it. */
	resource: Resource;
	/** The client's address, as limits per address count it (see addressKey). */
	address: string;
}

export interface RealtimeChannel {
	/** What the actor must be allowed to do to connect. */
	action: Action;
	resource?(path: ChannelPath): Resource | undefined;
	onConnection(socket: WebSocket, context: ChannelContext): void;
	/** How many messages a client may send; a faster one is disconnected. */
	messageRate?: Rate;
	/**
	 * Called when a connection was checked again and may stay open; the context holds the actor
	 * and resource as they are now (a document may have been archived meanwhile).
	 */
	updateAccess?(socket: WebSocket, context: ChannelContext): void;
}

export interface RealtimeServerOptions {
	publicOrigin: string;
	channels: Record<string, RealtimeChannel>;
	/** Who is asking, for this resource: a participant's cookie counts only for its own event. */
	resolveActor(request: IncomingMessage, resource: Resource): Actor | Promise<Actor>;
	/** The client's network address (behind a proxy, from its header). */
	addressOf: AddressOf;
	/** How many connections a person and an address may hold. */
	connectionQuota: ConnectionQuota;
	/** Largest message a client may send, in bytes. */
	maxPayload?: number;
	/** Pings every connection this often; 0 for none. */
	heartbeatMs?: number;
}

export interface RealtimeServer {
	handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
	/**
	 * Checks every open connection against its session, its rights and its resource again, and
	 * closes those that lost them: after a sign-out, a deactivation, a role change, archiving or
	 * deleting a document, and periodically for expiry.
	 */
	revalidate(): Promise<void>;
	close(): Promise<void>;
	readonly connectionCount: number;
	/** Open connections per channel, every channel named (0 for none), for the metrics. */
	connectionsByChannel(): Record<string, number>;
}

const statusText: Record<number, string> = {
	400: 'Bad Request',
	401: 'Unauthorized',
	403: 'Forbidden',
	404: 'Not Found',
	500: 'Internal Server Error'
};

function resourceOf(channel: RealtimeChannel, path: ChannelPath): Resource | undefined {
	return channel.resource ? channel.resource(path) : { type: 'app' };
}

function refuse(socket: Duplex, status: number, message: string): void {
	const body = Buffer.from(message, 'utf8');
	socket.end(
		`HTTP/1.1 ${status} ${statusText[status]}\r\n` +
			'Connection: close\r\nContent-Type: text/plain; charset=utf-8\r\n' +
			`Content-Length: ${body.length}\r\n\r\n${message}`
	);
}

export function createRealtimeServer(options: RealtimeServerOptions): RealtimeServer {
	const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxPayload ?? 1 << 20 });
	const heartbeat = new Heartbeat(options.heartbeatMs);
	const sockets = new Map<
		WebSocket,
		{ request: IncomingMessage; channel: RealtimeChannel; context: ChannelContext }
	>();

	async function upgrade(
		request: IncomingMessage,
		socket: Duplex,
		head: Buffer,
		id: string
	): Promise<void> {
		const url = new URL(request.url ?? '/', 'http://localhost');
		const path = parseChannelPath(url.pathname);
		if (!path) {
			socket.destroy();
			return;
		}
		if (!isSameOrigin(request.headers.origin, request.headers.host, options.publicOrigin)) {
			refuse(socket, 403, 'Verbindung nur von dieser Anwendung aus erlaubt.');
			return;
		}
		const channelName = path.channel;
		const channel = Object.hasOwn(options.channels, channelName)
			? options.channels[channelName]
			: undefined;
		if (!channel) {
			refuse(socket, 404, 'Unbekannter Kanal.');
			return;
		}
		const resource = resourceOf(channel, path);
		if (!resource) {
			refuse(socket, 404, 'Nicht gefunden.');
			return;
		}
		const actor = await options.resolveActor(request, resource);
		if (!can(actor, channel.action, resource)) {
			const status = actor.kind === 'anonymous' ? 401 : 403;
			refuse(socket, status, 'Keine Berechtigung für diese Verbindung.');
			return;
		}
		if (socket.destroyed) return;
		const address = addressKey(options.addressOf(request));
		wss.handleUpgrade(request, socket, head, (ws) => {
			logUnderConnectionId(ws, id);
			ws.on('error', (err) => log.warn('realtime.socket_error', { error: err.message }));
			// Counted once the socket exists, so that a client gone during the handshake takes no place.
			// The refusal goes over the socket: a browser learns nothing from a refused handshake.
			const admission = options.connectionQuota.admit({
				address,
				actor,
				target: pathKey(path)
			});
			if (!admission.ok) {
				log.warn('realtime.connection_refused', { channel: channelName, reason: admission.reason });
				ws.close(admission.code, admission.reason);
				return;
			}
			const context = { actor, url, path, resource, address };
			sockets.set(ws, { request, channel, context });
			const opened = Date.now();
			log.info('realtime.opened', { channel: channelName, actor: actor.kind });
			ws.on('close', (code: number) => {
				sockets.delete(ws);
				admission.release();
				log.info('realtime.closed', {
					channel: channelName,
					code,
					seconds: Math.round((Date.now() - opened) / 1000)
				});
			});
			heartbeat.track(ws);
			limitIncomingMessages(ws, channel.messageRate ?? defaultMessageRate, channelName);
			channel.onConnection(ws, context);
		});
	}

	// Sessions also end by expiry, with no request to notice it.
	const revalidation = setInterval(() => {
		server
			.revalidate()
			.catch((err: unknown) => log.error('realtime.revalidate_failed', { error: String(err) }));
	}, 60_000);
	revalidation.unref();

	const server: RealtimeServer = {
		handleUpgrade(request, socket, head) {
			// A client that hangs up during the checks must not crash the process.
			socket.on('error', () => socket.destroy());
			const id = newLogId();
			withLogFields({ connection: id }, () =>
				upgrade(request, socket, head, id).catch((err: unknown) => {
					log.error('realtime.upgrade_failed', { error: String(err) });
					if (!socket.destroyed) refuse(socket, 500, 'Interner Fehler.');
				})
			);
		},
		async revalidate() {
			for (const [ws, { request, channel, context }] of [...sockets]) {
				const resource = resourceOf(channel, context.path);
				if (!resource) {
					ws.close(4404, closeReasons.gone);
					continue;
				}
				const actor = await options.resolveActor(request, resource);
				if (!can(actor, channel.action, resource)) {
					ws.close(actor.kind === 'anonymous' ? 4401 : 4403, closeReasons.permissionEnded);
					continue;
				}
				context.actor = actor;
				context.resource = resource;
				channel.updateAccess?.(ws, context);
			}
		},
		async close() {
			clearInterval(revalidation);
			heartbeat.stop();
			const closed = [...sockets.keys()].map(
				(ws) =>
					new Promise<void>((resolve) => {
						ws.once('close', () => resolve());
						ws.close(1001, closeReasons.serverStopping);
						setTimeout(() => {
							ws.terminate();
							resolve();
						}, 1000).unref();
					})
			);
			await Promise.all(closed);
			await new Promise<void>((resolve) => wss.close(() => resolve()));
		},
		get connectionCount() {
			return sockets.size;
		},
		connectionsByChannel() {
			const counts: Record<string, number> = {};
			for (const name of Object.keys(options.channels)) counts[name] = 0;
			for (const { context } of sockets.values()) counts[context.path.channel] += 1;
			return counts;
		}
	};
	return server;
}
