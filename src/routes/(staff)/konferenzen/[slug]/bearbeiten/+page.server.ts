import { fail, redirect } from '@sveltejs/kit';
import { staffEvent } from '$lib/server/http/resource-guards';
import { listWorkingGroups, updateEvent } from '$lib/server/events/events';
import { parseEventForm } from '$lib/server/events/forms';

export function load(event) {
	const { db } = event.locals.services;
	const found = staffEvent(event.locals.services.db, event, 'event:manage');
	return {
		event: {
			slug: found.slug,
			title: found.title,
			date: found.date,
			place: found.place,
			description: found.description,
			agenda: found.agenda,
			asksAffiliation: found.asksAffiliation,
			ownGroupBoardsOnly: found.ownGroupBoardsOnly,
			workingGroups: listWorkingGroups(db, found.id).map(({ id, title, question }) => ({
				id,
				title,
				question
			}))
		},
		copied: event.url.searchParams.has('kopie')
	};
}

export const actions = {
	default: async (event) => {
		const { db } = event.locals.services;
		const found = staffEvent(event.locals.services.db, event, 'event:manage');
		const form = parseEventForm(await event.request.formData());
		if (!form.ok) return fail(400, { message: form.message });
		updateEvent(db, found.id, form.value);
		redirect(303, `/konferenzen/${found.slug}?gespeichert`);
	}
};
