// Conference participants in tests: they join through the app's own join form, like a phone.
import { expect, request as playwrightRequest, type APIRequestContext } from '@playwright/test';
import { postForm } from './actors';
import { queryDatabase } from './database';

export const seededEventSlug = 'zukunftskonferenz';

/** The current join code of an event, read from the database the server writes. */
export function joinCodeOf(dataDir: string, slug: string): string {
	const [row] = queryDatabase<{ join_code: string }>(
		dataDir,
		'select join_code from event where slug = ?',
		slug
	);
	if (!row) throw new Error(`Keine Veranstaltung ${slug}`);
	return row.join_code;
}

export function workingGroupIdsOf(dataDir: string, slug: string): string[] {
	return queryDatabase<{ id: string }>(
		dataDir,
		`select working_group.id from working_group join event on event.id = working_group.event_id
		 where event.slug = ? order by working_group.sort_order`,
		slug
	).map((row) => row.id);
}

/** A fresh, cookie-keeping client that joined the event as an anonymous participant; with
 * `affiliation` (an organisation's slug) and `organisationType` where the event asks for them. */
export async function joinAsParticipant(
	baseURL: string,
	dataDir: string,
	slug: string,
	{ displayName = '', group = 0, affiliation = '', organisationType = '' } = {}
): Promise<APIRequestContext> {
	const request = await playwrightRequest.newContext({ baseURL });
	const code = joinCodeOf(dataDir, slug);
	const groupId = workingGroupIdsOf(dataDir, slug)[group] ?? '';
	const affiliationOrganisationId = affiliation
		? queryDatabase<{ id: string }>(
				dataDir,
				'select id from organisation where slug = ?',
				affiliation
			)[0].id
		: '';
	const response = await postForm(request, baseURL, `/join/${code}?/join`, {
		displayName,
		workingGroupId: groupId,
		affiliationOrganisationId,
		organisationType
	});
	expect(response.status(), 'Beitritt').toBe(303);
	expect(response.headers().location).toBe(`/teilnahme/${slug}?willkommen`);
	return request;
}

export function boardIdsOf(dataDir: string, slug: string): string[] {
	return queryDatabase<{ id: string }>(
		dataDir,
		`select board.id from board join working_group on working_group.id = board.working_group_id
		 join event on event.id = board.event_id where event.slug = ? order by working_group.sort_order`,
		slug
	).map((row) => row.id);
}

/** Route-table paths name the seeded event's current join code and its first board. */
export function fillPlaceholders(text: string, dataDir: string): string {
	return text
		.replace('{code}', () => joinCodeOf(dataDir, seededEventSlug))
		.replace('{board}', () => boardIdsOf(dataDir, seededEventSlug)[0])
		.replace(
			'{viewerUser}',
			() =>
				queryDatabase<{ id: string }>(
					dataDir,
					"select id from user where email = 'viewer@kamen.test'"
				)[0].id
		);
}

/** All cookies of a request context as one Cookie header, for raw WebSocket clients. */
export async function cookieHeader(request: APIRequestContext): Promise<string> {
	const state = await request.storageState();
	return state.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}
