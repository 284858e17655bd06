import { fail, redirect } from '@sveltejs/kit';
import { createEvent } from '$lib/server/events/events';
import { parseEventForm } from '$lib/server/events/forms';
import { authorize, signedInUser } from '$lib/server/http/guard';

export function load(event) {
	authorize(event, 'event:create');
	return {};
}

export const actions = {
	default: async (event) => {
		const { db } = event.locals.services;
		authorize(event, 'event:create');
		const user = signedInUser(event);
		const form = parseEventForm(await event.request.formData());
		if (!form.ok) return fail(400, { message: form.message });
		const created = createEvent(db, { ...form.value, createdBy: user.id });
		redirect(303, `/konferenzen/${created.slug}?angelegt`);
	}
};
