// Durable Yjs state: one row per update, appended before the update is relayed; compaction folds
// a document's rows into a single state so opening stays fast however long the history.
import { and, asc, eq, lte, sql } from 'drizzle-orm';
import * as Y from 'yjs';
import { transaction, type AppDatabase } from '../db/database';
import { document, documentUpdate } from '../db/schema';

export function appendUpdate(
	db: AppDatabase,
	documentId: string,
	update: Uint8Array,
	now = new Date()
) {
	transaction(db, (tx) => {
		tx.insert(documentUpdate)
			.values({ documentId, update: Buffer.from(update), createdAt: now })
			.run();
		tx.update(document).set({ updatedAt: now }).where(eq(document.id, documentId)).run();
	});
}

export function loadUpdates(db: AppDatabase, documentId: string): Uint8Array[] {
	return db
		.select({ update: documentUpdate.update })
		.from(documentUpdate)
		.where(eq(documentUpdate.documentId, documentId))
		.orderBy(asc(documentUpdate.id))
		.all()
		.map((row) => new Uint8Array(row.update));
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
 * Replaces a document's rows up to the newest with one row holding their merged state. Applying
 * to a Y.Doc and re-encoding is linear; Y.mergeUpdates is pathologically slow over many updates.
 * Rows appended meanwhile (none can be, as better-sqlite3 is synchronous) would stay after it.
 * Returns the bytes the document stores afterwards.
 */
export function compactDocument(db: AppDatabase, documentId: string): number {
	return transaction(db, (tx) => {
		const rows = tx
			.select({ id: documentUpdate.id, update: documentUpdate.update })
			.from(documentUpdate)
			.where(eq(documentUpdate.documentId, documentId))
			.orderBy(asc(documentUpdate.id))
			.all();
		if (rows.length <= 1) return rows[0]?.update.length ?? 0;
		const ydoc = new Y.Doc();
		Y.transact(ydoc, () => {
			for (const row of rows) Y.applyUpdate(ydoc, new Uint8Array(row.update));
		});
		const merged = Y.encodeStateAsUpdate(ydoc);
		ydoc.destroy();
		const newest = rows[rows.length - 1];
		tx.delete(documentUpdate)
			.where(and(eq(documentUpdate.documentId, documentId), lte(documentUpdate.id, newest.id)))
			.run();
		// The merged state keeps the newest row's id, so row order stays the order of history.
		tx.insert(documentUpdate)
			.values({ id: newest.id, documentId, update: Buffer.from(merged) })
			.run();
		return merged.length;
	});
}
