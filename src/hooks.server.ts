import type { Handle, ServerInit } from '@sveltejs/kit';
import { error } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { appRuntime, appStatus } from '$lib/server/app';
import { fallbackContentSecurityPolicy, securityHeaders } from '$lib/server/http/security-headers';
import { anonymousActor } from '$lib/server/policy';
import { publishRuntime } from '$lib/server/runtime';

export const init: ServerInit = () => {
	appStatus();
	publishRuntime(appRuntime());
};

/** Until the database is migrated and seeded, everything but the health check answers 503. */
const handleReadiness: Handle = ({ event, resolve }) => {
	if (event.url.pathname !== '/healthz' && appStatus() !== 'ready') {
		error(
			503,
			'Die Anwendung startet gerade oder ist gestört. Bitte versuchen Sie es gleich noch einmal.'
		);
	}
	return resolve(event);
};

const handleActor: Handle = ({ event, resolve }) => {
	event.locals.actor = anonymousActor;
	return resolve(event);
};

const handleSecurityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	for (const [name, value] of Object.entries(securityHeaders)) {
		if (!response.headers.has(name)) response.headers.set(name, value);
	}
	if (!response.headers.has('Content-Security-Policy')) {
		response.headers.set('Content-Security-Policy', fallbackContentSecurityPolicy);
	}
	return response;
};

export const handle = sequence(handleSecurityHeaders, handleReadiness, handleActor);
