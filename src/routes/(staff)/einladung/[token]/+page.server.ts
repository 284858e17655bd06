import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { AcceptExistingForm, AcceptNewForm } from '$lib/server/accounts/forms';
import { acceptInvitation, findUsableLink } from '$lib/server/accounts/links';
import { startSession } from '$lib/server/auth/start-session';
import { signIn } from '$lib/server/auth/sign-in';
import { parseForm } from '$lib/server/http/forms';
import { authorize } from '$lib/server/http/guard';
import { setRetryAfter } from '$lib/server/http/retry-after';

// The page looks the same whether or not the invited address has an account: someone who has
// one signs in here through the same throttled sign-in as on /anmelden, then accepts.

function usableLink(event: RequestEvent<{ token: string }>) {
	const { db } = event.locals.services;
	authorize(event, 'public:view');
	const lookup = findUsableLink(db, event.params.token, 'invitation');
	if (!lookup.ok) return { ok: false as const, failure: fail(410, { message: lookup.message }) };
	return lookup;
}

export function load(event) {
	const { db } = event.locals.services;
	authorize(event, 'public:view');
	const lookup = findUsableLink(db, event.params.token, 'invitation');
	if (!lookup.ok) return { invitation: null, problem: lookup.message, signedInAs: null };
	const user = event.locals.user;
	return {
		problem: null,
		invitation: {
			email: lookup.link.email,
			organisationName: lookup.organisationName ?? '',
			roles: lookup.link.roles,
			expiresAt: lookup.link.expiresAt
		},
		signedInAs: user ? { email: user.email, isInvited: user.email === lookup.link.email } : null
	};
}

export const actions = {
	/** A new person: name and password make the account. */
	create: async (event) => {
		const { db } = event.locals.services;
		const lookup = usableLink(event);
		if (!lookup.ok) return lookup.failure;
		const form = parseForm(AcceptNewForm, await event.request.formData());
		if (!form.ok) return fail(400, { action: 'create', message: form.message });
		const result = await acceptInvitation(db, event.params.token, {
			kind: 'new',
			name: form.value.name,
			password: form.value.password
		});
		if (!result.ok) return fail(409, { action: 'create', message: result.message });
		startSession(db, event, result.userId!);
		redirect(303, '/');
	},
	/** Someone with an account signs in, throttled like every sign-in, and accepts. */
	signIn: async (event) => {
		const { db, throttleRules, metrics } = event.locals.services;
		const lookup = usableLink(event);
		if (!lookup.ok) return lookup.failure;
		const form = parseForm(AcceptExistingForm, await event.request.formData());
		if (!form.ok) return fail(400, { action: 'signIn', message: form.message });
		const signedIn = await signIn(
			db,
			{
				email: lookup.link.email,
				password: form.value.password,
				ipAddress: event.getClientAddress(),
				forInvitation: true
			},
			throttleRules
		);
		if (!signedIn.ok) {
			if (signedIn.retryAfterMs) setRetryAfter(event, signedIn.retryAfterMs);
			else metrics.signInFailed();
			return fail(signedIn.retryAfterMs ? 429 : 400, {
				action: 'signIn',
				message: signedIn.message
			});
		}
		return acceptAs(event, signedIn.userId);
	},
	/** Signed in already, as the invited address. */
	accept: async (event) => {
		const lookup = usableLink(event);
		if (!lookup.ok) return lookup.failure;
		const user = event.locals.user;
		if (!user) error(401, 'Bitte melden Sie sich an.');
		return acceptAs(event, user.id);
	}
};

async function acceptAs(event: RequestEvent<{ token: string }>, userId: string) {
	const { db } = event.locals.services;
	const result = await acceptInvitation(db, event.params.token, { kind: 'signed-in', userId });
	if (!result.ok) return fail(409, { action: 'accept', message: result.message });
	startSession(db, event, userId);
	redirect(303, '/');
}
