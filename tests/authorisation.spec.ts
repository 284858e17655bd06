import { discoverRoutes, routeKey } from './support/routes';
import { actorNames, routeTable, type RouteCase } from './authz/route-table';
import { expect, test } from './support/fixtures';

test('every page, endpoint and form action is in the route × actor table', () => {
	const served = discoverRoutes().map(routeKey).sort();
	const covered = routeTable.map(routeKey).sort();
	expect(covered, 'Routen ohne Eintrag in tests/authz/route-table.ts').toEqual(served);
});

function target(routeCase: RouteCase): string {
	const path = routeCase.path ?? routeCase.route;
	if (routeCase.kind !== 'action' || routeCase.action === 'default') return path;
	return `${path}?/${routeCase.action}`;
}

for (const routeCase of routeTable) {
	for (const actor of actorNames) {
		const expected = routeCase.access[actor];
		test(`${routeKey(routeCase)} as ${actor}: ${expected}`, async ({ request, server }) => {
			const response =
				routeCase.method === 'GET'
					? await request.get(target(routeCase), { maxRedirects: 0 })
					: await request.fetch(target(routeCase), {
							method: routeCase.method,
							form: routeCase.form ?? {},
							headers: { origin: server.url },
							maxRedirects: 0
						});
			const status = response.status();
			if (expected === 'deny') {
				expect([401, 403], `status ${status}`).toContain(status);
			} else {
				expect(status, 'served, not refused').not.toBe(401);
				expect(status, 'served, not refused').not.toBe(403);
				expect(status, 'no server error').toBeLessThan(500);
			}
		});
	}
}
