import { error } from '@sveltejs/kit';
import { boardOfEvent } from '$lib/server/boards/boards';
import { readOnlyReason } from '$lib/server/boards/group-boards';
import { participantEvent } from '$lib/server/http/resource-guards';
import { messagesFor } from '$lib/server/i18n/messages';

export function load(event) {
	const { db } = event.locals.services;
	const m = messagesFor(event.locals.locale);
	const { eventRow, participant } = participantEvent(event.locals.services.db, event);
	const found = boardOfEvent(db, eventRow.id, event.params.board);
	if (!found) error(404, m.board_not_found());
	// The only reason a participant reads without writing: the board is another group's.
	const readOnly = readOnlyReason(db, found, {
		kind: 'participant',
		key: participant.participant.id
	});
	return {
		boardId: found.id,
		event: { slug: eventRow.slug, title: eventRow.title },
		readOnly: readOnly ? m.board_other_group() : null
	};
}
