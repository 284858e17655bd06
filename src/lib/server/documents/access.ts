import type { DocumentRow } from '../db/schema';
import type { Resource } from '../policy';

/** A document as the policy sees it. */
export function documentResource(row: DocumentRow): Extract<Resource, { type: 'document' }> {
	return { type: 'document', documentId: row.id, archived: Boolean(row.archivedAt) };
}
