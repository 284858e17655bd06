import { error, fail } from '@sveltejs/kit';
import * as v from 'valibot';
import { db, revalidateLiveConnections } from '$lib/server/app';
import { anonymisePerson, personData } from '$lib/server/accounts/privacy';
import { confirmation, parseForm } from '$lib/server/http/forms';
import { authorize, signedInUser } from '$lib/server/http/guard';

const AnonymiseForm = v.object({
	confirm: confirmation('Bitte bestätigen Sie, dass die Person anonymisiert werden soll.')
});

function personOf(id: string) {
	const data = personData(db(), id);
	if (!data) error(404, 'Diese Person gibt es nicht.');
	return data;
}

export function load(event) {
	authorize(event, 'person:privacy');
	const data = personOf(event.params.id);
	return {
		person: data.person,
		memberships: data.mitgliedschaften,
		contributions: {
			comments: data.kommentare.length,
			editingSessions: data.dokumentverlauf.filter((entry) => entry.art === 'edit').length,
			cards: data.karten.length
		},
		isSelf: event.params.id === event.locals.user?.id
	};
}

export const actions = {
	anonymise: async (event) => {
		authorize(event, 'person:privacy');
		const admin = signedInUser(event);
		personOf(event.params.id);
		const form = parseForm(AnonymiseForm, await event.request.formData());
		if (!form.ok) return fail(400, { message: form.message });
		const result = anonymisePerson(db(), { actorUserId: admin.id, userId: event.params.id });
		if (!result.ok) return fail(409, { message: result.message });
		// Their open editors and live views end now, not at the next periodic check.
		revalidateLiveConnections();
		return {
			success: 'Die Person ist anonymisiert. Ihre Beiträge bleiben als „ehemaliges Mitglied“.'
		};
	}
};
