// The people the tests act as, created through the app's own flows: the configured admin signs
// in and invites everyone else the policy fixture names (src/lib/server/policy-fixture.ts) into
// their organisation with their roles.
import { expect, request as playwrightRequest, type APIRequestContext } from '@playwright/test';
import {
	fixtureMembers,
	memberActorNames,
	type MemberActorName
} from '../../src/lib/server/policy-fixture';

export const adminCredentials = {
	email: fixtureMembers.admin.email,
	password: 'Admin-Passwort-2026'
};
export const serverEnvWithAdmin = {
	ADMIN_EMAIL: adminCredentials.email,
	ADMIN_PASSWORD: adminCredentials.password
};

export { memberActorNames, type MemberActorName };

export interface TestActor {
	name: MemberActorName;
	email: string;
	password: string;
	request: APIRequestContext;
}

export const memberPassword = 'Mitglied-Passwort-2026';

/** A urlencoded form body; repeated keys for lists such as roles. */
export function formBody(fields: Record<string, string | string[]>): string {
	const body = new URLSearchParams();
	for (const [key, value] of Object.entries(fields)) {
		for (const item of Array.isArray(value) ? value : [value]) body.append(key, item);
	}
	return body.toString();
}

export async function postForm(
	request: APIRequestContext,
	baseURL: string,
	path: string,
	fields: Record<string, string | string[]>
) {
	return request.post(path, {
		data: formBody(fields),
		// Browsers submit forms asking for HTML; otherwise SvelteKit answers actions with JSON.
		headers: {
			'content-type': 'application/x-www-form-urlencoded',
			accept: 'text/html',
			origin: baseURL
		},
		maxRedirects: 0
	});
}

export async function signedInRequest(baseURL: string, email: string, password: string) {
	const request = await playwrightRequest.newContext({ baseURL });
	const response = await postForm(request, baseURL, '/anmelden', { email, password, weiter: '/' });
	expect(response.status(), `Anmeldung von ${email}`).toBe(303);
	return request;
}

/** Creates an invitation as `inviter` and returns the path of its link. */
export async function invite(
	inviter: APIRequestContext,
	baseURL: string,
	org: string,
	email: string,
	roles: string[]
): Promise<string> {
	const response = await postForm(inviter, baseURL, `/verwaltung/organisationen/${org}?/invite`, {
		email,
		roles
	});
	expect(response.status(), 'Einladung erstellen').toBe(200);
	const match = /\/einladung\/[a-z0-9]+/.exec(await response.text());
	if (!match) throw new Error('Kein Einladungslink in der Antwort');
	return match[0];
}

export async function acceptInvitation(
	baseURL: string,
	linkPath: string,
	name: string,
	password: string
) {
	const request = await playwrightRequest.newContext({ baseURL });
	const response = await postForm(request, baseURL, `${linkPath}?/create`, {
		name,
		password,
		passwordRepeat: password
	});
	expect(response.status(), 'Einladung annehmen').toBe(303);
	return request;
}

export async function createActors(baseURL: string): Promise<Record<MemberActorName, TestActor>> {
	const admin = await signedInRequest(baseURL, adminCredentials.email, adminCredentials.password);
	const actors = {
		admin: { name: 'admin', ...adminCredentials, request: admin }
	} as Record<MemberActorName, TestActor>;
	for (const name of memberActorNames) {
		if (name === 'admin') continue;
		const { organisation, roles, email, label } = fixtureMembers[name];
		const link = await invite(admin, baseURL, organisation, email, [...roles]);
		const request = await acceptInvitation(baseURL, link, label, memberPassword);
		actors[name] = { name, email, password: memberPassword, request };
	}
	return actors;
}
