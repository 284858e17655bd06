// One open document in the browser: its Y.Doc, the WebSocket provider and what the page shows
// about them (connection state, who else is here).
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { longestRetryMs } from '$lib/live/reconnect-policy';

/** 'ended': the server closed the connection for good (access changed); see onAccessChanged.
 * 'restored': the database was restored from a backup; this copy of the text is out of date.
 * 'full': the document has reached its storage limit and takes no more changes.
 * 'refused': the server refused the connection for another reason, named in closeReason. */
export type ConnectionState =
	'connecting' | 'saved' | 'offline' | 'ended' | 'restored' | 'full' | 'refused';

// The server's close codes (see yjs-channel.ts and realtime-server.ts).
const closeCodeDatabaseRestored = 4410;
const closeCodeDocumentFull = 4413;
const accessChangedCodes = [4401, 4403, 4404, 4409];
/** A refusal the client outlives by waiting (too many connections): y-websocket tries again. */
const closeCodePolicy = 1008;

/** How often a failing connection may make the page ask whether it is still allowed in. */
const accessCheckIntervalMs = 10_000;

export interface Peer {
	clientId: number;
	name: string;
	colour: string;
}

export class CollabSession {
	readonly ydoc = new Y.Doc();
	readonly provider: WebsocketProvider;
	connection = $state<ConnectionState>('connecting');
	/** What the server said when it last refused the connection, in German; shown with the state. */
	closeReason = $state<string | null>(null);
	/** Local changes made while offline, not yet sent. */
	unsentChanges = $state(false);
	peers = $state<Peer[]>([]);

	constructor(
		documentId: string,
		/** The database epoch the page was loaded in; the server refuses an outdated one. */
		databaseEpoch: string,
		user: { name: string; colour: string },
		/** Called when the server ended the connection because what we may do here changed. */
		onAccessChanged: () => void
	) {
		const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
		this.provider = new WebsocketProvider(
			`${scheme}://${location.host}/collab/document`,
			documentId,
			this.ydoc,
			{
				disableBc: true,
				params: { epoch: databaseEpoch },
				// y-websocket keeps its own backoff (100 ms doubled, no spread) and, like every live
				// socket of ours, gives up on 4400–4499; its longest pause is ours.
				maxBackoffTime: longestRetryMs
			}
		);
		this.provider.awareness.setLocalStateField('user', { name: user.name, color: user.colour });
		this.provider.on('status', () => this.#updateConnection());
		this.provider.on('sync', () => this.#updateConnection());
		this.provider.on('connection-close', (event) => {
			this.closeReason = event?.code === closeCodePolicy ? event.reason || null : null;
			// A handshake the server refuses (signed out meanwhile, e.g. by a restore) looks to the
			// browser like any failed connection, and y-websocket would retry for ever: ask the page.
			if (this.provider.wsUnsuccessfulReconnects >= 2) this.#checkAccess(onAccessChanged);
		});
		// Only for close codes 4400–4499 (archived, deleted, signed out, restored, full): y-websocket
		// then stops reconnecting, as the same connection would be refused or read-only.
		this.provider.on('closed', (event) => {
			this.closeReason = event.reason || null;
			if (event.code === closeCodeDocumentFull) {
				this.connection = 'full';
			} else if (event.code === closeCodeDatabaseRestored) {
				this.connection = 'restored';
				onAccessChanged();
			} else if (accessChangedCodes.includes(event.code)) {
				this.connection = 'ended';
				onAccessChanged();
			} else {
				// Loading the page again would only be refused again.
				this.connection = 'refused';
			}
		});
		this.ydoc.on('update', (_update: Uint8Array, origin: unknown) => {
			if (origin !== this.provider && !this.provider.wsconnected) this.unsentChanges = true;
		});
		this.provider.awareness.on('change', () => this.#updatePeers());
		window.addEventListener('offline', this.#goOffline);
		window.addEventListener('online', this.#goOnline);
	}

	// The browser knows at once when the network is gone; an open socket may not notice for half
	// a minute, and until then the page would claim that what is typed is saved.
	#goOffline = () => this.provider.disconnect();
	#goOnline = () => {
		if (!this.#over) this.provider.connect();
	};

	/** The server ended the connection for good: nothing reconnects. */
	get #over(): boolean {
		return ['ended', 'restored', 'full', 'refused'].includes(this.connection);
	}

	#hasSynced = false;
	#lastAccessCheck = 0;

	/** Reloads the page's data only when the page itself is refused now; a server that is merely
	 * unreachable or restarting leaves the editor (and what was typed offline) as it is. */
	async #checkAccess(onAccessChanged: () => void) {
		if (!navigator.onLine || Date.now() - this.#lastAccessCheck < accessCheckIntervalMs) return;
		this.#lastAccessCheck = Date.now();
		try {
			const response = await fetch(location.href, { method: 'HEAD', redirect: 'manual' });
			if (response.type === 'opaqueredirect' || [401, 403, 404].includes(response.status)) {
				this.connection = 'ended';
				onAccessChanged();
			}
		} catch {
			// Unreachable: the provider keeps trying.
		}
	}

	#updateConnection() {
		if (this.#over) return;
		if (this.provider.wsconnected && this.provider.synced) {
			// The server stores every update before it relays it: synced means saved.
			this.#hasSynced = true;
			this.connection = 'saved';
			this.unsentChanges = false;
			this.closeReason = null;
		} else {
			this.connection = this.#hasSynced ? 'offline' : 'connecting';
		}
	}

	#updatePeers() {
		const own = this.ydoc.clientID;
		const peers: Peer[] = [];
		for (const [clientId, state] of this.provider.awareness.getStates()) {
			const user = (state as { user?: { name?: unknown; color?: unknown } }).user;
			if (clientId === own || typeof user?.name !== 'string') continue;
			peers.push({
				clientId,
				name: user.name.slice(0, 80),
				colour: String(user.color ?? '#1c2a5e')
			});
		}
		this.peers = peers;
	}

	destroy() {
		window.removeEventListener('offline', this.#goOffline);
		window.removeEventListener('online', this.#goOnline);
		this.provider.destroy();
		this.ydoc.destroy();
	}
}
