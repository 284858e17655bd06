import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { can, appResource, type Action, type MemberActor, type Resource } from '../policy';

type GuardEvent = Pick<RequestEvent, 'locals' | 'url' | 'request'>;

/**
 * Lets the request through when the actor may do the action. Otherwise an anonymous visitor who
 * asks for a page is sent to sign in (and back afterwards); any other refusal is 401 or 403 with
 * a German message.
 */
export function authorize(event: GuardEvent, action: Action, resource: Resource = appResource) {
	const { actor } = event.locals;
	if (can(actor, action, resource)) return;
	if (actor.kind === 'anonymous') {
		if (event.request.method === 'GET') {
			const back = event.url.pathname + event.url.search;
			redirect(303, `/anmelden?weiter=${encodeURIComponent(back)}`);
		}
		error(401, 'Bitte melden Sie sich an.');
	}
	error(403, 'Sie haben keine Berechtigung für diese Seite oder Aktion.');
}

/** The signed-in person; for routes that have already called authorize for a member action. */
export function signedInUser(event: Pick<RequestEvent, 'locals'>) {
	const { user } = event.locals;
	if (!user) error(401, 'Bitte melden Sie sich an.');
	return user;
}

/** The signed-in member as the policy sees them; for routes past authorize for a member action. */
export function signedInMember(event: Pick<RequestEvent, 'locals'>): MemberActor {
	const { actor } = event.locals;
	if (actor.kind !== 'member') error(401, 'Bitte melden Sie sich an.');
	return actor;
}
