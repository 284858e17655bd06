import { redirect } from '@sveltejs/kit';
import { listBoards } from '$lib/server/boards/boards';
import { staffEvent } from '$lib/server/http/resource-guards';
import { eventResource, can } from '$lib/server/policy';
import {
	copyEvent,
	listWorkingGroups,
	participantCounts,
	rotateJoinCode,
	setEventArchived,
	setJoiningOpen
} from '$lib/server/events/events';
import { signedInUser } from '$lib/server/http/guard';
import { publicUrl } from '$lib/server/http/public-url';

export function load(event) {
	const { config, db, attendance } = event.locals.services;
	const found = staffEvent(event.locals.services.db, event, 'event:view');
	const counts = participantCounts(db, found.id);
	const boards = listBoards(db, found.id);
	return {
		event: {
			slug: found.slug,
			title: found.title,
			date: found.date,
			place: found.place,
			description: found.description,
			agenda: found.agenda,
			joinCode: found.joinCode,
			joiningOpen: found.joiningOpen,
			asksAffiliation: found.asksAffiliation,
			archived: Boolean(found.archivedAt)
		},
		joinUrl: publicUrl(config, `/join/${found.joinCode}`, event.url),
		workingGroups: listWorkingGroups(db, found.id).map((group) => ({
			id: group.id,
			title: group.title,
			question: group.question,
			participants: counts.get(group.id) ?? 0,
			board: boards.find((board) => board.workingGroupId === group.id)
		})),
		attendance: attendance(found.id),
		withoutGroup: counts.get('') ?? 0,
		canManage: can(event.locals.actor, 'event:manage', eventResource(found)),
		created: event.url.searchParams.has('angelegt')
	};
}

export const actions = {
	open: (event) => {
		const { db } = event.locals.services;
		const found = staffEvent(event.locals.services.db, event, 'event:manage');
		setJoiningOpen(db, found.id, true);
		return { success: 'Die Anmeldung ist offen.' };
	},
	close: (event) => {
		const { db } = event.locals.services;
		const found = staffEvent(event.locals.services.db, event, 'event:manage');
		setJoiningOpen(db, found.id, false);
		return { success: 'Die Anmeldung ist geschlossen. Wer schon dabei ist, bleibt dabei.' };
	},
	rotateCode: (event) => {
		const { db } = event.locals.services;
		const found = staffEvent(event.locals.services.db, event, 'event:manage');
		const code = rotateJoinCode(db, found.id);
		return { success: `Neuer Code: ${code}. Der alte Code gilt nicht mehr.` };
	},
	copy: (event) => {
		const { db } = event.locals.services;
		const found = staffEvent(event.locals.services.db, event, 'event:manage');
		const copy = copyEvent(db, found.id, signedInUser(event).id);
		redirect(303, `/konferenzen/${copy!.slug}/bearbeiten?kopie`);
	},
	archive: (event) => {
		const { db } = event.locals.services;
		const found = staffEvent(event.locals.services.db, event, 'event:manage');
		setEventArchived(db, found.id, true);
		return { success: 'Die Veranstaltung ist archiviert; die Anmeldung ist geschlossen.' };
	},
	restore: (event) => {
		const { db } = event.locals.services;
		const found = staffEvent(event.locals.services.db, event, 'event:manage');
		setEventArchived(db, found.id, false);
		return {
			success: 'Die Veranstaltung ist wiederhergestellt. Die Anmeldung bleibt geschlossen.'
		};
	}
};
