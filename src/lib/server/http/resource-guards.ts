// What a route's parameters name (a document, an event, an adopting body), loaded once the actor
// may see it: 404 for what does not exist, and the guard's refusal for what they may not do.
import { error, type RequestEvent } from '@sveltejs/kit';
import { findAdoptingBody } from '../adoption/steps';
import type { AppDatabase } from '../db/database';
import type { DocumentRow, EventRow } from '../db/schema';
import { findDocumentBySlug } from '../documents/documents';
import { findEventBySlug } from '../events/events';
import { messagesFor } from '../i18n/messages';
import { documentResource, eventResource, organisationResource, type Action } from '../policy';
import { authorize } from './guard';

type GuardEvent = Pick<RequestEvent, 'locals' | 'url' | 'request' | 'params'>;

/** The document a page's `slug` names, once the actor may read it (and do `action`, if given). */
export function documentForPage(
	db: AppDatabase,
	event: GuardEvent,
	action: Action = 'document:read'
): DocumentRow {
	authorize(event, 'staff:view');
	const found = findDocumentBySlug(db, event.params.slug ?? '');
	if (!found) error(404, 'Dieses Dokument gibt es nicht.');
	authorize(event, 'document:read', documentResource(found));
	if (action !== 'document:read') authorize(event, action, documentResource(found));
	return found;
}

/** The event a staff route names by its slug, after the actor is allowed the action on it. */
export function staffEvent(
	db: AppDatabase,
	event: GuardEvent,
	action: Extract<Action, 'event:view' | 'event:manage' | 'event:moderate'>
): EventRow {
	// Refused before the lookup, so nobody learns which events exist by trying.
	authorize(event, 'staff:view');
	authorize(event, action, { type: 'event', eventId: '', archived: false });
	const found = findEventBySlug(db, event.params.slug ?? '');
	if (!found) error(404, 'Diese Veranstaltung gibt es nicht.');
	authorize(event, action, eventResource(found));
	return found;
}

/** The participant's own event on /teilnahme/<slug>; anyone else is refused with a hint. */
export function participantEvent(db: AppDatabase, event: GuardEvent) {
	const found = findEventBySlug(db, event.params.slug ?? '');
	const participant = event.locals.participant;
	if (!found || !participant || participant.participant.eventId !== found.id) {
		error(403, messagesFor(event.locals.locale).error_not_participant());
	}
	authorize(event, 'event:participate', eventResource(found));
	return { eventRow: found, participant };
}

/**
 * The document and adopting body a route's `slug` and `organisation` name, once the actor may
 * read adoption records (and do `action` for that body, if given).
 */
export function bodyForPage(db: AppDatabase, event: GuardEvent, action?: Action) {
	authorize(event, 'adoption:read');
	const found = findDocumentBySlug(db, event.params.slug ?? '');
	if (!found) error(404, 'Dieses Dokument gibt es nicht.');
	const body = findAdoptingBody(db, event.params.organisation ?? '');
	if (!body) error(404, 'Diese Körperschaft gibt es nicht.');
	const resource = organisationResource(body);
	if (action) authorize(event, action, resource);
	return { document: found, body, resource };
}
