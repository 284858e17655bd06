// The public transparency page of a document exists only while an admin has published it.
import { eq } from 'drizzle-orm';
import { recordAudit } from '../accounts/audit';
import { transaction, type AppDatabase } from '../db/database';
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

/** Publishes or withdraws the page; each change that happens goes into the audit log. */
export function setPublished(
	db: AppDatabase,
	input: { documentId: string; published: boolean; userId: string | null },
	now = new Date()
): void {
	transaction(db, (tx) => {
		const changed = input.published
			? tx
					.insert(adoptionPublication)
					.values({ documentId: input.documentId, publishedBy: input.userId, publishedAt: now })
					.onConflictDoNothing()
					.run().changes
			: tx
					.delete(adoptionPublication)
					.where(eq(adoptionPublication.documentId, input.documentId))
					.run().changes;
		if (changed === 0) return;
		recordAudit(
			tx,
			{
				event: input.published ? 'adoption-published' : 'adoption-unpublished',
				actorUserId: input.userId,
				details: { documentId: input.documentId }
			},
			now
		);
	});
}
