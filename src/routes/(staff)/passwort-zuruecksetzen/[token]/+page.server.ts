import { fail } from '@sveltejs/kit';
import { NewPasswordForm } from '$lib/server/accounts/forms';
import { findUsableLink, resetPassword } from '$lib/server/accounts/links';
import { parseForm } from '$lib/server/http/forms';
import { authorize } from '$lib/server/http/guard';

export function load(event) {
	const { db } = event.locals.services;
	authorize(event, 'public:view');
	const lookup = findUsableLink(db, event.params.token, 'password-reset');
	return lookup.ok
		? { problem: null, email: lookup.link.email }
		: { problem: lookup.message, email: null };
}

export const actions = {
	default: async (event) => {
		const { db } = event.locals.services;
		authorize(event, 'public:view');
		const form = parseForm(NewPasswordForm, await event.request.formData());
		if (!form.ok) return fail(400, { message: form.message, done: false });
		const result = await resetPassword(db, event.params.token, form.value.password);
		if (!result.ok) return fail(400, { message: result.message, done: false });
		return { message: null, done: true };
	}
};
