// The public transparency page of a document exists only while an admin has published it.
import { eq } from 'drizzle-orm';
import type { AppDatabase } from '../db/database';
import { adoptionPublication } from '../db/schema';

export function isPublished(db: AppDatabase, documentId: string): boolean {
	return (
		db
			.select({ id: adoptionPublication.documentId })
			.from(adoptionPublication)
			.where(eq(adoptionPublication.documentId, documentId))
			.get() !== undefined
	);
}

export function setPublished(
	db: AppDatabase,
	input: { documentId: string; published: boolean; userId: string | null },
	now = new Date()
): void {
	if (!input.published) {
		db.delete(adoptionPublication)
			.where(eq(adoptionPublication.documentId, input.documentId))
			.run();
		return;
	}
	db.insert(adoptionPublication)
		.values({ documentId: input.documentId, publishedBy: input.userId, publishedAt: now })
		.onConflictDoNothing()
		.run();
}
