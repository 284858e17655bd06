import { error, type RequestEvent } from '@sveltejs/kit';
import type { DocumentRow } from '../db/schema';
import { authorize } from '../http/guard';
import type { Action, Resource } from '../policy';
import { findDocumentBySlug } from './documents';
import type { AppDatabase } from '../db/database';

/** A document as the policy sees it. */
export function documentResource(row: DocumentRow): Extract<Resource, { type: 'document' }> {
	return {
		type: 'document',
		documentId: row.id,
		archived: Boolean(row.archivedAt),
		viewersMayComment: row.viewersMayComment,
		viewersMayPropose: row.viewersMayPropose
	};
}

/** The document a page's `slug` names, once the actor may read it (and do `action`, if given). */
export function documentForPage(
	db: AppDatabase,
	event: Pick<RequestEvent, 'locals' | 'url' | 'request' | 'params'>,
	action: Action = 'document:read'
): DocumentRow {
	authorize(event, 'staff:view');
	const found = findDocumentBySlug(db, (event.params as { slug: string }).slug);
	if (!found) error(404, 'Dieses Dokument gibt es nicht.');
	authorize(event, 'document:read', documentResource(found));
	if (action !== 'document:read') authorize(event, action, documentResource(found));
	return found;
}
