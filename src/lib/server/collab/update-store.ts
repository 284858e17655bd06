// Durable Yjs state: one row per update, appended before the update is relayed; compaction folds
// a document's rows into a single state so opening stays fast however long the history.
import type Database from 'better-sqlite3';
import { asc, eq, sql } from 'drizzle-orm';
import * as Y from 'yjs';
import type { AppDatabase } from '../db/database';
import { documentUpdate } from '../db/schema';

/**
 * The statements of the live path, prepared once per database: an append runs per keystroke, and
 * building and preparing its SQL each time cost more than running it.
 */
interface Statements {
	append: (documentId: string, update: Buffer, now: number) => void;
	load: (documentId: string) => Buffer[];
	replace: (documentId: string, state: Buffer) => number;
}

const prepared = new WeakMap<Database.Database, Statements>();

function statements(db: AppDatabase): Statements {
	const client = db.$client;
	// A drizzle transaction handle has no client; the database itself works inside a transaction.
	if (!client) throw new Error('The update store needs the database, not a transaction handle.');
	let found = prepared.get(client);
	if (!found) {
		const insert = client.prepare<[string, Buffer, number]>(
			'insert into document_update (document_id, "update", created_at) values (?, ?, ?)'
		);
		const touch = client.prepare<[number, string]>(
			'update document set updated_at = ? where id = ?'
		);
		// A long uncompacted history is read as one blob and the length of each row: cut into views
		// of it, the rows cost a third of fetching each as its own Buffer, and far less garbage.
		// group_concat copies blob bytes unchanged in a UTF-8 database (see the store's tests).
		const lengths = client
			.prepare<[string], number>(
				'select length("update") from document_update where document_id = ? order by id'
			)
			.pluck();
		const joined = client
			.prepare<[string], Buffer | null>(
				`select cast(group_concat("update", x'' order by id) as blob)
				from document_update where document_id = ?`
			)
			.pluck();
		const newest = client.prepare<[string], { id: number | null }>(
			'select max(id) as id from document_update where document_id = ?'
		);
		const deleteUpTo = client.prepare<[string, number]>(
			'delete from document_update where document_id = ? and id <= ?'
		);
		const insertWithId = client.prepare<[number, string, Buffer]>(
			'insert into document_update (id, document_id, "update") values (?, ?, ?)'
		);
		found = {
			append: client.transaction((documentId: string, update: Buffer, now: number) => {
				insert.run(documentId, update, now);
				touch.run(now, documentId);
			}),
			// One transaction: both reads see the same rows.
			load: client.transaction((documentId: string) => {
				const sizes = lengths.all(documentId);
				const bytes = joined.get(documentId) ?? Buffer.alloc(0);
				let offset = 0;
				const updates = sizes.map((size) => bytes.subarray(offset, (offset += size)));
				if (offset !== bytes.length) {
					throw new Error(
						`Stored updates of ${documentId} read as ${bytes.length}, not ${offset} bytes.`
					);
				}
				return updates;
			}),
			replace: client.transaction((documentId: string, state: Buffer) => {
				const upTo = newest.get(documentId)?.id ?? null;
				if (upTo === null) return 0;
				deleteUpTo.run(documentId, upTo);
				// The state keeps the newest row's id, so row order stays the order of history.
				insertWithId.run(upTo, documentId, state);
				return state.length;
			})
		};
		prepared.set(client, found);
	}
	return found;
}

function asBuffer(bytes: Uint8Array): Buffer {
	return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Stores an update and notes that the document's text changed. */
export function appendUpdate(
	db: AppDatabase,
	documentId: string,
	update: Uint8Array,
	now = new Date()
): void {
	statements(db).append(documentId, asBuffer(update), now.getTime());
}

/** A document's stored updates, oldest first; inside a transaction too (versions read there). */
export function loadUpdates(db: AppDatabase, documentId: string): Uint8Array[] {
	if (db.$client) return statements(db).load(documentId);
	return db
		.select({ update: documentUpdate.update })
		.from(documentUpdate)
		.where(eq(documentUpdate.documentId, documentId))
		.orderBy(asc(documentUpdate.id))
		.all()
		.map((row) => row.update);
}

/** Applies the stored updates to a Y.Doc (a new one unless given). */
export function loadDocument(db: AppDatabase, documentId: string, ydoc = new Y.Doc()): Y.Doc {
	const updates = loadUpdates(db, documentId);
	Y.transact(ydoc, () => {
		for (const update of updates) Y.applyUpdate(ydoc, update);
	});
	return ydoc;
}

export function countUpdates(db: AppDatabase, documentId: string): number {
	return (
		db
			.select({ count: sql<number>`count(*)` })
			.from(documentUpdate)
			.where(eq(documentUpdate.documentId, documentId))
			.get()?.count ?? 0
	);
}

/**
 * Replaces all of a document's rows with one holding `state`, which must contain every one of
 * them: the live document's own state does, as every update it stored was applied to it first.
 * Returns the bytes the document stores afterwards.
 */
export function replaceUpdates(db: AppDatabase, documentId: string, state: Uint8Array): number {
	return statements(db).replace(documentId, asBuffer(state));
}

/**
 * Folds the rows of a document nobody has open (an open one is compacted from its live state).
 * Applying to a Y.Doc and re-encoding is linear; Y.mergeUpdates is pathologically slow over many
 * updates.
 */
export function compactDocument(db: AppDatabase, documentId: string): number {
	const ydoc = loadDocument(db, documentId);
	try {
		return replaceUpdates(db, documentId, Y.encodeStateAsUpdate(ydoc));
	} finally {
		ydoc.destroy();
	}
}
