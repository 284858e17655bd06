// One Yjs document held in memory while someone has it open: loaded from its store, every change
// stored before anyone hears of it, folded (compacted) from its live state when it has been quiet
// for a while, and bounded in what it may store. Past the bound a change is refused; what is
// stored stays, and compaction may make room again. Sockets and presence are not its business (see
// yjs-channel.ts, presence-guard.ts).
import * as Y from 'yjs';
import { errorFields, log } from '../log';

export interface LiveDocumentStore {
	/** Every stored update of the document, oldest first. Synchronous: loaded before any reply. */
	load(name: string): Uint8Array[];
	/** Stores an update durably; called before the update is relayed to anyone. */
	append(name: string, update: Uint8Array): void;
	/**
	 * Replaces the stored updates with `state`, the whole document, which holds every one of them;
	 * returns the bytes stored afterwards.
	 */
	compact(name: string, state: Uint8Array): number;
}

export interface LiveDocumentOptions {
	store: LiveDocumentStore;
	/** Bytes the document may store; changes from clients beyond it are refused. */
	maxStoredBytes: number;
	/** Compact once this many updates are stored since the last compaction, when it is quiet. */
	compactEvery: number;
	/** How long no change must come before a due compaction runs. */
	quietMs?: number;
	/**
	 * Told of every change once it is stored, with the origin it was applied with (a client's
	 * connection, or the server). Not told of a change that could not be stored: then `lost`.
	 */
	stored(update: Uint8Array, origin: unknown): void;
	/** The change could not be stored: the document is no longer what the store holds. */
	lost(): void;
	/** Told how long storing and compacting took, for the operators' metrics. */
	timings?: LiveDocumentTimings;
}

export interface LiveDocumentTimings {
	/** Seconds one update took to store. */
	appended(seconds: number): void;
	/** Seconds one compaction took, encoding and storing. */
	compacted(seconds: number): void;
}

/** A full document is compacted to make room at most this often. */
const roomCompactionIntervalMs = 60_000;
/** Typing pauses for breath; a second without any change is a lull between bursts. */
const defaultQuietMs = 1_000;
/**
 * Writers who never pause must not grow the store without bound: this many times the due count,
 * compaction runs right after the current relay, quiet or not.
 */
const overdueFactor = 10;
/** Origin of the transaction that loads stored state: not a new update, so not stored again. */
const loadOrigin = Symbol('load');
/** Origin of changes the server makes itself (e.g. restoring a version). */
const serverOrigin = Symbol('server');

function elapsedMs(from: number, to: number): number {
	return Math.round((to - from) * 10) / 10;
}

/** Seconds since `started` (a process.hrtime.bigint()): one clock read, no allocation to speak of. */
function secondsSince(started: bigint): number {
	return Number(process.hrtime.bigint() - started) / 1e9;
}

/** An update that carries nothing (no structs, no deletions), as a fresh client answers a greeting. */
function carriesNothing(update: Uint8Array): boolean {
	return update.length === 2 && update[0] === 0 && update[1] === 0;
}

export class LiveDocument {
	readonly #ydoc = new Y.Doc({ gc: true });
	/**
	 * A compacted state not yet applied to the document. Applying a long history costs as much on
	 * the server as in the client that opens it; a fresh client gets the stored state as it is,
	 * so the server applies it only once something needs its content.
	 */
	#unapplied: Uint8Array | null = null;
	readonly #options: LiveDocumentOptions;
	#updatesSinceCompaction = 0;
	/** Bytes of the document's stored updates, kept as they are appended and compacted. */
	#storedBytes = 0;
	#lastRoomCompaction = 0;
	/**
	 * The document's whole state, encoded, while no change came since: the stored row after a
	 * load or a compaction, else the encoding made for the first fresh client. Sent as it is to a
	 * client that has nothing yet, and what the next compaction stores, instead of encoding anew.
	 */
	#wholeState: Uint8Array | null = null;
	#quietTimer: ReturnType<typeof setTimeout> | null = null;
	#overdue: ReturnType<typeof setImmediate> | null = null;

	constructor(
		readonly name: string,
		options: LiveDocumentOptions
	) {
		this.#options = options;
		const started = performance.now();
		const stored = options.store.load(name);
		const read = performance.now();
		this.#storedBytes = stored.reduce((sum, update) => sum + update.length, 0);
		// Rows a stopped process left uncompacted count towards the next compaction.
		this.#updatesSinceCompaction = Math.max(0, stored.length - 1);
		if (stored.length === 1) {
			this.#wholeState = stored[0];
			this.#unapplied = stored[0];
		} else {
			this.#apply(stored);
		}
		// Where a slow open spends its time: reading the rows, or folding many of them.
		log.info('collab.document_loaded', {
			document: name,
			rows: stored.length,
			bytes: this.#storedBytes,
			readMs: elapsedMs(started, read),
			foldMs: elapsedMs(read, performance.now())
		});
		this.#ydoc.on('update', (update: Uint8Array, origin: unknown) => this.#store(update, origin));
		// A long history is folded once, when the document first rests, not again at every open.
		if (this.#updatesSinceCompaction >= options.compactEvery) this.#compactWhenQuiet();
	}

	/** The document with all its content: what is stored is applied first if it is not yet. */
	get ydoc(): Y.Doc {
		if (this.#unapplied) {
			const state = this.#unapplied;
			this.#unapplied = null;
			this.#apply([state]);
		}
		return this.#ydoc;
	}

	/** The document's state vector, to greet a client with; read off the stored state while that
	 * is not applied (far cheaper than applying it). */
	stateVector(): Uint8Array {
		return this.#unapplied
			? Y.encodeStateVectorFromUpdate(this.#unapplied)
			: Y.encodeStateVector(this.#ydoc);
	}

	get storedBytes(): number {
		return this.#storedBytes;
	}

	/**
	 * Applies a client's change, unless the document has no room for it: the size of what the
	 * client sent stands for what it would store (the server stores its own encoding of the
	 * change, about as large). False when refused.
	 */
	applyClientUpdate(update: Uint8Array, origin: unknown, now = Date.now()): boolean {
		if (carriesNothing(update)) return true;
		if (!this.#hasRoom(update.length, now)) return false;
		Y.applyUpdate(this.ydoc, update, origin);
		return true;
	}

	/** Changes the document on the server's behalf; stored and told like a client's change. */
	change(edit: (ydoc: Y.Doc) => void): void {
		Y.transact(this.ydoc, () => edit(this.ydoc), serverOrigin);
	}

	/**
	 * The document as an update for a client whose state vector is `stateVector`. A client with
	 * nothing (a fresh editor) gets the whole state encoded once until the next change: the stored
	 * row itself when it is one.
	 */
	stateFor(stateVector: Uint8Array): Uint8Array {
		if (Y.decodeStateVector(stateVector).size > 0) {
			return Y.encodeStateAsUpdate(this.ydoc, stateVector);
		}
		if (!this.#wholeState) {
			const started = performance.now();
			this.#wholeState = Y.encodeStateAsUpdate(this.ydoc);
			log.info('collab.state_encoded', {
				document: this.name,
				bytes: this.#wholeState.length,
				encodeMs: elapsedMs(started, performance.now())
			});
		}
		return this.#wholeState;
	}

	/** Folds the stored updates into the document's live state, which holds them all. */
	compact(): void {
		this.#cancelCompaction();
		if (this.#updatesSinceCompaction === 0) return;
		const started = process.hrtime.bigint();
		const state = this.#wholeState ?? Y.encodeStateAsUpdate(this.ydoc);
		this.#storedBytes = this.#options.store.compact(this.name, state);
		this.#updatesSinceCompaction = 0;
		this.#wholeState = state;
		this.#options.timings?.compacted(secondsSince(started));
	}

	/** Drops the document from memory, compacted first unless its state is not to be trusted. */
	unload(compactFirst = true): void {
		this.#cancelCompaction();
		if (compactFirst) this.#compactLogged();
		this.#ydoc.destroy();
	}

	#apply(updates: Uint8Array[]): void {
		Y.transact(
			this.#ydoc,
			() => {
				for (const update of updates) Y.applyUpdate(this.#ydoc, update);
			},
			loadOrigin
		);
	}

	#store(update: Uint8Array, origin: unknown): void {
		if (origin === loadOrigin) return;
		this.#wholeState = null;
		try {
			const started = process.hrtime.bigint();
			this.#options.store.append(this.name, update);
			this.#options.timings?.appended(secondsSince(started));
			this.#storedBytes += update.length;
		} catch (err) {
			// Not on disk, so not relayed: clients reconnect and resend.
			log.error('collab.persist_failed', { document: this.name, ...errorFields(err) });
			this.#options.lost();
			return;
		}
		this.#options.stored(update, origin);
		this.#updatesSinceCompaction += 1;
		this.#scheduleCompaction();
	}

	/**
	 * Compaction encodes the whole document and rewrites its rows: it waits until a quiet moment
	 * (each change restarts the wait) so that it never holds up changes on their way to others.
	 */
	#scheduleCompaction(): void {
		const due = this.#options.compactEvery;
		if (this.#updatesSinceCompaction < due) return;
		if (this.#updatesSinceCompaction >= due * overdueFactor) {
			this.#overdue ??= setImmediate(() => this.#compactLogged());
		} else {
			this.#compactWhenQuiet();
		}
	}

	/** Compacts once no change came for a while; each call restarts the wait. */
	#compactWhenQuiet(): void {
		if (this.#quietTimer) {
			this.#quietTimer.refresh();
			return;
		}
		this.#quietTimer = setTimeout(
			() => this.#compactLogged(),
			this.#options.quietMs ?? defaultQuietMs
		);
		// A pending compaction must not keep a stopping process alive; unload compacts anyway.
		this.#quietTimer.unref();
	}

	#cancelCompaction(): void {
		if (this.#quietTimer) clearTimeout(this.#quietTimer);
		if (this.#overdue) clearImmediate(this.#overdue);
		this.#quietTimer = null;
		this.#overdue = null;
	}

	/** A compaction of its own accord: if it fails, the rows stay and are folded later. */
	#compactLogged(): void {
		try {
			this.compact();
		} catch (err) {
			log.error('collab.compact_failed', { document: this.name, ...errorFields(err) });
		}
	}

	/** Whether the document can store `bytes` more; a full one is compacted first when it has
	 * anything to fold, at most once a minute. */
	#hasRoom(bytes: number, now: number): boolean {
		const fits = () => this.#storedBytes + bytes <= this.#options.maxStoredBytes;
		if (fits()) return true;
		if (
			this.#updatesSinceCompaction > 0 &&
			now - this.#lastRoomCompaction >= roomCompactionIntervalMs
		) {
			this.#lastRoomCompaction = now;
			this.compact();
		}
		return fits();
	}
}
