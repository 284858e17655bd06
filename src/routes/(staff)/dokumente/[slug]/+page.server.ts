import { fail } from '@sveltejs/kit';
import { db } from '$lib/server/app';
import { documentForPage } from '$lib/server/documents/access';
import { setStatus } from '$lib/server/documents/documents';
import { StatusForm } from '$lib/server/documents/forms';
import { parseForm } from '$lib/server/http/forms';
import { userColour } from '$lib/editor/user-colour';
import { signedInUser } from '$lib/server/http/guard';

export function load(event) {
	documentForPage(db(), event);
	const user = signedInUser(event);
	return { user: { name: user.name, colour: userColour(user.id) } };
}

export const actions = {
	async status(event) {
		const found = documentForPage(db(), event, 'document:manage');
		const form = parseForm(StatusForm, await event.request.formData());
		if (!form.ok) return fail(400, { message: form.message });
		setStatus(db(), found.id, form.value.status, signedInUser(event).id);
		return { success: 'Der Stand des Dokuments ist geändert.' };
	}
};
