// On a phone no page scrolls sideways as a whole: wide content (tables, long words, code) scrolls
// in its own region or wraps. Every page of the route table, on a 375 px phone with touch, as
// someone who may see it; plus the pages that only grow wide with content (versions).
import type { APIRequestContext, Browser, Page, TestInfo } from '@playwright/test';
import { routeTable } from './authz/route-table';
import { postForm } from './support/actors';
import { createDocument } from './support/documents';
import { allowRefusedPage, type BrowserErrors } from './support/browser-errors';
import { expect, test } from './support/fixtures';
import { fillPlaceholders } from './support/participants';

const phone = { width: 375, height: 812 };

async function phoneWithState(browser: Browser, baseURL: string, request?: APIRequestContext) {
	const context = await browser.newContext({
		baseURL,
		viewport: phone,
		isMobile: true,
		hasTouch: true,
		deviceScaleFactor: 2,
		storageState: request ? await request.storageState() : undefined
	});
	return { page: await context.newPage(), close: () => context.close() };
}

/** How far the page scrolls sideways, and what sticks out, for the failure message. */
async function overflow(page: Page) {
	return page.evaluate(() => {
		const width = 375;
		const wide = [...document.querySelectorAll('body *')]
			.filter((element) => element.getBoundingClientRect().right > width + 0.5)
			.filter((element) => !element.parentElement?.closest('[role="region"][tabindex]'))
			.slice(0, 5)
			.map((element) => `${element.tagName.toLowerCase()}.${element.className}`.slice(0, 80));
		return { scrollWidth: document.documentElement.scrollWidth, innerWidth: width, wide };
	});
}

async function expectNoSidewaysScroll(
	page: Page,
	path: string,
	testInfo: TestInfo,
	browserErrors: BrowserErrors
) {
	allowRefusedPage(browserErrors, await page.goto(path));
	await page.locator('html[data-hydrated="true"]').waitFor();
	await page.screenshot({
		path: testInfo.outputPath(`telefon${path.replace(/[/?&=]/g, '_')}.png`),
		fullPage: true
	});
	const measured = await overflow(page);
	// A phone widens its layout viewport to content that does not fit (and zooms out): measured
	// against the device's width, not the page's own innerWidth.
	expect(measured.innerWidth, `${path}: ${measured.wide}`).toBe(phone.width);
	expect(measured.scrollWidth, `${path} ist breiter als das Telefon: ${measured.wide}`).toBe(
		phone.width
	);
}

for (const pageCase of routeTable.filter((c) => c.kind === 'page')) {
	const path = pageCase.path ?? pageCase.route;
	const as =
		pageCase.access.anonymous === 'allow'
			? 'anonymous'
			: pageCase.access.admin === 'allow'
				? 'admin'
				: 'participant';
	test(`${path} fits a 375 px phone without scrolling sideways`, async ({
		browser,
		actors,
		participant,
		baseURL,
		server,
		browserErrors
	}, testInfo) => {
		const request =
			as === 'admin' ? actors.admin.request : as === 'participant' ? participant : undefined;
		const phonePage = await phoneWithState(browser, baseURL!, request);
		try {
			await expectNoSidewaysScroll(
				phonePage.page,
				fillPlaceholders(path, server.dataDir),
				testInfo,
				browserErrors
			);
		} finally {
			await phonePage.close();
		}
	});
}

test('the versions of a document with versions fit a 375 px phone', async ({
	browser,
	actors,
	baseURL,
	server,
	browserErrors
}, testInfo) => {
	const { slug } = await createDocument(server, actors.editor, 'Fassungen am Telefon');
	for (const name of ['Entwurf für den Arbeitskreis Soziales', 'Beschlussvorlage Kreistag']) {
		const response = await postForm(
			actors.editor.request,
			server.url,
			`/dokumente/${slug}/fassungen?/freeze`,
			{ name }
		);
		expect(response.status()).toBe(200);
	}
	const phonePage = await phoneWithState(browser, baseURL!, actors.editor.request);
	try {
		for (const path of [
			`/dokumente/${slug}/fassungen`,
			`/dokumente/${slug}/fassungen/1`,
			`/dokumente/${slug}/vergleich?von=1&bis=2`,
			`/dokumente/${slug}/verlauf`
		]) {
			await expectNoSidewaysScroll(phonePage.page, path, testInfo, browserErrors);
		}
	} finally {
		await phonePage.close();
	}
});
