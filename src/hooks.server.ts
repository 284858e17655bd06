import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { error, isHttpError, isRedirect } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { appMetrics, appReady, appRuntime, appStatus, services } from '$lib/server/app';
import { touchVisit } from '$lib/server/accounts/visits';
import { resolveSession } from '$lib/server/auth/actor';
import { readConfig } from '$lib/server/config';
import { deleteSessionCookie, sessionCookieName, setSessionCookie } from '$lib/server/auth/session';
import { checkFormBody } from '$lib/server/http/form-body';
import { frameworkErrorMessage } from '$lib/server/http/error-messages';
import {
	fallbackContentSecurityPolicy,
	securityHeaders,
	transportSecurityHeaders
} from '$lib/server/http/security-headers';
import { errorFields, log, newLogId, withLogFields } from '$lib/server/log';
import { requestIdHeader } from '$lib/server/http/request-id';
import { participantForEvent } from '$lib/server/events/participants';
import { anonymousActor } from '$lib/server/policy';
import { publishRuntime } from '$lib/server/runtime';
import { directionOf } from '$lib/i18n/locales';
import {
	applyChosenLocale,
	participantLocale,
	speaksParticipantLanguages
} from '$lib/server/i18n/participant-locale';

export const init: ServerInit = async () => {
	publishRuntime(appRuntime());
	await appReady();
};

/**
 * Every request counted by its route id (never its path, so the labels stay few) and status, and
 * timed. An error thrown by a later handle is counted with the status it will be answered with.
 */
const handleMetrics: Handle = async ({ event, resolve }) => {
	// Taken now: after a shutdown, asking for the app again would start a new one.
	const metrics = appMetrics();
	const started = process.hrtime.bigint();
	let status = 500;
	try {
		const response = await resolve(event);
		status = response.status;
		return response;
	} catch (thrown) {
		if (isHttpError(thrown) || isRedirect(thrown)) status = thrown.status;
		throw thrown;
	} finally {
		const seconds = Number(process.hrtime.bigint() - started) / 1e9;
		metrics.request(event.route.id, status, seconds);
	}
};

/** Until the database is migrated and seeded, everything but the health check answers 503. */
const handleReadiness: Handle = async ({ event, resolve }) => {
	if (event.url.pathname !== '/healthz') {
		await appReady();
		if (appStatus() !== 'ready') {
			error(
				503,
				'Die Anwendung startet gerade oder ist gestört. Bitte versuchen Sie es gleich noch einmal.'
			);
		}
		event.locals.services = services();
	}
	return resolve(event);
};

/** Routes whose forms take files: the resolution PDF of an adoption step. */
const uploadRoutes = new Set(['/(staff)/beschluesse/[slug]/[organisation]']);

/**
 * A body that claims to be a form but cannot be read, or is too large, never reaches an action.
 * Only signed-in members may send more than a text form on a route that takes files, so nobody
 * else makes the server read and parse megabytes before being refused.
 */
const handleFormBody: Handle = async ({ event, resolve }) => {
	const mayUpload = event.locals.actor.kind === 'member' && uploadRoutes.has(event.route.id ?? '');
	const refusal = await checkFormBody(event.request, { mayUpload });
	if (refusal) error(refusal.status, refusal.message);
	return resolve(event);
};

/** Who is asking: the member behind the session cookie, or anonymous. */
const handleSession: Handle = ({ event, resolve }) => {
	event.locals.actor = anonymousActor;
	event.locals.user = null;
	event.locals.sessionId = null;
	if (event.url.pathname === '/healthz') return resolve(event);
	const token = event.cookies.get(sessionCookieName);
	if (!token) return resolve(event);
	const secure = event.url.protocol === 'https:';
	const { actor, validation } = resolveSession(event.locals.services.db, token);
	if (!validation) {
		deleteSessionCookie(event.cookies, secure);
		return resolve(event);
	}
	if (validation.renewed) {
		setSessionCookie(event.cookies, token, validation.session.expiresAt, secure);
	}
	event.locals.actor = actor;
	event.locals.user = {
		id: validation.user.id,
		name: validation.user.name,
		email: validation.user.email
	};
	event.locals.sessionId = validation.session.id;
	touchVisit(event.locals.services.db, validation.user.id);
	return resolve(event);
};

/** Participant pages live under /teilnahme/<event>; there the event's own cookie says who asks. */
const participantPath = /^\/teilnahme\/([a-z0-9-]{1,80})(?:\/|$)/;

const handleParticipant: Handle = ({ event, resolve }) => {
	event.locals.participant = null;
	const match = participantPath.exec(event.url.pathname);
	if (!match) return resolve(event);
	const found = participantForEvent(event.locals.services.db, match[1], (name) =>
		event.cookies.get(name)
	);
	if (found) {
		event.locals.actor = {
			kind: 'participant',
			participantId: found.participant.id,
			eventId: found.participant.eventId
		};
		event.locals.participant = found;
	}
	return resolve(event);
};

/**
 * Participant pages speak the participant's language (the document's lang and direction too);
 * every other page German.
 */
const handleLocale: Handle = ({ event, resolve }) => {
	event.locals.locale = 'de';
	if (!speaksParticipantLanguages(event.url.pathname)) return resolve(event);
	applyChosenLocale(event);
	const locale = participantLocale(event);
	event.locals.locale = locale;
	if (locale === 'de') return resolve(event);
	return resolve(event, {
		transformPageChunk: ({ html }) =>
			html.replace('<html lang="de">', `<html lang="${locale}" dir="${directionOf(locale)}">`)
	});
};

/**
 * Every line a request logs carries its id, the one the production entry gave it and sent back
 * as X-Request-Id (server/index.ts); under `vite dev` one is made here.
 */
const handleRequestId: Handle = ({ event, resolve }) => {
	const id = event.request.headers.get(requestIdHeader) ?? newLogId();
	return withLogFields({ request: id }, () => resolve(event));
};

/** HTTPS-only headers where ORIGIN says people come over https; also while the app starts. */
const { publicOrigin, publicOriginConfigured } = readConfig();
const transport = transportSecurityHeaders(publicOriginConfigured ? publicOrigin : undefined);

const handleSecurityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	for (const [name, value] of Object.entries({ ...securityHeaders, ...transport })) {
		if (!response.headers.has(name)) response.headers.set(name, value);
	}
	if (!response.headers.has('Content-Security-Policy')) {
		response.headers.set('Content-Security-Policy', fallbackContentSecurityPolicy);
	}
	// Pages can show personal data; no shared cache may keep them.
	if (!response.headers.has('Cache-Control') && (event.locals.user || event.locals.participant)) {
		response.headers.set('Cache-Control', 'private, no-store');
	}
	return response;
};

export const handle = sequence(
	handleRequestId,
	handleMetrics,
	handleSecurityHeaders,
	handleReadiness,
	handleSession,
	handleFormBody,
	handleParticipant,
	handleLocale
);

/**
 * Errors nobody threw on purpose: SvelteKit's own refusals (unknown page, wrong method or media
 * type, a body over BODY_SIZE_LIMIT) and crashes. People read a German sentence; crashes are
 * logged with their stack, which never reaches the browser.
 */
export const handleError: HandleServerError = ({ error: thrown, event, status }) => {
	if (status >= 500) {
		log.error('request-failed', {
			method: event.request.method,
			route: event.route.id,
			status,
			...errorFields(thrown)
		});
	}
	return { message: frameworkErrorMessage(status) };
};
