import { request as playwrightRequest, type APIRequestContext } from '@playwright/test';
import { postForm, signedInRequest, type MemberActorName } from './support/actors';
import { queryDatabase } from './support/database';
import {
	boardIdsOf,
	cookieHeader,
	fillPlaceholders,
	seededEventSlug
} from './support/participants';
import { discoverChannels, discoverRoutes, routeKey } from './support/routes';
import { channelTable } from './authz/channel-table';
import { probeChannel } from './authz/channel-probe';
import { actorNames, routeTable, type ActorName, type RouteCase } from './authz/route-table';
import { expect, test } from './support/fixtures';

test('every page, endpoint and form action is in the route × actor table', () => {
	const served = discoverRoutes().map(routeKey).sort();
	// A route may have several rows (a real target and an error page); it needs at least one.
	const covered = [...new Set(routeTable.map(routeKey))].sort();
	expect(covered, 'Routen ohne Eintrag in tests/authz/route-table.ts').toEqual(served);
});

test('every live channel is in the channel × actor table', () => {
	const registered = [...new Set(discoverChannels())].sort();
	expect(registered.length, 'Kanäle gefunden').toBeGreaterThan(0);
	const covered = [...new Set(channelTable.map((row) => row.channel))].sort();
	expect(covered, 'Kanäle ohne Eintrag in tests/authz/channel-table.ts').toEqual(registered);
});

/** Replaces a row's `{name}` placeholders by the values its target was made with. */
function fill(text: string, values: Record<string, string>): string {
	return text.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

function target(routeCase: RouteCase, values: Record<string, string>, dataDir: string): string {
	const path = fillPlaceholders(fill(routeCase.path ?? routeCase.route, values), dataDir);
	if (routeCase.kind !== 'action' || routeCase.action === 'default') return path;
	return `${path}?/${routeCase.action}`;
}

for (const routeCase of routeTable) {
	for (const actorName of actorNames) {
		const expected = routeCase.access[actorName];
		const shownPath =
			routeCase.path && routeCase.path !== routeCase.route ? ` ${routeCase.path}` : '';
		const notReal =
			routeCase.notReal && !routeCase.notReal.realFor?.includes(actorName)
				? routeCase.notReal
				: undefined;
		const outcome = expected === 'allow' && notReal ? `${notReal.status}` : expected;
		test(`${routeKey(routeCase)}${shownPath} as ${actorName}: ${outcome}`, async ({
			actors,
			participant,
			server
		}) => {
			let request: APIRequestContext;
			let disposable = true;
			if (actorName === 'participant') {
				request = participant;
				disposable = false;
			} else if (actorName === 'anonymous') {
				request = await playwrightRequest.newContext({ baseURL: server.url });
			} else if (routeCase.endsSession) {
				const actor = actors[actorName as MemberActorName];
				request = await signedInRequest(server.url, actor.email, actor.password);
			} else {
				request = actors[actorName as MemberActorName].request;
				disposable = false;
			}
			try {
				const values = routeCase.prepare
					? await routeCase.prepare({ server, actors, actorName, request })
					: {};
				const form = Object.fromEntries(
					Object.entries(routeCase.form ?? {}).map(([key, value]) => [
						key,
						typeof value === 'string'
							? fillPlaceholders(fill(value, values), server.dataDir)
							: value
					])
				);
				const url = target(routeCase, values, server.dataDir);
				const response =
					routeCase.method === 'GET'
						? await request.get(url, { maxRedirects: 0 })
						: await postForm(request, server.url, url, form);
				const status = response.status();
				if (expected === 'deny') {
					// A participant has no account: member pages treat them as anonymous.
					const toSignIn =
						(actorName === 'anonymous' || actorName === 'participant') &&
						routeCase.method === 'GET' &&
						status === 303 &&
						response.headers().location?.startsWith('/anmelden?weiter=');
					expect(toSignIn || [401, 403].includes(status), `refused, got ${status}`).toBe(true);
				} else if (notReal) {
					expect(status, `past the guard: ${notReal.why}`).toBe(notReal.status);
				} else {
					expect(status, 'served: 2xx or 3xx').toBeGreaterThanOrEqual(200);
					expect(status, 'served: 2xx or 3xx').toBeLessThan(400);
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

/** The seeded things a channel's path names. */
function channelPath(path: string, dataDir: string): string {
	const id = (sql: string) => queryDatabase<{ id: string }>(dataDir, sql)[0].id;
	return fill(path, {
		leitbild: id("select id from document where slug = 'leitbild'"),
		event: id(`select id from event where slug = '${seededEventSlug}'`),
		board: boardIdsOf(dataDir, seededEventSlug)[0]
	});
}

for (const row of channelTable) {
	for (const actorName of actorNames) {
		const expected = row.access[actorName];
		test(`WS ${row.path} as ${actorName}: ${expected}`, async ({ actors, participant, server }) => {
			const cookie =
				actorName === 'anonymous'
					? ''
					: await cookieHeader(
							actorName === 'participant'
								? participant
								: actors[actorName as Exclude<ActorName, 'anonymous' | 'participant'>].request
						);
			const outcome = await probeChannel(
				server.url,
				channelPath(row.path, server.dataDir),
				cookie,
				row.probe
			);
			if (expected === 'allow') {
				expect(outcome, 'opened, with its first message').toEqual({ kind: 'message' });
			} else if (outcome.kind === 'refused') {
				expect([401, 403], 'handshake refused').toContain(outcome.status);
			} else {
				expect(outcome.kind, 'refused or closed for a policy reason').toBe('closed');
				const code = outcome.kind === 'closed' ? outcome.code : 0;
				expect(code >= 4400 && code < 4500, `closed with ${code}`).toBe(true);
			}
		});
	}
}
