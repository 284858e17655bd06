import { error } from '@sveltejs/kit';
import { boardOfEvent } from '$lib/server/boards/boards';
import { staffEvent } from '$lib/server/http/resource-guards';

export function load(event) {
	const { db } = event.locals.services;
	const found = staffEvent(event.locals.services.db, event, 'event:view');
	const board = boardOfEvent(db, found.id, event.params.board);
	if (!board) error(404, 'Diese Pinnwand gibt es bei dieser Veranstaltung nicht.');
	return { boardId: board.id, event: { slug: found.slug, title: found.title } };
}
