// WCAG 2.1 A and AA (BITV 2.0): every page the route table lists is scanned with axe-core, at
// desktop and at phone width, and as every kind of member who may see it; any violation fails.
import AxeBuilder from '@axe-core/playwright';
import { routeTable } from './authz/route-table';
import { expect, openPage, pageAs, pageWithState, test } from './support/fixtures';
import { fillPlaceholders } from './support/participants';
import { allowRefusedPage } from './support/browser-errors';

const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const pages = routeTable.filter((c) => c.kind === 'page');
const viewports = [
	{ name: 'Desktop', width: 1280, height: 900 },
	{ name: 'Telefon', width: 390, height: 844 }
];

for (const viewport of viewports) {
	for (const pageCase of pages) {
		const path = pageCase.path ?? pageCase.route;
		// Each page as someone who may see it: the admin, the participant on their event's pages, or a
		// visitor where no sign-in is needed.
		const as =
			pageCase.access.anonymous === 'allow'
				? 'anonymous'
				: pageCase.access.admin === 'allow'
					? 'admin'
					: 'participant';
		test(`${path} (${viewport.name}) has no WCAG 2.1 AA violations`, async ({
			page,
			browser,
			actors,
			participant,
			baseURL,
			server,
			browserErrors
		}) => {
			const session =
				as === 'admin'
					? await pageAs(browser, actors.admin, baseURL!)
					: as === 'participant'
						? await pageWithState(browser, participant, baseURL!)
						: undefined;
			const target = session?.page ?? page;
			try {
				await target.setViewportSize(viewport);
				allowRefusedPage(
					browserErrors,
					await openPage(target, fillPlaceholders(path, server.dataDir))
				);
				const results = await new AxeBuilder({ page: target }).withTags(wcagTags).analyze();
				expect(results.violations).toEqual([]);
			} finally {
				await session?.close();
			}
		});
	}
}

// Each page also as every other kind of member who may see it, where roles change what a page
// shows (write tools, member management, read-only text): at desktop width, to keep the run short.
const otherMembers = ['editor', 'viewer', 'signatory', 'manager'] as const;
for (const pageCase of pages) {
	const path = pageCase.path ?? pageCase.route;
	if (pageCase.access.anonymous === 'allow') continue;
	for (const member of otherMembers) {
		if (pageCase.access[member] !== 'allow') continue;
		test(`${path} as ${member} has no WCAG 2.1 AA violations`, async ({
			browser,
			actors,
			baseURL,
			server,
			browserErrors
		}) => {
			const session = await pageAs(browser, actors[member], baseURL!);
			try {
				await session.page.setViewportSize(viewports[0]);
				allowRefusedPage(
					browserErrors,
					await openPage(session.page, fillPlaceholders(path, server.dataDir))
				);
				const results = await new AxeBuilder({ page: session.page }).withTags(wcagTags).analyze();
				expect(results.violations).toEqual([]);
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
	const results = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
	expect(results.violations).toEqual([]);
});

test('the German error page has no violations', async ({ page, browserErrors }) => {
	const response = await page.goto('/gibt-es-nicht');
	expect(response?.status()).toBe(404);
	allowRefusedPage(browserErrors, response);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Seite nicht gefunden');
	const results = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
	expect(results.violations).toEqual([]);
});

for (const viewport of viewports) {
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
			const results = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
			expect(results.violations).toEqual([]);
		} finally {
			await session.close();
		}
	});
}
