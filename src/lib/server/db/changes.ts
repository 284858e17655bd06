// What changed in a database, said by the domain function that changed it. The live channels
// listen, so no route has to remember to push an update after a write. A change made inside a
// transaction is told only once the transaction committed (a rolled-back write tells nothing),
// and always after the current synchronous work: listeners never read half-written state.
import type { AppDatabase } from './app-database';

export type Change =
	/** Comment threads, change proposals or the conference sources linked to passages. */
	| { topic: 'comments'; documentId: string }
	/** Consensus marks, or whether headings count. */
	| { topic: 'consensus'; documentId: string }
	/** Polls, their questions or answers. */
	| { topic: 'polls'; eventId: string }
	/** Someone joined an event (or connected or left). */
	| { topic: 'attendance'; eventId: string }
	/** Sessions, roles, memberships or a document's access changed: open connections are checked. */
	| { topic: 'access' };

export type ChangeListener = (change: Change) => void;

interface Feed {
	listeners: Set<ChangeListener>;
	/** Changes told since the last delivery, one per topic and target. */
	queued: Map<string, Change>;
}

const feeds = new WeakMap<AppDatabase, Feed>();
/** A transaction's changes wait here until it commits. */
const pendingInTransaction = new WeakMap<AppDatabase, Map<string, Change>>();

function keyOf(change: Change): string {
	switch (change.topic) {
		case 'comments':
		case 'consensus':
			return `${change.topic}:${change.documentId}`;
		case 'polls':
		case 'attendance':
			return `${change.topic}:${change.eventId}`;
		case 'access':
			return 'access';
	}
}

function feedOf(db: AppDatabase): Feed {
	let feed = feeds.get(db);
	if (!feed) {
		feed = { listeners: new Set(), queued: new Map() };
		feeds.set(db, feed);
	}
	return feed;
}

function deliver(feed: Feed): void {
	const changes = [...feed.queued.values()];
	feed.queued.clear();
	for (const change of changes) {
		for (const listener of feed.listeners) listener(change);
	}
}

function queue(db: AppDatabase, changes: Iterable<[string, Change]>): void {
	const feed = feeds.get(db);
	if (!feed || feed.listeners.size === 0) return;
	const wasEmpty = feed.queued.size === 0;
	for (const [key, change] of changes) feed.queued.set(key, change);
	if (wasEmpty && feed.queued.size > 0) queueMicrotask(() => deliver(feed));
}

/** Tells the database's listeners that something changed (after the write is committed). */
export function announce(db: AppDatabase, change: Change): void {
	const pending = pendingInTransaction.get(db);
	if (pending) pending.set(keyOf(change), change);
	else queue(db, [[keyOf(change), change]]);
}

/** Listens to every change of this database; returns the function that stops listening. */
export function listen(db: AppDatabase, listener: ChangeListener): () => void {
	const feed = feedOf(db);
	feed.listeners.add(listener);
	return () => feed.listeners.delete(listener);
}

/**
 * Runs a transaction body so that its announcements wait for the commit. Only for `transaction`
 * in database.ts: `tx` stands in for `db` inside, nested transactions keep their outer's queue.
 */
export function withChangesOnCommit<T>(db: AppDatabase, tx: AppDatabase, work: () => T): T {
	const outer = pendingInTransaction.get(db);
	const pending = outer ?? new Map<string, Change>();
	pendingInTransaction.set(tx, pending);
	try {
		const result = work();
		if (!outer) queue(db, pending);
		return result;
	} finally {
		pendingInTransaction.delete(tx);
	}
}
