// The y-websocket protocol (sync and awareness) for any kind of live Yjs document. What a
// document is, where it is stored and who may write it are parameters, so boards or polls can
// use the same channel later. Each document stores at most a configured number of bytes: past
// it, a change is refused and its sender closed with 4413 (the editor turns read-only and says
// so); what is stored stays, and compaction may make room again.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import type { WebSocket } from 'ws';
import * as Y from 'yjs';
import { log } from '../log';
import type { Action, Actor, Resource } from '../policy';
import { sendBounded } from '../realtime/connection-limits';
import {
	PresenceBudget,
	presenceTooLargeCode,
	presenceTooLargeReason,
	type PresenceLimits
} from './presence-budget';
import {
	encodePresenceUpdate,
	newsIn,
	readPresenceUpdate,
	type PresenceEntry
} from './presence-update';
import type { ChannelContext, RealtimeChannel } from '../realtime/realtime-server';

const messageSync = 0;
const messageAwareness = 1;
const pingIntervalMs = 30_000;
/** One person's presence (name, colour, caret) takes well under a kilobyte. */
const maxAwarenessBytes = 16 << 10;
/** A browser speaks for its own client; a reconnect may renew one more. */
const clientsPerConnection = 4;
/** A full document is compacted to make room at most this often: compaction is costly. */
const roomCompactionIntervalMs = 60_000;
/** Origin of the transaction that loads stored state: not a new update, so not stored again. */
const loadOrigin = Symbol('load');
/** Origin of changes the server makes itself (e.g. restoring a version). */
const serverOrigin = Symbol('server');

export type DocumentAccess = 'write' | 'read';

export interface LiveDocumentStore {
	/** Every stored update of the document, oldest first. Synchronous: loaded before any reply. */
	load(name: string): Uint8Array[];
	/** Stores an update durably; called before the update is relayed to anyone. */
	append(name: string, update: Uint8Array): void;
	/** Folds the stored updates into one; returns the bytes stored afterwards. */
	compact(name: string): number;
}

export interface YjsChannelOptions {
	/** The action needed to connect at all (read access). */
	action: Action;
	/** The resource the URL names, or undefined when there is none (404). */
	resource(url: URL): Resource | undefined;
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
}

/** Close code for a client of an earlier database epoch: load the document afresh. */
export const closeCodeDatabaseRestored = 4410;
/** Close code for a change the document has no room for: sending it again would not help. */
export const closeCodeDocumentFull = 4413;
export const documentFullReason = 'Dieses Dokument hat seine Speichergrenze erreicht.';

interface Connection {
	access: DocumentAccess;
	userId: string | null;
	/** The clients this connection spoke for (announced, renewed, removed); gone when it closes. */
	awarenessIds: Set<number>;
}

class LiveDocument {
	readonly ydoc = new Y.Doc({ gc: true });
	readonly awareness = new awarenessProtocol.Awareness(this.ydoc);
	readonly connections = new Map<WebSocket, Connection>();
	updatesSinceCompaction = 0;
	/** Bytes of the document's stored updates, kept as they are appended and compacted. */
	storedBytes = 0;
	lastRoomCompaction = 0;

	constructor(
		readonly name: string,
		readonly presence: PresenceBudget
	) {
		// The server has no presence of its own.
		this.awareness.setLocalState(null);
	}
}

export interface YjsChannel extends RealtimeChannel {
	/** Who is connected to a document now: user ids, each once. */
	presentUserIds(name: string): string[];
	/** Changes a document on the server as a client would: stored first, then relayed to everyone
	 * connected. Throws when the change could not be stored. */
	change(name: string, edit: (ydoc: Y.Doc) => void): void;
	/** Reads a document as it is now on the server (loaded for the call when nobody is in it). */
	inspect<T>(name: string, read: (ydoc: Y.Doc) => T): T;
	/** Compacts and drops every loaded document (at shutdown). */
	closeAll(): void;
}

export function createYjsChannel(options: YjsChannelOptions): YjsChannel {
	const documents = new Map<string, LiveDocument>();
	const compactEvery = options.compactEvery ?? 500;

	function open(name: string): LiveDocument {
		const existing = documents.get(name);
		if (existing) return existing;
		const live = new LiveDocument(
			name,
			new PresenceBudget({ ...options.presence, clientsPerConnection })
		);
		const stored = options.store.load(name);
		Y.transact(
			live.ydoc,
			() => {
				for (const update of stored) Y.applyUpdate(live.ydoc, update);
			},
			loadOrigin
		);
		live.storedBytes = stored.reduce((sum, update) => sum + update.length, 0);
		// Rows a stopped process left uncompacted count towards the next compaction.
		live.updatesSinceCompaction = Math.max(0, stored.length - 1);
		live.ydoc.on('update', (update: Uint8Array, origin: unknown) => {
			if (origin === loadOrigin) return;
			try {
				options.store.append(name, update);
				live.storedBytes += update.length;
			} catch (err) {
				// Not on disk, so not relayed: drop the document; clients reconnect and resend.
				log.error('collab.persist_failed', { document: name, error: String(err) });
				unload(live, false);
				return;
			}
			const encoder = encoding.createEncoder();
			encoding.writeVarUint(encoder, messageSync);
			syncProtocol.writeUpdate(encoder, update);
			const message = encoding.toUint8Array(encoder);
			for (const socket of live.connections.keys()) sendBounded(socket, message);
			if (++live.updatesSinceCompaction >= compactEvery) compact(live);
			const connection = live.connections.get(origin as WebSocket);
			if (connection) options.onClientUpdate?.(name, connection.userId);
		});
		live.awareness.on(
			'update',
			({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
				const changed = [...added, ...updated, ...removed];
				// Timed out, or taken with a closed connection.
				for (const id of removed) live.presence.record(id, null);
				const encoder = encoding.createEncoder();
				encoding.writeVarUint(encoder, messageAwareness);
				encoding.writeVarUint8Array(
					encoder,
					awarenessProtocol.encodeAwarenessUpdate(live.awareness, changed)
				);
				const message = encoding.toUint8Array(encoder);
				for (const socket of live.connections.keys()) sendBounded(socket, message);
			}
		);
		documents.set(name, live);
		return live;
	}

	function compact(live: LiveDocument): void {
		live.storedBytes = options.store.compact(live.name);
		live.updatesSinceCompaction = 0;
	}

	function unload(live: LiveDocument, compactFirst = true): void {
		documents.delete(live.name);
		for (const socket of live.connections.keys()) socket.close(1011, 'Dokument neu laden');
		if (compactFirst) {
			try {
				compact(live);
			} catch (err) {
				log.error('collab.compact_failed', { document: live.name, error: String(err) });
			}
		}
		live.awareness.destroy();
		live.ydoc.destroy();
		options.onUnload?.(live.name);
	}

	/**
	 * Whether a presence update names only clients this connection's person announced or that
	 * nobody has: no one may move or remove another person's caret. The same person may, since a
	 * reconnecting client renews its presence before its old connection is noticed as dead.
	 */
	function mayAnnounce(live: LiveDocument, connection: Connection, entries: PresenceEntry[]) {
		return entries.every(({ clientId }) =>
			[...live.connections.values()].every(
				(other) =>
					other === connection ||
					!other.awarenessIds.has(clientId) ||
					other.userId === connection.userId
			)
		);
	}

	/**
	 * Whether the document can store `bytes` more. The size of what a client sent stands for what
	 * it would store: the server stores its own encoding of the change, about as large. A full
	 * document is compacted first when it has anything to fold, at most once a minute.
	 */
	function hasRoom(live: LiveDocument, bytes: number): boolean {
		const fits = () => live.storedBytes + bytes <= options.maxStoredBytes;
		if (fits()) return true;
		const now = Date.now();
		if (
			live.updatesSinceCompaction > 0 &&
			now - live.lastRoomCompaction >= roomCompactionIntervalMs
		) {
			live.lastRoomCompaction = now;
			compact(live);
		}
		return fits();
	}

	function handleSync(
		live: LiveDocument,
		socket: WebSocket,
		connection: Connection,
		decoder: decoding.Decoder
	): void {
		const encoder = encoding.createEncoder();
		encoding.writeVarUint(encoder, messageSync);
		const syncType = decoding.readVarUint(decoder);
		if (syncType === syncProtocol.messageYjsSyncStep1) {
			syncProtocol.readSyncStep1(decoder, encoder, live.ydoc);
			sendBounded(socket, encoding.toUint8Array(encoder));
		} else if (
			syncType !== syncProtocol.messageYjsSyncStep2 &&
			syncType !== syncProtocol.messageYjsUpdate
		) {
			throw new Error(`unknown sync message type ${syncType}`);
		} else if (connection.access !== 'write') {
			// Readers may ask for the state; whatever they send to change it is dropped.
			log.warn('collab.read_only_write_dropped', { document: live.name, user: connection.userId });
		} else {
			const update = decoding.readVarUint8Array(decoder);
			if (!hasRoom(live, update.length)) {
				log.warn('collab.document_full', {
					document: live.name,
					user: connection.userId,
					stored: live.storedBytes,
					refused: update.length
				});
				socket.close(closeCodeDocumentFull, documentFullReason);
				return;
			}
			Y.applyUpdate(live.ydoc, update, socket);
		}
	}

	function handlePresence(
		live: LiveDocument,
		socket: WebSocket,
		connection: Connection,
		update: Uint8Array
	): void {
		if (update.length > maxAwarenessBytes) {
			socket.close(presenceTooLargeCode, presenceTooLargeReason);
			return;
		}
		const read = readPresenceUpdate(update);
		const entries = newsIn(read, live.awareness);
		if (entries.length === 0) return;
		if (!mayAnnounce(live, connection, entries)) {
			log.warn('collab.foreign_presence_dropped', { document: live.name, user: connection.userId });
			return;
		}
		const verdict = live.presence.check(entries, connection.awarenessIds);
		if (verdict.kind !== 'take') {
			log.warn('collab.presence_refused', {
				document: live.name,
				user: connection.userId,
				verdict: verdict.kind,
				total: live.presence.total
			});
			if (verdict.kind === 'close') socket.close(verdict.code, verdict.reason);
			return;
		}
		// Renewals count too: after a reconnect the client's presence arrives as an update, as the
		// server already knows it from the connection that has not yet timed out.
		for (const { clientId } of entries) connection.awarenessIds.add(clientId);
		const news = entries.length === read.length ? update : encodePresenceUpdate(entries);
		awarenessProtocol.applyAwarenessUpdate(live.awareness, news, socket);
		for (const { clientId, bytes } of entries) {
			live.presence.record(clientId, live.awareness.getStates().has(clientId) ? bytes : null);
		}
	}

	function handleMessage(live: LiveDocument, socket: WebSocket, data: Uint8Array): void {
		const connection = live.connections.get(socket)!;
		const decoder = decoding.createDecoder(data);
		const type = decoding.readVarUint(decoder);
		if (type === messageSync) {
			handleSync(live, socket, connection, decoder);
		} else if (type === messageAwareness) {
			handlePresence(live, socket, connection, decoding.readVarUint8Array(decoder));
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
		const resource = context.resource;
		const name = options.documentName(resource);
		const live = open(name);
		live.connections.set(socket, {
			access: options.access(context.actor, resource),
			userId: context.actor.kind === 'member' ? context.actor.userId : null,
			awarenessIds: new Set()
		});
		socket.binaryType = 'nodebuffer';
		socket.on('message', (data: Buffer, isBinary: boolean) => {
			// Closing (a flood, a changed right): what still arrives is not taken.
			if (socket.readyState !== socket.OPEN) return;
			if (!isBinary) {
				socket.close(1003, 'Nur Binärnachrichten');
				return;
			}
			try {
				handleMessage(live, socket, new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
			} catch (err) {
				// A malformed message ends this connection only.
				log.warn('collab.bad_message', { document: name, error: String(err) });
				socket.close(1007, 'Ungültige Nachricht');
			}
		});

		let alive = true;
		socket.on('pong', () => (alive = true));
		const ping = setInterval(() => {
			if (!alive) {
				socket.terminate();
				return;
			}
			alive = false;
			socket.ping();
		}, pingIntervalMs);

		socket.on('close', () => {
			clearInterval(ping);
			const connection = live.connections.get(socket);
			live.connections.delete(socket);
			if (connection) {
				// A dead connection is often noticed only by the ping, after its client came back on a
				// new one: it must not take the presence the new connection has renewed meanwhile.
				const renewed = new Set([...live.connections.values()].flatMap((c) => [...c.awarenessIds]));
				const gone = [...connection.awarenessIds].filter((id) => !renewed.has(id));
				awarenessProtocol.removeAwarenessStates(live.awareness, gone, null);
				// The clock of a client nobody speaks for any more need not be remembered.
				for (const id of gone) live.awareness.meta.delete(id);
			}
			if (live.connections.size === 0 && documents.get(name) === live) unload(live);
		});

		// Greet with our state vector and everyone's presence; the client answers with its own.
		const encoder = encoding.createEncoder();
		encoding.writeVarUint(encoder, messageSync);
		syncProtocol.writeSyncStep1(encoder, live.ydoc);
		sendBounded(socket, encoding.toUint8Array(encoder));
		const states = [...live.awareness.getStates().keys()];
		if (states.length > 0) {
			const awarenessEncoder = encoding.createEncoder();
			encoding.writeVarUint(awarenessEncoder, messageAwareness);
			encoding.writeVarUint8Array(
				awarenessEncoder,
				awarenessProtocol.encodeAwarenessUpdate(live.awareness, states)
			);
			sendBounded(socket, encoding.toUint8Array(awarenessEncoder));
		}
	}

	return {
		action: options.action,
		resource: options.resource,
		// Typing sends an update and a caret move per key; a paste is one message.
		messageRate: { burst: 300, perSecond: 100 },
		onConnection,
		updateAccess(socket, context) {
			const live = documents.get(options.documentName(context.resource));
			const connection = live?.connections.get(socket);
			if (!connection) return;
			const access = options.access(context.actor, context.resource);
			if (access === connection.access) return;
			connection.access = access;
			// The client's editor was set up for the old access: a writer turned reader would go on
			// typing changes nobody stores. Closing makes it ask the page again what it may do.
			socket.close(4409, 'Zugriff geändert');
		},
		presentUserIds(name) {
			const live = documents.get(name);
			if (!live) return [];
			const ids = [...live.connections.values()].map((c) => c.userId).filter((id) => id !== null);
			return [...new Set(ids)];
		},
		change(name, edit) {
			const live = open(name);
			try {
				Y.transact(live.ydoc, () => edit(live.ydoc), serverOrigin);
				// A failed store unloads the document (see open): then nothing was kept.
				if (documents.get(name) !== live) throw new Error('Die Änderung wurde nicht gespeichert.');
			} finally {
				if (live.connections.size === 0 && documents.get(name) === live) unload(live);
			}
		},
		inspect(name, read) {
			const live = open(name);
			try {
				return read(live.ydoc);
			} finally {
				if (live.connections.size === 0 && documents.get(name) === live) unload(live, false);
			}
		},
		closeAll() {
			for (const live of [...documents.values()]) unload(live);
		}
	};
}
