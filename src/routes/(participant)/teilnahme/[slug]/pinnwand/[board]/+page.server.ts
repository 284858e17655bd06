import { error } from '@sveltejs/kit';
import { boardOfEvent } from '$lib/server/boards/boards';
import { readOnlyReason } from '$lib/server/boards/group-boards';
import { participantEvent } from '$lib/server/http/resource-guards';

export function load(event) {
	const { db } = event.locals.services;
	const { eventRow, participant } = participantEvent(event.locals.services.db, event);
	const found = boardOfEvent(db, eventRow.id, event.params.board);
	if (!found) error(404, 'Diese Pinnwand gibt es bei dieser Veranstaltung nicht.');
	return {
		boardId: found.id,
		event: { slug: eventRow.slug, title: eventRow.title },
		readOnly: readOnlyReason(db, found, {
			kind: 'participant',
			key: participant.participant.id
		})
	};
}
