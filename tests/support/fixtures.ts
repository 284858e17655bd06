// The fixtures every end-to-end test uses: one server per worker (files that need their own call
// startServer), baseURL pointing at it, the origin guard on every page, and hydration waits.
import { test as base, expect, type Page } from '@playwright/test';
import { startServer, type AppServer } from './server';
import { watchOrigin } from './origin-guard';

export const test = base.extend<{ originGuard: void }, { server: AppServer }>({
	server: [
		// eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a function asks for
		async ({}, use) => {
			const server = await startServer();
			await use(server);
			await server.dispose();
		},
		{ scope: 'worker' }
	],
	baseURL: async ({ server }, use) => {
		await use(server.url);
	},
	originGuard: [
		async ({ page, baseURL }, use) => {
			const offenders = watchOrigin(page, baseURL!);
			await use();
			expect(offenders, 'Anfragen, die den Ursprung der Anwendung verlassen').toEqual([]);
		},
		{ auto: true }
	]
});

export { expect };

/** Opens a page and waits until Svelte has hydrated it, so clicks are not lost. */
export async function openPage(page: Page, path: string): Promise<void> {
	await page.goto(path);
	await page.locator('html[data-hydrated="true"]').waitFor();
}
