// Participants' phones load a lighter page than staff: their layout takes only the part of KERN
// it uses. Measured in bytes of stylesheet (gzip, as a server sends it), not in time; the whole
// pages' budgets are checked by `npm run bench -- --only page-weight`.
import type { Page } from '@playwright/test';
import { gzipSync } from 'node:zlib';
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
		bytes += gzipSync(await response.body(), { level: 9 }).length;
	}
	return bytes;
}

/** Issue #23: the participant pages' CSS was 23 KB, KERN's part of it cut to what they use. */
const joinCssBudget = 12 * 1024;

test('the join page loads less CSS than a staff page, within its budget', async ({
	browser,
	baseURL
}) => {
	const participant = await browser.newPage({ baseURL });
	const staff = await browser.newPage({ baseURL });
	const joinBytes = await stylesheetBytes(participant, '/join');
	const staffBytes = await stylesheetBytes(staff, '/anmelden');
	console.log(`CSS: /join ${joinBytes} B, /anmelden ${staffBytes} B`);
	expect(joinBytes).toBeGreaterThan(0);
	expect(joinBytes).toBeLessThan(staffBytes);
	expect(joinBytes).toBeLessThanOrEqual(joinCssBudget);
	await participant.close();
	await staff.close();
});
