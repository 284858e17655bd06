// The documents: listing, creating, archiving, restoring and deleting. Their text lives in
// Yjs updates (collab/update-store); this module keeps the metadata.
import { asc, eq, isNotNull, isNull } from 'drizzle-orm';
import { announce } from '../db/changes';
import type { AppDatabase } from '../db/database';
import { uniqueSlug } from '../slug';
import { transaction } from '../db/database';
import { document, type DocumentKind, type DocumentRow, type DocumentStatus } from '../db/schema';
import { recordActivity } from './activity';

export function listDocuments(db: AppDatabase, { archived = false } = {}): DocumentRow[] {
	return db
		.select()
		.from(document)
		.where(archived ? isNotNull(document.archivedAt) : isNull(document.archivedAt))
		.orderBy(asc(document.createdAt), asc(document.title))
		.all();
}

export function findDocument(db: AppDatabase, id: string): DocumentRow | undefined {
	return db.select().from(document).where(eq(document.id, id)).get();
}

export function findDocumentBySlug(db: AppDatabase, slug: string): DocumentRow | undefined {
	return db.select().from(document).where(eq(document.slug, slug)).get();
}

export function createDocument(
	db: AppDatabase,
	input: { title: string; kind: DocumentKind; createdBy: string | null; slug?: string },
	now = new Date()
): DocumentRow {
	const row = {
		id: crypto.randomUUID(),
		slug: uniqueSlug(input.slug ?? input.title, 'dokument', (slug) =>
			Boolean(findDocumentBySlug(db, slug))
		),
		title: input.title,
		kind: input.kind,
		status: 'entwurf' as DocumentStatus,
		createdBy: input.createdBy,
		createdAt: now,
		updatedAt: now,
		archivedAt: null,
		viewersMayComment: true,
		viewersMayPropose: true,
		consensusCountsHeadings: false
	};
	db.insert(document).values(row).run();
	return row;
}

export function setArchived(db: AppDatabase, id: string, archived: boolean, now = new Date()) {
	db.update(document)
		.set({ archivedAt: archived ? now : null })
		.where(eq(document.id, id))
		.run();
	// Writers still connected must not go on writing into an archived text; restored, they may.
	announce(db, { topic: 'access' });
}

/** Deletes a document with its whole history. */
export function deleteDocument(db: AppDatabase, id: string) {
	db.delete(document).where(eq(document.id, id)).run();
	announce(db, { topic: 'access' });
}

/** Sets the document's stage (Entwurf, In Abstimmung, Beschlossen); noted in its activity. */
export function setStatus(
	db: AppDatabase,
	id: string,
	status: DocumentStatus,
	userId: string | null,
	now = new Date()
): void {
	transaction(db, (tx) => {
		const row = findDocument(tx, id);
		if (!row || row.status === status) return;
		tx.update(document).set({ status }).where(eq(document.id, id)).run();
		recordActivity(tx, { documentId: id, kind: 'status', userId, at: now, detail: status });
	});
}

/** Whether members who may not edit may propose changes to the text. */
export function setViewersMayPropose(db: AppDatabase, id: string, allowed: boolean) {
	db.update(document).set({ viewersMayPropose: allowed }).where(eq(document.id, id)).run();
	announce(db, { topic: 'access' });
}

/** Whether members who may not edit may comment on the document. */
export function setViewersMayComment(db: AppDatabase, id: string, allowed: boolean) {
	db.update(document).set({ viewersMayComment: allowed }).where(eq(document.id, id)).run();
	announce(db, { topic: 'access' });
}
