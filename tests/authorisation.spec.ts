import { request as playwrightRequest, type APIRequestContext } from '@playwright/test';
import { postForm, signedInRequest } from './support/actors';
import { fillPlaceholders } from './support/participants';
import { discoverRoutes, routeKey } from './support/routes';
import { actorNames, routeTable, type ActorName, type RouteCase } from './authz/route-table';
import { expect, test } from './support/fixtures';

test('every page, endpoint and form action is in the route × actor table', () => {
	const served = discoverRoutes().map(routeKey).sort();
	// A route may have several rows (a made-up id and a real one); it needs at least one.
	const covered = [...new Set(routeTable.map(routeKey))].sort();
	expect(covered, 'Routen ohne Eintrag in tests/authz/route-table.ts').toEqual(served);
});

function target(routeCase: RouteCase, dataDir: string): string {
	const path = fillPlaceholders(routeCase.path ?? routeCase.route, dataDir);
	if (routeCase.kind !== 'action' || routeCase.action === 'default') return path;
	return `${path}?/${routeCase.action}`;
}

for (const routeCase of routeTable) {
	for (const actorName of actorNames) {
		const expected = routeCase.access[actorName];
		const shownPath =
			routeCase.path && routeCase.path !== routeCase.route ? ` ${routeCase.path}` : '';
		test(`${routeKey(routeCase)}${shownPath} as ${actorName}: ${expected}`, async ({
			actors,
			participant,
			server
		}) => {
			let request: APIRequestContext;
			let disposable = true;
			const form = Object.fromEntries(
				Object.entries(routeCase.form ?? {}).map(([key, value]) => [
					key,
					typeof value === 'string' ? fillPlaceholders(value, server.dataDir) : value
				])
			);
			if (actorName === 'participant') {
				request = participant;
				disposable = false;
			} else if (actorName === 'anonymous') {
				request = await playwrightRequest.newContext({ baseURL: server.url });
			} else if (routeCase.endsSession) {
				const actor = actors[actorName as Exclude<ActorName, 'anonymous' | 'participant'>];
				request = await signedInRequest(server.url, actor.email, actor.password);
			} else {
				request = actors[actorName as Exclude<ActorName, 'anonymous' | 'participant'>].request;
				disposable = false;
			}
			try {
				const response =
					routeCase.method === 'GET'
						? await request.get(target(routeCase, server.dataDir), { maxRedirects: 0 })
						: await postForm(request, server.url, target(routeCase, server.dataDir), form);
				const status = response.status();
				if (expected === 'deny') {
					// A participant has no account: member pages treat them as anonymous.
					const toSignIn =
						(actorName === 'anonymous' || actorName === 'participant') &&
						routeCase.method === 'GET' &&
						status === 303 &&
						response.headers().location?.startsWith('/anmelden?weiter=');
					expect(toSignIn || [401, 403].includes(status), `refused, got ${status}`).toBe(true);
				} else {
					expect([401, 403], `served, got ${status}`).not.toContain(status);
					expect(status, 'no server error').toBeLessThan(500);
					if (status === 303) {
						expect(response.headers().location, 'not sent to sign in').not.toMatch(
							/^\/anmelden\?weiter/
						);
					}
				}
			} finally {
				if (disposable) await request.dispose();
			}
		});
	}
}
