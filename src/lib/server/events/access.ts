// The event a staff route names by its slug, after the actor is allowed the action on it.
import { error, type RequestEvent } from '@sveltejs/kit';
import type { EventRow } from '../db/schema';
import { authorize } from '../http/guard';
import type { Action } from '../policy';
import { findEventBySlug } from './events';

type GuardEvent = Pick<RequestEvent, 'locals' | 'url' | 'request' | 'params'>;

export function eventResource(row: Pick<EventRow, 'id'>) {
	return { type: 'event', eventId: row.id } as const;
}

export function staffEvent(
	event: GuardEvent,
	action: Extract<Action, 'event:view' | 'event:manage' | 'event:moderate'>
): EventRow {
	// Refused before the lookup, so nobody learns which events exist by trying.
	authorize(event, 'staff:view');
	authorize(event, action, { type: 'event', eventId: '' });
	const found = findEventBySlug(event.locals.services.db, event.params.slug ?? '');
	if (!found) error(404, 'Diese Veranstaltung gibt es nicht.');
	authorize(event, action, eventResource(found));
	return found;
}

/** The participant's own event on /teilnahme/<slug>; anyone else is refused with a hint. */
export function participantEvent(event: GuardEvent) {
	const found = findEventBySlug(event.locals.services.db, event.params.slug ?? '');
	const participant = event.locals.participant;
	if (!found || !participant || participant.participant.eventId !== found.id) {
		error(
			403,
			'Sie nehmen an dieser Veranstaltung nicht teil. Treten Sie mit dem Code bei, der bei der Veranstaltung angezeigt wird.'
		);
	}
	authorize(event, 'event:participate', eventResource(found));
	return { eventRow: found, participant };
}
