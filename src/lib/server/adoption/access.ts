// The document and adopting body a route's `slug` and `organisation` name, once the actor may
// read adoption records (and do `action` for that body, if given).
import { error, type RequestEvent } from '@sveltejs/kit';
import type { AppDatabase } from '../db/database';
import { findDocumentBySlug } from '../documents/documents';
import { authorize } from '../http/guard';
import type { Action } from '../policy';
import { findAdoptingBody } from './steps';

export function bodyForPage(
	db: AppDatabase,
	event: Pick<RequestEvent, 'locals' | 'url' | 'request' | 'params'>,
	action?: Action
) {
	authorize(event, 'adoption:read');
	const params = event.params as { slug: string; organisation: string };
	const found = findDocumentBySlug(db, params.slug);
	if (!found) error(404, 'Dieses Dokument gibt es nicht.');
	const body = findAdoptingBody(db, params.organisation);
	if (!body) error(404, 'Diese Körperschaft gibt es nicht.');
	const resource = { type: 'organisation' as const, organisationId: body.id, kind: body.kind };
	if (action) authorize(event, action, resource);
	return { document: found, body, resource };
}
