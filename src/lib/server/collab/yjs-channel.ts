// The y-websocket protocol (sync and awareness) for any kind of live Yjs document: wires each
// connection to its document (live-document.ts: load, store, compaction, size bound) and to the
// document's presence (presence-guard.ts); both reach everyone once per turn (tick-relay.ts).
// What a document is, where it is stored and who may write it are parameters. A change the document has no room for closes its sender with 4413
// (the editor turns read-only and says so).
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import type { WebSocket } from 'ws';
import * as Y from 'yjs';
import { log } from '../log';
import type { Action, Actor, Resource } from '../policy';
import type { ChannelPath } from '../realtime/channel-path';
import { sendBounded } from '../realtime/connection-limits';
import type { ChannelContext, RealtimeChannel } from '../realtime/realtime-server';
import { LiveDocument, type LiveDocumentStore, type LiveDocumentTimings } from './live-document';
import type { PresenceLimits } from './presence-budget';
import { PresenceGuard } from './presence-guard';
import { TickRelay } from './tick-relay';

const messageSync = 0;
const messageAwareness = 1;
/** A browser speaks for its own client; a reconnect may renew one more. */
const clientsPerConnection = 4;

export type DocumentAccess = 'write' | 'read';

export interface YjsChannelOptions {
	/** The action needed to connect at all (read access). */
	action: Action;
	/** The resource the URL's path names, or undefined when there is none (404). */
	resource(path: ChannelPath): Resource | undefined;
	/** The document's name in the store, from its resource. */
	documentName(resource: Resource): string;
	/** Whether a connected actor may write or only read. */
	access(actor: Actor, resource: Resource): DocumentAccess;
	store: LiveDocumentStore;
	/** Compact after this many stored updates of a loaded document. */
	compactEvery?: number;
	/** Bytes a document may store; changes from clients beyond it are refused. */
	maxStoredBytes: number;
	/** What presence may cost; the clients per connection are fixed here. */
	presence: Omit<PresenceLimits, 'clientsPerConnection'>;
	/** Told after each stored update from a client, with the member who sent it. */
	onClientUpdate?(name: string, userId: string | null): void;
	/** Told when a document is dropped from memory (its last connection closed, or shutdown). */
	onUnload?(name: string): void;
	/**
	 * The database's current epoch. A client that states another one (its page was loaded before
	 * a restore from a backup) is closed with 4410 before it can send its state.
	 */
	databaseEpoch?(): string;
	/** Told how long storing and compacting took, for the operators' metrics. */
	timings?: LiveDocumentTimings;
}

/** Close code for a client of an earlier database epoch: load the document afresh. */
export const closeCodeDatabaseRestored = 4410;
/** Close code for a change the document has no room for: sending it again would not help. */
export const closeCodeDocumentFull = 4413;
export const documentFullReason = 'Dieses Dokument hat seine Speichergrenze erreicht.';

interface Connection {
	access: DocumentAccess;
	userId: string | null;
}

/** A document open on the server, its presence, who has it open, and what they are sent next. */
interface Room {
	document: LiveDocument;
	presence: PresenceGuard<WebSocket>;
	connections: Map<WebSocket, Connection>;
	relay: TickRelay;
}

export interface YjsChannel extends RealtimeChannel {
	/** Who is connected to a document now: user ids, each once. */
	presentUserIds(name: string): string[];
	/** Changes a document on the server as a client would: stored first, then relayed to everyone
	 * connected. Throws when the change could not be stored. */
	change(name: string, edit: (ydoc: Y.Doc) => void): void;
	/** Reads a document as it is now on the server (loaded for the call when nobody is in it). */
	inspect<T>(name: string, read: (ydoc: Y.Doc) => T): T;
	/** How many documents are held in memory now. */
	readonly loadedDocuments: number;
}

function message(type: number, write: (encoder: encoding.Encoder) => void): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, type);
	write(encoder);
	return encoding.toUint8Array(encoder);
}

export function createYjsChannel(options: YjsChannelOptions): YjsChannel {
	const rooms = new Map<string, Room>();

	function broadcast(connections: Map<WebSocket, Connection>, data: Uint8Array): void {
		for (const socket of connections.keys()) sendBounded(socket, data);
	}

	function open(name: string): Room {
		const existing = rooms.get(name);
		if (existing) return existing;
		const connections = new Map<WebSocket, Connection>();
		const relay = new TickRelay({
			update: (update) =>
				broadcast(
					connections,
					message(messageSync, (e) => syncProtocol.writeUpdate(e, update))
				),
			presence: (update) =>
				broadcast(
					connections,
					message(messageAwareness, (e) => encoding.writeVarUint8Array(e, update))
				)
		});
		const document = new LiveDocument(name, {
			store: options.store,
			maxStoredBytes: options.maxStoredBytes,
			compactEvery: options.compactEvery ?? 500,
			stored(update, origin) {
				relay.update(update);
				const connection = connections.get(origin as WebSocket);
				if (connection) options.onClientUpdate?.(name, connection.userId);
			},
			// Not on disk, so not relayed: drop the document; clients reconnect and resend.
			lost: () => unload(room, false),
			timings: options.timings
		});
		// Presence needs a Y.Doc only for a client id of its own (the server shows none): not the
		// document, whose content it never reads and which may not be applied yet.
		const presence = new PresenceGuard<WebSocket>(
			name,
			new Y.Doc(),
			{ ...options.presence, clientsPerConnection },
			(update) => relay.presence(update)
		);
		const room: Room = { document, presence, connections, relay };
		rooms.set(name, room);
		return room;
	}

	function unload(room: Room, compactFirst = true): void {
		rooms.delete(room.document.name);
		// What was stored before is relayed before the close, not left for the resync.
		room.relay.flush();
		for (const socket of room.connections.keys()) socket.close(1011, 'Dokument neu laden');
		room.presence.destroy();
		room.document.unload(compactFirst);
		options.onUnload?.(room.document.name);
	}

	/** Drops a document nobody has open any more. */
	function unloadIfIdle(room: Room, compactFirst = true): void {
		if (room.connections.size === 0 && rooms.get(room.document.name) === room) {
			unload(room, compactFirst);
		}
	}

	function handleSync(
		room: Room,
		socket: WebSocket,
		connection: Connection,
		decoder: decoding.Decoder
	): void {
		const syncType = decoding.readVarUint(decoder);
		if (syncType === syncProtocol.messageYjsSyncStep1) {
			const state = room.document.stateFor(decoding.readVarUint8Array(decoder));
			const reply = message(messageSync, (encoder) => {
				encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2);
				encoding.writeVarUint8Array(encoder, state);
			});
			sendBounded(socket, reply);
		} else if (
			syncType !== syncProtocol.messageYjsSyncStep2 &&
			syncType !== syncProtocol.messageYjsUpdate
		) {
			throw new Error(`unknown sync message type ${syncType}`);
		} else if (connection.access !== 'write') {
			// Readers may ask for the state; whatever they send to change it is dropped.
			log.warn('collab.read_only_write_dropped', {
				document: room.document.name,
				user: connection.userId
			});
		} else {
			const update = decoding.readVarUint8Array(decoder);
			if (!room.document.applyClientUpdate(update, socket)) {
				log.warn('collab.document_full', {
					document: room.document.name,
					user: connection.userId,
					stored: room.document.storedBytes,
					refused: update.length
				});
				socket.close(closeCodeDocumentFull, documentFullReason);
			}
		}
	}

	function handleMessage(room: Room, socket: WebSocket, data: Uint8Array): void {
		const connection = room.connections.get(socket)!;
		const decoder = decoding.createDecoder(data);
		const type = decoding.readVarUint(decoder);
		if (type === messageSync) {
			handleSync(room, socket, connection, decoder);
		} else if (type === messageAwareness) {
			const close = room.presence.receive(socket, decoding.readVarUint8Array(decoder));
			if (close) socket.close(close.code, close.reason);
		} else {
			throw new Error(`unknown message type ${type}`);
		}
	}

	function onConnection(socket: WebSocket, context: ChannelContext): void {
		// Its in-memory text may hold changes the restored database has not: merging them would
		// silently undo the restore. Scripts that state no epoch are not checked.
		const clientEpoch = context.url.searchParams.get('epoch');
		if (options.databaseEpoch && clientEpoch !== null && clientEpoch !== options.databaseEpoch()) {
			socket.close(closeCodeDatabaseRestored, 'Datenbank wiederhergestellt');
			return;
		}
		const name = options.documentName(context.resource);
		const room = open(name);
		// What is gathered for the others goes to them first: the newcomer's greeting holds it.
		room.relay.flush();
		const userId = context.actor.kind === 'member' ? context.actor.userId : null;
		room.connections.set(socket, {
			access: options.access(context.actor, context.resource),
			userId
		});
		room.presence.join(socket, userId);
		socket.binaryType = 'nodebuffer';
		socket.on('message', (data: Buffer, isBinary: boolean) => {
			// Closing (a flood, a changed right): what still arrives is not taken.
			if (socket.readyState !== socket.OPEN) return;
			if (!isBinary) {
				socket.close(1003, 'Nur Binärnachrichten');
				return;
			}
			try {
				handleMessage(room, socket, new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
			} catch (err) {
				// A malformed message ends this connection only.
				log.warn('collab.bad_message', { document: name, error: String(err) });
				socket.close(1007, 'Ungültige Nachricht');
			}
		});
		socket.on('close', () => {
			if (room.connections.delete(socket)) room.presence.leave(socket);
			unloadIfIdle(room);
		});

		// Greet with our state vector and everyone's presence; the client answers with its own.
		sendBounded(
			socket,
			message(messageSync, (e) => {
				encoding.writeVarUint(e, syncProtocol.messageYjsSyncStep1);
				encoding.writeVarUint8Array(e, room.document.stateVector());
			})
		);
		const everyone = room.presence.everyone();
		if (everyone) {
			sendBounded(
				socket,
				message(messageAwareness, (e) => encoding.writeVarUint8Array(e, everyone))
			);
		}
	}

	return {
		action: options.action,
		resource: options.resource,
		// Typing sends an update and a caret move per key; a paste is one message.
		messageRate: { burst: 300, perSecond: 100 },
		onConnection,
		updateAccess(socket, context) {
			const room = rooms.get(options.documentName(context.resource));
			const connection = room?.connections.get(socket);
			if (!connection) return;
			const access = options.access(context.actor, context.resource);
			if (access === connection.access) return;
			connection.access = access;
			// The client's editor was set up for the old access: a writer turned reader would go on
			// typing changes nobody stores. Closing makes it ask the page again what it may do.
			socket.close(4409, 'Zugriff geändert');
		},
		presentUserIds(name) {
			const room = rooms.get(name);
			if (!room) return [];
			const ids = [...room.connections.values()].map((c) => c.userId).filter((id) => id !== null);
			return [...new Set(ids)];
		},
		change(name, edit) {
			const room = open(name);
			try {
				room.document.change(edit);
				// A failed store unloads the document (see open): then nothing was kept.
				if (rooms.get(name) !== room) throw new Error('Die Änderung wurde nicht gespeichert.');
			} finally {
				unloadIfIdle(room);
			}
		},
		inspect(name, read) {
			const room = open(name);
			try {
				return read(room.document.ydoc);
			} finally {
				unloadIfIdle(room, false);
			}
		},
		get loadedDocuments() {
			return rooms.size;
		}
	};
}
