// WCAG 2.1 A and AA (BITV 2.0): every page the route table lists is scanned with axe-core, at
// desktop and at phone width, and as every kind of member who may see it; any violation fails.
// A page is scanned only after it answered 200; error pages have rows of their own. On the phone
// the same visit also checks that the page does not scroll sideways.
import { expectNoAxeViolations, expectShown } from './support/axe';
import { routeTable } from './authz/route-table';
import { expect, openPage, pageAs, pageWithState, test } from './support/fixtures';
import { fillPlaceholders } from './support/participants';
import type { Page } from '@playwright/test';
import { allowRefusedPage, type BrowserErrors } from './support/browser-errors';
import { expectFitsPhone, phoneWithState } from './support/phone';

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
const desktop = { width: 1280, height: 900 };

// The rows are independent of each other: both workers share them.
test.describe.configure({ mode: 'parallel' });

/** Who sees a page in its rows: the admin, the participant on their event's pages, or a visitor
 * where no sign-in is needed. */
function viewerOf(pageCase: (typeof pages)[number]): 'anonymous' | 'admin' | 'participant' {
	if (pageCase.access.anonymous === 'allow') return 'anonymous';
	return pageCase.access.admin === 'allow' ? 'admin' : 'participant';
}

for (const pageCase of shownPages) {
	const path = pageCase.path ?? pageCase.route;
	const as = viewerOf(pageCase);
	test(`${path} (Desktop) has no WCAG 2.1 AA violations`, async ({
		page,
		browser,
		actors,
		participant,
		baseURL,
		server
	}) => {
		const session =
			as === 'admin'
				? await pageAs(browser, actors.admin, baseURL!)
				: as === 'participant'
					? await pageWithState(browser, participant, baseURL!)
					: undefined;
		const target = session?.page ?? page;
		try {
			await target.setViewportSize(desktop);
			expectShown(await openPage(target, fillPlaceholders(path, server.dataDir)), path);
			await expectNoAxeViolations(target, `${path} (Desktop)`);
		} finally {
			await session?.close();
		}
	});

	// On the phone one visit checks both: no WCAG violation, and no sideways scrolling.
	test(`${path} (Telefon) has no WCAG 2.1 AA violations and fits a 375 px phone`, async ({
		browser,
		actors,
		participant,
		baseURL,
		server
	}, testInfo) => {
		const request =
			as === 'admin' ? actors.admin.request : as === 'participant' ? participant : undefined;
		const phonePage = await phoneWithState(browser, baseURL!, request);
		try {
			expectShown(await openPage(phonePage.page, fillPlaceholders(path, server.dataDir)), path);
			await expectFitsPhone(phonePage.page, path, testInfo);
			await expectNoAxeViolations(phonePage.page, `${path} (Telefon)`);
		} finally {
			await phonePage.close();
		}
	});
}

// Each page also as every other kind of member who may see it, where roles change what a page
// shows (write tools, member management, read-only text): at desktop width, to keep the run short.
const otherMembers = ['editor', 'viewer', 'signatory', 'manager'] as const;
for (const pageCase of shownPages) {
	const path = pageCase.path ?? pageCase.route;
	if (pageCase.access.anonymous === 'allow') continue;
	for (const member of otherMembers) {
		if (pageCase.access[member] !== 'allow') continue;
		test(`${path} as ${member} has no WCAG 2.1 AA violations`, async ({
			browser,
			actors,
			baseURL,
			server
		}) => {
			const session = await pageAs(browser, actors[member], baseURL!);
			try {
				await session.page.setViewportSize(desktop);
				expectShown(await openPage(session.page, fillPlaceholders(path, server.dataDir)), path);
				await expectNoAxeViolations(session.page, `${path} als ${member}`);
			} finally {
				await session.close();
			}
		});
	}
}

test('the join form with an error message has no violations', async ({ page }) => {
	await openPage(page, '/join');
	await page.getByLabel('Code der Veranstaltung').fill('XY');
	await page.getByRole('button', { name: 'Beitreten' }).click();
	await expect(page.getByRole('alert')).toBeVisible();
	await expectNoAxeViolations(page);
});

for (const [path, status] of [['/gibt-es-nicht', 404], ...errorPages] as const) {
	const expectErrorPage = async (page: Page, label: string, browserErrors: BrowserErrors) => {
		const response = await page.goto(path);
		expect(response?.status(), `Status von ${path}`).toBe(status);
		allowRefusedPage(browserErrors, response);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Seite nicht gefunden');
		await expectNoAxeViolations(page, label);
	};
	test(`the error page of ${path} (Desktop) answers ${status} and has no violations`, async ({
		browser,
		actors,
		baseURL,
		browserErrors
	}) => {
		const session = await pageAs(browser, actors.admin, baseURL!);
		try {
			await session.page.setViewportSize(desktop);
			await expectErrorPage(session.page, `Fehlerseite ${path} (Desktop)`, browserErrors);
		} finally {
			await session.close();
		}
	});
	test(`the error page of ${path} (Telefon) answers ${status}, has no violations and fits`, async ({
		browser,
		actors,
		baseURL,
		browserErrors
	}, testInfo) => {
		const phonePage = await phoneWithState(browser, baseURL!, actors.admin.request);
		try {
			await expectErrorPage(phonePage.page, `Fehlerseite ${path} (Telefon)`, browserErrors);
			await expectFitsPhone(phonePage.page, path, testInfo);
		} finally {
			await phonePage.close();
		}
	});
}

for (const viewport of [
	{ name: 'Desktop', ...desktop },
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
