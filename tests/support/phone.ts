// A 375 px phone with touch, and the check that a page does not scroll sideways on it: wide content
// (tables, long words, code) scrolls in its own region or wraps.
import { expect, type BrowserContextOptions, type Page, type TestInfo } from '@playwright/test';

export const phone = { width: 375, height: 812 };

/** The phone as a browser context: pageWithState(browser, request, baseURL, phoneDevice). */
export const phoneDevice: BrowserContextOptions = {
	viewport: phone,
	isMobile: true,
	hasTouch: true,
	deviceScaleFactor: 2
};

/** How far the page scrolls sideways, and what sticks out, for the failure message. */
async function overflow(page: Page) {
	return page.evaluate((width) => {
		const wide = [...document.querySelectorAll('body *')]
			.filter((element) => element.getBoundingClientRect().right > width + 0.5)
			.filter((element) => !element.parentElement?.closest('[role="region"][tabindex]'))
			.slice(0, 5)
			.map((element) => `${element.tagName.toLowerCase()}.${element.className}`.slice(0, 80));
		return { scrollWidth: document.documentElement.scrollWidth, innerWidth: width, wide };
	}, phone.width);
}

/** The page shown now fits the phone's width; a screenshot of it goes to the test's output. */
export async function expectFitsPhone(
	page: Page,
	label: string,
	testInfo: TestInfo
): Promise<void> {
	await page.screenshot({
		path: testInfo.outputPath(`telefon${label.replace(/[/?&=]/g, '_')}.png`),
		fullPage: true
	});
	const measured = await overflow(page);
	// A phone widens its layout viewport to content that does not fit (and zooms out): measured
	// against the device's width, not the page's own innerWidth.
	expect(measured.innerWidth, `${label}: ${measured.wide}`).toBe(phone.width);
	expect(measured.scrollWidth, `${label} ist breiter als das Telefon: ${measured.wide}`).toBe(
		phone.width
	);
}
