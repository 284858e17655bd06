import { fail } from '@sveltejs/kit';
import { NameForm, PasswordChangeForm } from '$lib/server/accounts/forms';
import { changeName, changePassword, listMembershipsOfUser } from '$lib/server/accounts/members';
import { parseForm } from '$lib/server/http/forms';
import { MailPreferencesForm } from '$lib/server/mail/forms';
import { mailKindLabels } from '$lib/server/mail/kinds';
import { mailIsOn, mailPreferencesOf, setMailPreferences } from '$lib/server/mail/outbox';
import { authorize, signedInUser } from '$lib/server/http/guard';

export function load(event) {
	const { db } = event.locals.services;
	authorize(event, 'staff:view');
	const user = signedInUser(event);
	return {
		account: { name: user.name, email: user.email },
		memberships: listMembershipsOfUser(db, user.id).map(({ slug, name, roles }) => ({
			slug,
			name,
			roles
		})),
		mail: mailIsOn()
			? mailPreferencesOf(db, user.id).map(({ kind, enabled }) => ({
					kind,
					enabled,
					label: mailKindLabels[kind]
				}))
			: null
	};
}

export const actions = {
	name: async (event) => {
		const { db } = event.locals.services;
		authorize(event, 'staff:view');
		const user = signedInUser(event);
		const form = parseForm(NameForm, await event.request.formData());
		if (!form.ok) return fail(400, { form: 'name', message: form.message });
		changeName(db, user.id, form.value.name);
		return { form: 'name', success: 'Ihr Name ist gespeichert.' };
	},
	mail: async (event) => {
		const { db } = event.locals.services;
		authorize(event, 'staff:view');
		const user = signedInUser(event);
		const form = parseForm(MailPreferencesForm, await event.request.formData(), ['kinds']);
		if (!form.ok) return fail(400, { form: 'mail', message: form.message });
		setMailPreferences(db, user.id, form.value.kinds);
		return { form: 'mail', success: 'Ihre Auswahl der E-Mails ist gespeichert.' };
	},
	password: async (event) => {
		const { db } = event.locals.services;
		authorize(event, 'staff:view');
		const user = signedInUser(event);
		const form = parseForm(PasswordChangeForm, await event.request.formData());
		if (!form.ok) return fail(400, { form: 'password', message: form.message });
		const result = await changePassword(db, {
			userId: user.id,
			currentPassword: form.value.currentPassword,
			newPassword: form.value.password,
			keepSessionId: event.locals.sessionId!
		});
		if (!result.ok) return fail(400, { form: 'password', message: result.message });
		return {
			form: 'password',
			success: 'Ihr Passwort ist geändert. Alle anderen Anmeldungen wurden beendet.'
		};
	}
};
