import { fail, redirect } from '@sveltejs/kit';
import { SignInForm } from '$lib/server/accounts/forms';
import { startSession } from '$lib/server/auth/start-session';
import { signIn } from '$lib/server/auth/sign-in';
import { parseForm } from '$lib/server/http/forms';
import { authorize } from '$lib/server/http/guard';
import { safeNextPath } from '$lib/server/http/next-path';
import { setRetryAfter } from '$lib/server/http/retry-after';
import { mailIsOn } from '$lib/server/mail/outbox';

export function load(event) {
	authorize(event, 'public:view');
	const next = safeNextPath(event.url.searchParams.get('weiter'));
	if (event.locals.user) redirect(303, next);
	return { next, signedOut: event.url.searchParams.has('abgemeldet'), mailOn: mailIsOn() };
}

export const actions = {
	default: async (event) => {
		const { db, throttleRules, metrics } = event.locals.services;
		authorize(event, 'public:view');
		const form = parseForm(SignInForm, await event.request.formData());
		if (!form.ok) return fail(400, { message: form.message, email: '' });
		const { email, password, weiter } = form.value;
		const result = await signIn(
			db,
			{ email, password, ipAddress: event.getClientAddress() },
			throttleRules
		);
		if (!result.ok) {
			if (result.retryAfterMs) setRetryAfter(event, result.retryAfterMs);
			else metrics.signInFailed();
			return fail(result.retryAfterMs ? 429 : 400, { message: result.message, email });
		}
		startSession(db, event, result.userId);
		redirect(303, safeNextPath(weiter));
	}
};
