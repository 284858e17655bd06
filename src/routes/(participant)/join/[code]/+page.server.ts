import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import type { EventRow } from '$lib/server/db/schema';
import { listWorkingGroups } from '$lib/server/events/events';
import {
	codeLookupMessage,
	parseProfileForm,
	parseReentryForm,
	profileRefusalMessage,
	rejoinMessage,
	tooManyJoinsMessage
} from '$lib/server/events/join-messages';
import { lookUpJoinCode, rejoinByCode } from '$lib/server/events/joining';
import {
	joinEvent,
	participantCookieName,
	participantFromCookie,
	setParticipantCookie
} from '$lib/server/events/participants';
import { affiliationOptions, checkProfile } from '$lib/server/events/profile';
import { authorize } from '$lib/server/http/guard';
import { setRetryAfter } from '$lib/server/http/retry-after';
import { messagesFor } from '$lib/server/i18n/messages';

/** The event behind the code in the URL; a wrong code is counted like one typed on /join. */
function eventOfCode(event: RequestEvent<{ code: string }>) {
	const { db, throttleRules, metrics } = event.locals.services;
	authorize(event, 'public:view');
	const lookup = lookUpJoinCode(
		db,
		event.params.code,
		event.getClientAddress(),
		throttleRules.join
	);
	if (lookup.kind === 'found') return lookup.event;
	metrics.joinRefused(lookup.kind);
	if (lookup.kind === 'locked') setRetryAfter(event, lookup.retryAfterMs);
	error(
		{ locked: 429, malformed: 404, unknown: 404 }[lookup.kind],
		codeLookupMessage(messagesFor(event.locals.locale), lookup)
	);
}

function homeOf(slug: string) {
	return `/teilnahme/${slug}`;
}

/** Someone who is in already goes to the event's page instead of joining twice. */
function redirectIfJoined(event: RequestEvent, found: EventRow) {
	const { db } = event.locals.services;
	const cookie = event.cookies.get(participantCookieName(found.id));
	if (participantFromCookie(db, found.id, cookie)) redirect(303, homeOf(found.slug));
}

export function load(event) {
	const { db } = event.locals.services;
	const found = eventOfCode(event);
	redirectIfJoined(event, found);
	return {
		event: {
			title: found.title,
			date: found.date,
			place: found.place,
			joinCode: found.joinCode,
			joiningOpen: found.joiningOpen && !found.archivedAt,
			asksAffiliation: found.asksAffiliation
		},
		workingGroups: listWorkingGroups(db, found.id).map(({ id, title, question }) => ({
			id,
			title,
			question
		})),
		affiliations: found.asksAffiliation
			? affiliationOptions(db).map(({ id, name }) => ({ id, name }))
			: []
	};
}

export const actions = {
	join: async (event) => {
		const { db, newParticipants } = event.locals.services;
		const m = messagesFor(event.locals.locale);
		const found = eventOfCode(event);
		redirectIfJoined(event, found);
		const data = await event.request.formData();
		const values = {
			displayName: String(data.get('displayName') ?? '').slice(0, 200),
			workingGroupId: String(data.get('workingGroupId') ?? ''),
			affiliationOrganisationId: String(data.get('affiliationOrganisationId') ?? ''),
			organisationType: String(data.get('organisationType') ?? '')
		};
		if (!found.joiningOpen || found.archivedAt) {
			return fail(403, { values, message: m.join_closed_message() });
		}
		const form = parseProfileForm(m, data);
		if (!form.ok) return fail(400, { values, message: form.message });
		const profile = checkProfile(db, found, form.value);
		if (!profile.ok) {
			return fail(400, { values, message: profileRefusalMessage(m, profile.reason) });
		}
		const waitMs = newParticipants.takeOrWait(event.getClientAddress());
		if (waitMs > 0) return fail(429, { values, message: tooManyJoinsMessage(m, waitMs) });
		const joined = joinEvent(db, found.id, profile.value, new Date(), event.locals.locale);
		setParticipantCookie(event.cookies, found.id, joined, event.url.protocol === 'https:');
		redirect(303, `${homeOf(found.slug)}?willkommen`);
	},
	rejoin: async (event) => {
		const { db, throttleRules, metrics } = event.locals.services;
		const m = messagesFor(event.locals.locale);
		const found = eventOfCode(event);
		const parsed = parseReentryForm(m, await event.request.formData());
		if (!parsed.ok) return fail(400, { rejoinMessage: parsed.message });
		const result = rejoinByCode(
			db,
			found.id,
			parsed.value.reentryCode,
			event.getClientAddress(),
			throttleRules.join
		);
		if (result.kind === 'locked') setRetryAfter(event, result.retryAfterMs);
		if (result.kind !== 'joined') {
			metrics.joinRefused(result.kind === 'locked' ? 'locked' : 'reentry');
			return fail(result.kind === 'locked' ? 429 : 400, {
				rejoinMessage: rejoinMessage(m, result)
			});
		}
		setParticipantCookie(event.cookies, found.id, result.joined, event.url.protocol === 'https:');
		redirect(303, homeOf(found.slug));
	}
};
