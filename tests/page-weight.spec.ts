// Participants' phones load a lighter page than staff: their layout takes only the part of KERN
// it uses. Measured in bytes of stylesheet, not in time.
import type { Page } from '@playwright/test';
import { expect, openPage, test } from './support/fixtures';

async function stylesheetBytes(page: Page, path: string) {
	// Only the addresses are taken while the page loads: a response's body may be gone by the
	// time it is read (the browser drops it after a client-side navigation), so each
	// stylesheet is fetched again once the page is ready.
	const urls = new Set<string>();
	page.on('request', (request) => {
		if (request.resourceType() === 'stylesheet') urls.add(request.url());
	});
	await openPage(page, path);
	let bytes = 0;
	for (const url of urls) {
		const response = await page.request.get(url);
		expect(response.ok()).toBe(true);
		bytes += (await response.body()).length;
	}
	return bytes;
}

test('the join page loads less CSS than a staff page', async ({ browser, baseURL }) => {
	const participant = await browser.newPage({ baseURL });
	const staff = await browser.newPage({ baseURL });
	const joinBytes = await stylesheetBytes(participant, '/join');
	const staffBytes = await stylesheetBytes(staff, '/anmelden');
	console.log(`CSS: /join ${joinBytes} B, /anmelden ${staffBytes} B`);
	expect(joinBytes).toBeGreaterThan(0);
	expect(joinBytes).toBeLessThan(staffBytes * 0.6);
	await participant.close();
	await staff.close();
});
