import { fail, redirect } from '@sveltejs/kit';
import { db } from '$lib/server/app';
import { AcceptExistingForm, AcceptNewForm } from '$lib/server/accounts/forms';
import { acceptInvitation, findUsableLink } from '$lib/server/accounts/links';
import { startSession } from '$lib/server/auth/start-session';
import { parseForm } from '$lib/server/http/forms';
import { authorize } from '$lib/server/http/guard';

export function load(event) {
	authorize(event, 'public:view');
	const lookup = findUsableLink(db(), event.params.token, 'invitation');
	if (!lookup.ok) return { invitation: null, problem: lookup.message };
	return {
		problem: null,
		invitation: {
			email: lookup.link.email,
			organisationName: lookup.organisationName ?? '',
			roles: lookup.link.roles,
			existingAccount: Boolean(lookup.existingUserId),
			expiresAt: lookup.link.expiresAt
		}
	};
}

export const actions = {
	default: async (event) => {
		authorize(event, 'public:view');
		const token = event.params.token;
		const lookup = findUsableLink(db(), token, 'invitation');
		if (!lookup.ok) return fail(410, { message: lookup.message });
		const data = await event.request.formData();
		let result;
		if (lookup.existingUserId) {
			const form = parseForm(AcceptExistingForm, data);
			if (!form.ok) return fail(400, { message: form.message });
			result = await acceptInvitation(db(), token, { kind: 'existing', ...form.value });
		} else {
			const form = parseForm(AcceptNewForm, data);
			if (!form.ok) return fail(400, { message: form.message });
			result = await acceptInvitation(db(), token, {
				kind: 'new',
				name: form.value.name,
				password: form.value.password
			});
		}
		if (!result.ok || !result.userId)
			return fail(400, { message: result.ok ? '' : result.message });
		startSession(db(), event, result.userId);
		redirect(303, '/');
	}
};
