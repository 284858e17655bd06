import { error } from '@sveltejs/kit';
import { boardOfEvent } from '$lib/server/boards/boards';
import { staffEvent } from '$lib/server/http/resource-guards';
import { joinInfo } from '$lib/server/events/join-info';

export async function load(event) {
	const { db, attendance } = event.locals.services;
	const found = staffEvent(event.locals.services.db, event, 'event:manage');
	const board = boardOfEvent(db, found.id, event.params.board);
	if (!board) error(404, 'Diese Pinnwand gibt es bei dieser Veranstaltung nicht.');
	return {
		boardId: board.id,
		event: { title: found.title },
		join: await joinInfo(event.locals.services.config, found, event.url),
		attendance: attendance(found.id)
	};
}
