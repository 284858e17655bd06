// Participants' phones load a lighter page than staff: their layout takes only the part of KERN
// it uses. Measured in bytes sent (compressed where the browser asks for it), not in time.
import type { Page } from '@playwright/test';
import { expect, openPage, test } from './support/fixtures';

async function stylesheetBytes(page: Page, path: string) {
	const sizes: Promise<number>[] = [];
	page.on('response', (response) => {
		if (response.request().resourceType() === 'stylesheet') {
			sizes.push(response.body().then((body) => body.length));
		}
	});
	await openPage(page, path);
	return (await Promise.all(sizes)).reduce((sum, size) => sum + size, 0);
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
