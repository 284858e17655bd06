// The fixtures every end-to-end test uses: one server per worker, started from the run's seeded
// template and put back to it whenever the worker moves on to another file (files that need other
// settings start their own), baseURL pointing at it, the origin guard on every page, the error
// guard on every browser context, and hydration waits.
import {
	test as base,
	expect,
	type APIRequestContext,
	type Browser,
	type BrowserContextOptions,
	type Page,
	type Response
} from '@playwright/test';
import { serverEnvWithAdmin, type MemberActorName, type TestActor } from './actors';
import { startServer, type AppServer } from './server';
import { templateActors, templateParticipant } from './template';
import { watchOrigin } from './origin-guard';
import { BrowserErrors, watchBrowser, watchContext } from './browser-errors';

/** Where the worker's browser reports errors: the errors of the test that runs now. */
interface ErrorSink {
	current?: BrowserErrors;
}

/** The worker's shared server, once a test asked for it, and the file that used it last. */
interface SharedServer {
	server?: AppServer;
	lastFile?: string;
}

export const test = base.extend<
	{
		/** Page errors and console errors of the test's pages; `allow` names the expected ones. */
		browserErrors: BrowserErrors;
		/** Each file starts on the template's data, whatever the file before it in the worker did. */
		freshDataPerFile: void;
	},
	{
		errorSink: ErrorSink;
		sharedServer: SharedServer;
		server: AppServer;
		actors: Record<MemberActorName, TestActor>;
		/** Someone who joined the seeded Zukunftskonferenz by its code, without an account. */
		participant: APIRequestContext;
	}
>({
	errorSink: [
		// eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a function asks for
		async ({}, use) => {
			await use({});
		},
		{ scope: 'worker' }
	],
	browser: [
		async ({ browser, errorSink }, use) => {
			watchBrowser(browser, () => errorSink.current);
			await use(browser);
		},
		{ scope: 'worker' }
	],
	// Every test, also one that opens its own contexts: an error on any of its pages fails it.
	browserErrors: [
		async ({ errorSink }, use) => {
			const errors = new BrowserErrors();
			errorSink.current = errors;
			await use(errors);
			errorSink.current = undefined;
			expect(errors.unexpected(), 'Fehler und Ausnahmen in den Seiten des Tests').toEqual([]);
		},
		{ auto: true }
	],
	context: async ({ context, browserErrors }, use) => {
		watchContext(context, browserErrors);
		await use(context);
	},
	sharedServer: [
		// eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a function asks for
		async ({}, use) => {
			await use({});
		},
		{ scope: 'worker' }
	],
	server: [
		async ({ sharedServer }, use) => {
			const server = await startServer({ env: serverEnvWithAdmin, fromTemplate: true });
			sharedServer.server = server;
			await use(server);
			sharedServer.server = undefined;
			await server.dispose();
		},
		{ scope: 'worker' }
	],
	// Playwright has no file scope: the worker's server goes back to the template when a test of
	// another file than the last one's comes. Hooks (beforeAll) never use the shared server.
	freshDataPerFile: [
		async ({ sharedServer }, use, testInfo) => {
			const { server, lastFile } = sharedServer;
			if (server && lastFile !== undefined && lastFile !== testInfo.file) {
				await server.resetToTemplate();
			}
			await use();
			if (sharedServer.server) sharedServer.lastFile = testInfo.file;
		},
		{ auto: true }
	],
	actors: [
		async ({ server }, use) => {
			const actors = await templateActors(server.url);
			await use(actors);
			await Promise.all(Object.values(actors).map((actor) => actor.request.dispose()));
		},
		{ scope: 'worker' }
	],
	participant: [
		async ({ server }, use) => {
			const request = await templateParticipant(server.url);
			await use(request);
			await request.dispose();
		},
		{ scope: 'worker' }
	],
	baseURL: async ({ server }, use) => {
		await use(server.url);
	},
	// Every test page is watched; tests that need no page do not pay for one.
	page: async ({ page, baseURL }, use) => {
		const offenders = watchOrigin(page, baseURL!);
		await use(page);
		expect(offenders, 'Anfragen, die den Ursprung der Anwendung verlassen').toEqual([]);
	}
});

export { expect };

/** A browser page signed in as one of the test actors. */
export async function pageAs(
	browser: Browser,
	actor: TestActor,
	baseURL: string
): Promise<{ page: Page; close: () => Promise<void> }> {
	return pageWithState(browser, actor.request, baseURL);
}

/** A browser page with the cookies of a request context (a member's or a participant's, or none
 * for a visitor), on the device `device` describes (the desktop if not given). */
export async function pageWithState(
	browser: Browser,
	request: APIRequestContext | undefined,
	baseURL: string,
	device: BrowserContextOptions = {}
): Promise<{ page: Page; close: () => Promise<void> }> {
	const context = await browser.newContext({
		...device,
		baseURL,
		storageState: request ? await request.storageState() : undefined
	});
	const page = await context.newPage();
	const offenders = watchOrigin(page, baseURL);
	return {
		page,
		close: async () => {
			await context.close();
			expect(offenders, 'Anfragen, die den Ursprung der Anwendung verlassen').toEqual([]);
		}
	};
}

/** Opens a page and waits until Svelte has hydrated it, so clicks are not lost. */
export async function openPage(page: Page, path: string): Promise<Response | null> {
	const response = await page.goto(path);
	await page.locator('html[data-hydrated="true"]').waitFor();
	return response;
}
