// The public transparency page of a document exists only while an admin has published it; the
// passages' conference sources appear on it only while an admin also chose to show them.
import { and, eq } from 'drizzle-orm';
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

/** Whether the published page lists the passages' conference sources. */
export function showsSources(db: AppDatabase, documentId: string): boolean {
	return (
		db
			.select({ id: adoptionPublication.documentId })
			.from(adoptionPublication)
			.where(
				and(
					eq(adoptionPublication.documentId, documentId),
					eq(adoptionPublication.showsSources, true)
				)
			)
			.get() !== undefined
	);
}

/** Shows or hides the sources on the published page; false when the page is not published.
 * Each change that happens goes into the audit log. */
export function setShowsSources(
	db: AppDatabase,
	input: { documentId: string; shows: boolean; userId: string | null },
	now = new Date()
): boolean {
	return transaction(db, (tx) => {
		if (!isPublished(tx, input.documentId)) return false;
		const changed = tx
			.update(adoptionPublication)
			.set({ showsSources: input.shows })
			.where(
				and(
					eq(adoptionPublication.documentId, input.documentId),
					eq(adoptionPublication.showsSources, !input.shows)
				)
			)
			.run().changes;
		if (changed > 0) {
			recordAudit(
				tx,
				{
					event: input.shows ? 'adoption-sources-shown' : 'adoption-sources-hidden',
					actorUserId: input.userId,
					details: { documentId: input.documentId }
				},
				now
			);
		}
		return true;
	});
}
