import { fail, redirect } from '@sveltejs/kit';
import { db, signInThrottleRules } from '$lib/server/app';
import { lookUpJoinCode } from '$lib/server/events/joining';
import { authorize } from '$lib/server/http/guard';

const statusOf = { locked: 429, malformed: 400, unknown: 404 } as const;

export function load(event) {
	authorize(event, 'public:view');
	return {};
}

export const actions = {
	default: async (event) => {
		authorize(event, 'public:view');
		const entered = (await event.request.formData()).get('code');
		const input = typeof entered === 'string' ? entered : '';
		const lookup = lookUpJoinCode(
			db(),
			input,
			event.getClientAddress(),
			signInThrottleRules().join
		);
		if (lookup.kind === 'found') redirect(303, `/join/${lookup.event.joinCode}`);
		return fail(statusOf[lookup.kind], {
			code: input.slice(0, 20),
			message: lookup.message
		});
	}
};
