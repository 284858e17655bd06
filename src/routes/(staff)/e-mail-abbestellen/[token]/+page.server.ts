import { error, type RequestEvent } from '@sveltejs/kit';
import { authorize } from '$lib/server/http/guard';
import { mailKindLabels } from '$lib/server/mail/kinds';
import { setMailPreference, wantsMail } from '$lib/server/mail/outbox';
import { readUnsubscribeToken } from '$lib/server/mail/unsubscribe';

/** The signed link is the permission: it changes this one choice of this one person. */
function choiceOf(event: RequestEvent<{ token: string }>) {
	const { db } = event.locals.services;
	authorize(event, 'public:view');
	const choice = readUnsubscribeToken(db, event.params.token);
	if (!choice) {
		error(404, 'Dieser Link ist ungültig. Ihre E-Mails wählen Sie auch unter „Mein Konto“.');
	}
	return choice;
}

export function load(event) {
	const { db } = event.locals.services;
	const { userId, kind } = choiceOf(event);
	return { label: mailKindLabels[kind], receiving: wantsMail(db, userId, kind) };
}

export const actions = {
	default: async (event) => {
		const { db } = event.locals.services;
		const { userId, kind } = choiceOf(event);
		setMailPreference(db, userId, kind, false);
		return { done: true };
	}
};
