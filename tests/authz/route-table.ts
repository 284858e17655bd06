// Who may reach what: every page, endpoint and form action of the app, for every kind of actor.
// tests/authorisation.spec.ts fails for a route missing here and checks each cell against the
// running server. Each feature adds its routes and, as they arrive, its actors.
import type { RouteKind } from '../support/routes';

export const actorNames = ['anonymous'] as const;
export type ActorName = (typeof actorNames)[number];

/** allow: the request is served (2xx, 3xx, or a 4xx about the input); deny: 401 or 403. */
export type Access = 'allow' | 'deny';

export interface RouteCase {
	kind: RouteKind;
	route: string;
	method: string;
	action?: string;
	/** The URL to request when the route has parameters. */
	path?: string;
	/** Form fields for actions. */
	form?: Record<string, string>;
	access: Record<ActorName, Access>;
}

const everyone: Record<ActorName, Access> = { anonymous: 'allow' };

const publicPage = (route: string): RouteCase => ({
	kind: 'page',
	route,
	method: 'GET',
	access: everyone
});

export const routeTable: RouteCase[] = [
	publicPage('/'),
	publicPage('/dokumente'),
	publicPage('/konferenzen'),
	publicPage('/beschluesse'),
	publicPage('/verwaltung'),
	publicPage('/impressum'),
	publicPage('/datenschutz'),
	publicPage('/barrierefreiheit'),
	publicPage('/leichte-sprache'),
	publicPage('/join'),
	{
		kind: 'action',
		route: '/join',
		method: 'POST',
		action: 'default',
		form: { code: 'ACK47M' },
		access: everyone
	},
	{ kind: 'endpoint', route: '/healthz', method: 'GET', access: everyone }
];
