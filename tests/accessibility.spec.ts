// WCAG 2.1 A and AA (BITV 2.0): every page the route table lists is scanned with axe-core, at
// desktop and at phone width, and as every kind of member who may see it; any violation fails.
// A page is scanned only after it answered 200; error pages have rows of their own. On the phone
// the same visit also checks that the page does not scroll sideways.
import { expectNoAxeViolations, expectShown, structureOf } from './support/axe';
import { routeTable } from './authz/route-table';
import { expect, openPage, pageAs, pageWithState, test as base } from './support/fixtures';
import { watchOrigin } from './support/origin-guard';
import { fillPlaceholders } from './support/participants';
import type {
	APIRequestContext,
	Browser,
	BrowserContext,
	BrowserContextOptions,
	Page
} from '@playwright/test';
import { allowRefusedPage } from './support/browser-errors';
import { expectFitsPhone, phoneDevice } from './support/phone';

const pages = routeTable.filter((c) => c.kind === 'page');
/** Table rows whose target does not exist (or whose feature is off on the test server, as mail
 * is): the table names their status (`notReal`); they show the German error page, scanned with
 * the status they must have. */
const errorPages = new Map<string, number>(
	pages
		.filter((c) => c.notReal && !c.notReal.realFor?.length)
		.map((c) => [c.path ?? c.route, c.notReal!.status])
);
const shownPages = pages.filter((c) => !errorPages.has(c.path ?? c.route));
const desktop = { viewport: { width: 1280, height: 900 } };

/**
 * One browser context per device and first viewer for all rows a worker runs: opening a context
 * costs more than most scans. The app keeps nothing in the browser but cookies (no storage), and
 * each row starts with exactly its viewer's cookies, so rows stay independent of their order.
 */
const test = base.extend<object, { rowContexts: RowContexts }>({
	rowContexts: [
		async ({ browser }, use) => {
			const contexts = new RowContexts(browser);
			await use(contexts);
			await contexts.close();
		},
		{ scope: 'worker' }
	]
});

class RowContexts {
	readonly #open = new Map<string, Promise<BrowserContext>>();

	constructor(readonly browser: Browser) {}

	/** A fresh page in the device's context, holding only `request`'s cookies (none for a visitor). */
	async page(
		device: 'desktop' | 'phone',
		viewer: string,
		request: APIRequestContext | undefined,
		baseURL: string
	): Promise<{ page: Page; close: () => Promise<void> }> {
		const key = `${device}:${viewer}:${baseURL}`;
		const options: BrowserContextOptions = device === 'phone' ? phoneDevice : desktop;
		if (!this.#open.has(key)) this.#open.set(key, this.browser.newContext({ ...options, baseURL }));
		const context = await this.#open.get(key)!;
		await context.clearCookies();
		if (request) await context.addCookies((await request.storageState()).cookies);
		const page = await context.newPage();
		const offenders = watchOrigin(page, baseURL);
		return {
			page,
			close: async () => {
				await page.close();
				expect(offenders, 'Anfragen, die den Ursprung der Anwendung verlassen').toEqual([]);
			}
		};
	}

	async close(): Promise<void> {
		await Promise.all([...this.#open.values()].map(async (context) => (await context).close()));
	}
}

// The rows are independent of each other: both workers share them.
test.describe.configure({ mode: 'parallel' });

/** Who sees a page in its rows: the admin, the participant on their event's pages, or a visitor
 * where no sign-in is needed. */
function viewerOf(pageCase: (typeof pages)[number]): 'anonymous' | 'admin' | 'participant' {
	if (pageCase.access.anonymous === 'allow') return 'anonymous';
	return pageCase.access.admin === 'allow' ? 'admin' : 'participant';
}

/** The request whose cookies the page's rows carry; none for a visitor. */
function sessionOf(
	as: ReturnType<typeof viewerOf>,
	admin: APIRequestContext,
	participant: APIRequestContext
): APIRequestContext | undefined {
	return as === 'admin' ? admin : as === 'participant' ? participant : undefined;
}

// Each page also as every other kind of member who may see it, where roles change what a page
// shows (write tools, member management, read-only text): at desktop width, in the same browser
// with the member's cookies instead of the first viewer's. Every member's visit is checked; a
// scan runs where the page is built differently from what an earlier visit here was shown, since
// the same structure in other words fails no other rule.
const otherMembers = ['editor', 'viewer', 'signatory', 'manager'] as const;

function membersOf(pageCase: (typeof pages)[number]) {
	if (pageCase.access.anonymous === 'allow') return [];
	return otherMembers.filter((member) => pageCase.access[member] === 'allow');
}

for (const pageCase of shownPages) {
	const path = pageCase.path ?? pageCase.route;
	const as = viewerOf(pageCase);
	const members = membersOf(pageCase);
	const alsoAs = members.length > 0 ? `, also as ${members.join(', ')},` : '';
	test(`${path} (Desktop)${alsoAs} has no WCAG 2.1 AA violations`, async ({
		rowContexts,
		actors,
		participant,
		baseURL,
		server
	}) => {
		// Up to five visits of a page in one test: three times the time of one.
		if (members.length > 0) test.slow();
		const target = fillPlaceholders(path, server.dataDir);
		const session = await rowContexts.page(
			'desktop',
			as,
			sessionOf(as, actors.admin.request, participant),
			baseURL!
		);
		try {
			expectShown(await openPage(session.page, target), path);
			await expectNoAxeViolations(session.page, `${path} (Desktop)`);
			const scanned = new Set([await structureOf(session.page)]);
			for (const member of members) {
				await signInAs(session.page, actors[member].request);
				expectShown(await openPage(session.page, target), `${path} als ${member}`);
				// Not sent to the sign-in page: the member's session was taken.
				expect(new URL(session.page.url()).pathname).toBe(new URL(target, baseURL).pathname);
				const structure = await structureOf(session.page);
				if (scanned.has(structure)) continue;
				await expectNoAxeViolations(session.page, `${path} als ${member}`);
				scanned.add(structure);
			}
		} finally {
			await session.close();
		}
	});

	// On the phone one visit checks both: no WCAG violation, and no sideways scrolling.
	test(`${path} (Telefon) has no WCAG 2.1 AA violations and fits a 375 px phone`, async ({
		rowContexts,
		actors,
		participant,
		baseURL,
		server
	}, testInfo) => {
		const phonePage = await rowContexts.page(
			'phone',
			as,
			sessionOf(as, actors.admin.request, participant),
			baseURL!
		);
		try {
			expectShown(await openPage(phonePage.page, fillPlaceholders(path, server.dataDir)), path);
			await expectFitsPhone(phonePage.page, path, testInfo);
			await expectNoAxeViolations(phonePage.page, `${path} (Telefon)`);
		} finally {
			await phonePage.close();
		}
	});
}

/** The browser goes on as another member: their session cookie instead of the one it had. */
async function signInAs(page: Page, request: APIRequestContext): Promise<void> {
	const context = page.context();
	const { cookies } = await request.storageState();
	expect(cookies.length, 'Sitzungs-Cookie').toBeGreaterThan(0);
	await context.clearCookies();
	await context.addCookies(cookies);
	// A swap that failed would pass by showing the earlier viewer's page again.
	const cookieOf = ({ name, value }: { name: string; value: string }) => `${name}=${value}`;
	expect((await context.cookies()).map(cookieOf).sort()).toEqual(cookies.map(cookieOf).sort());
}

test('the join form with an error message has no violations', async ({ page }) => {
	await openPage(page, '/join');
	await page.getByLabel('Code der Veranstaltung').fill('XY');
	await page.getByRole('button', { name: 'Beitreten' }).click();
	await expect(page.getByRole('alert')).toBeVisible();
	await expectNoAxeViolations(page);
});

// Every error page answers its status and shows the German error page; they share one template,
// so a scan runs where one is built differently from those scanned before (the first always).
const allErrorPages = [['/gibt-es-nicht', 404] as const, ...errorPages];
for (const [device, options] of [
	['Desktop', desktop],
	['Telefon', phoneDevice]
] as const) {
	test(`the error pages (${device}) answer their status and have no violations`, async ({
		browser,
		actors,
		baseURL,
		browserErrors
	}, testInfo) => {
		const session = await pageWithState(browser, actors.admin.request, baseURL!, options);
		const scanned = new Set<string>();
		try {
			for (const [path, status] of allErrorPages) {
				const response = await session.page.goto(path);
				expect(response?.status(), `Status von ${path}`).toBe(status);
				allowRefusedPage(browserErrors, response);
				await expect(session.page.getByRole('heading', { level: 1 })).toHaveText(
					'Seite nicht gefunden'
				);
				if (device === 'Telefon') await expectFitsPhone(session.page, path, testInfo);
				const structure = await structureOf(session.page);
				if (scanned.has(structure)) continue;
				await expectNoAxeViolations(session.page, `Fehlerseite ${path} (${device})`);
				scanned.add(structure);
			}
		} finally {
			await session.close();
		}
	});
}

for (const viewport of [
	{ name: 'Desktop', ...desktop.viewport },
	{ name: 'Telefon', width: 390, height: 844 }
]) {
	test(`the editor's link dialog with an error message (${viewport.name}) has no violations`, async ({
		browser,
		actors,
		baseURL
	}) => {
		const session = await pageAs(browser, actors.admin, baseURL!);
		const page = session.page;
		try {
			await page.setViewportSize(viewport);
			await openPage(page, '/dokumente/leitbild');
			await page.getByRole('button', { name: 'Link', exact: true }).click();
			const dialog = page.getByRole('dialog', { name: 'Link einfügen' });
			await dialog.getByRole('textbox', { name: 'Adresse des Links' }).fill('kreis-unna');
			await dialog.getByRole('button', { name: 'Übernehmen' }).click();
			await expect(dialog.getByRole('alert')).toBeVisible();
			await expectNoAxeViolations(page);
		} finally {
			await session.close();
		}
	});
}
