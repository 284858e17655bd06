// The documents: listing, creating, archiving, restoring and deleting. Their text lives in
// Yjs updates (collab/update-store); this module keeps the metadata.
import { asc, eq, isNotNull, isNull } from 'drizzle-orm';
import type { AppDatabase } from '../db/database';
import { document, type DocumentKind, type DocumentRow, type DocumentStatus } from '../db/schema';

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

const umlauts: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };

export function slugify(title: string): string {
	const slug = title
		.toLowerCase()
		.replace(/[äöüß]/g, (char) => umlauts[char])
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
	// Long titles are cut at a word boundary.
	const short = slug.length > 60 ? slug.slice(0, 61).replace(/-[^-]*$/, '') : slug;
	return short || 'dokument';
}

function uniqueSlug(db: AppDatabase, title: string): string {
	const base = slugify(title);
	let slug = base;
	for (let n = 2; findDocumentBySlug(db, slug); n++) slug = `${base}-${n}`;
	return slug;
}

export function createDocument(
	db: AppDatabase,
	input: { title: string; kind: DocumentKind; createdBy: string | null; slug?: string },
	now = new Date()
): DocumentRow {
	const row = {
		id: crypto.randomUUID(),
		slug: uniqueSlug(db, input.slug ?? input.title),
		title: input.title,
		kind: input.kind,
		status: 'entwurf' as DocumentStatus,
		createdBy: input.createdBy,
		createdAt: now,
		updatedAt: now,
		archivedAt: null
	};
	db.insert(document).values(row).run();
	return row;
}

export function setArchived(db: AppDatabase, id: string, archived: boolean, now = new Date()) {
	db.update(document)
		.set({ archivedAt: archived ? now : null })
		.where(eq(document.id, id))
		.run();
}

/** Deletes a document with its whole history. */
export function deleteDocument(db: AppDatabase, id: string) {
	db.delete(document).where(eq(document.id, id)).run();
}
