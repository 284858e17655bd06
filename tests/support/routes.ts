// Reads src/routes and lists every page, endpoint method and form action the app serves, so the
// authorisation table can fail for any route it does not cover.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export type RouteKind = 'page' | 'endpoint' | 'action';

export interface DiscoveredRoute {
	kind: RouteKind;
	/** The route id as SvelteKit writes it, without groups: /join, /dokumente/[id]. */
	route: string;
	method: string;
	/** The form action's name, for kind 'action'. */
	action?: string;
}

const routesDir = path.resolve('src/routes');
const httpMethods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

function routeId(dir: string): string {
	const segments = path
		.relative(routesDir, dir)
		.split(path.sep)
		.filter((segment) => segment && !/^\(.+\)$/.test(segment));
	return `/${segments.join('/')}`;
}

function exportedMethods(source: string): string[] {
	return httpMethods.filter((method) =>
		new RegExp(`export\\s+(const|async\\s+function|function)\\s+${method}\\b`).test(source)
	);
}

function actionNames(source: string): string[] {
	const block = /export\s+const\s+actions\s*=\s*\{([\s\S]*?)\n\}/.exec(source);
	if (!block) return [];
	// `name: async (event) => …` and the method shorthand `async name(event) { … }`
	return [...block[1].matchAll(/^\t(?:async\s+)?(\w+)\s*(?::|\()/gm)].map((match) => match[1]);
}

export function discoverRoutes(dir = routesDir): DiscoveredRoute[] {
	const found: DiscoveredRoute[] = [];
	const entries = readdirSync(dir);
	const route = routeId(dir);
	if (entries.includes('+page.svelte')) found.push({ kind: 'page', route, method: 'GET' });
	if (entries.includes('+page.server.ts')) {
		const source = readFileSync(path.join(dir, '+page.server.ts'), 'utf8');
		for (const action of actionNames(source)) {
			found.push({ kind: 'action', route, method: 'POST', action });
		}
	}
	if (entries.includes('+server.ts')) {
		const source = readFileSync(path.join(dir, '+server.ts'), 'utf8');
		for (const method of exportedMethods(source)) found.push({ kind: 'endpoint', route, method });
	}
	for (const entry of entries) {
		const child = path.join(dir, entry);
		if (statSync(child).isDirectory()) found.push(...discoverRoutes(child));
	}
	return found;
}

export function routeKey(
	route: Pick<DiscoveredRoute, 'kind' | 'route' | 'method' | 'action'>
): string {
	return route.kind === 'action'
		? `${route.method} ${route.route}?/${route.action}`
		: `${route.method} ${route.route}`;
}

/**
 * The live channels the realtime server registers: the keys of the `channels: { … }` object
 * handed to createRealtimeServer, wherever under src/lib/server that happens.
 */
export function discoverChannels(dir = path.resolve('src/lib/server')): string[] {
	const found: string[] = [];
	for (const entry of readdirSync(dir)) {
		const child = path.join(dir, entry);
		if (statSync(child).isDirectory()) {
			found.push(...discoverChannels(child));
			continue;
		}
		if (!entry.endsWith('.ts') || entry.endsWith('.test.ts')) continue;
		const source = readFileSync(child, 'utf8');
		if (!source.includes('createRealtimeServer(')) continue;
		const block = /\bchannels:\s*\{([^}]*)\}/.exec(source);
		if (block) found.push(...[...block[1].matchAll(/^\s*(\w+)\s*(?::|,|$)/gm)].map((m) => m[1]));
	}
	return found;
}
