import { fail, redirect } from '@sveltejs/kit';
import { codeLookupMessage } from '$lib/server/events/join-messages';
import { lookUpJoinCode } from '$lib/server/events/joining';
import { authorize } from '$lib/server/http/guard';
import { setRetryAfter } from '$lib/server/http/retry-after';
import { messagesFor } from '$lib/server/i18n/messages';

const statusOf = { locked: 429, malformed: 400, unknown: 404 } as const;

export function load(event) {
	authorize(event, 'public:view');
	return {};
}

export const actions = {
	default: async (event) => {
		const { db, throttleRules, metrics } = event.locals.services;
		authorize(event, 'public:view');
		const entered = (await event.request.formData()).get('code');
		const input = typeof entered === 'string' ? entered : '';
		const lookup = lookUpJoinCode(db, input, event.getClientAddress(), throttleRules.join);
		if (lookup.kind === 'found') redirect(303, `/join/${lookup.event.joinCode}`);
		metrics.joinRefused(lookup.kind);
		if (lookup.kind === 'locked') setRetryAfter(event, lookup.retryAfterMs);
		return fail(statusOf[lookup.kind], {
			code: input.slice(0, 20),
			message: codeLookupMessage(messagesFor(event.locals.locale), lookup)
		});
	}
};
