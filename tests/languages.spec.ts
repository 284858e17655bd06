// The participant pages' languages (#24): preset from the browser, chosen from the menu on every
// page, remembered on the device and, once joined, for the event; staff pages stay German.
import type { APIRequestContext } from '@playwright/test';
import { createHash } from 'node:crypto';
import { queryDatabase } from './support/database';
import { expect, openPage, pageWithState, test } from './support/fixtures';
import { joinAsParticipant, seededEventSlug } from './support/participants';
import { phoneDevice } from './support/phone';

const eventPath = `/teilnahme/${seededEventSlug}`;

test('the join page speaks the browser’s language; the menu changes it for the device, by keyboard too', async ({
	browser,
	baseURL
}) => {
	const { page, close } = await pageWithState(browser, undefined, baseURL!, {
		...phoneDevice,
		locale: 'tr-TR'
	});
	await openPage(page, '/join');
	await expect(page.locator('html')).toHaveAttribute('lang', 'tr');
	const menu = page.locator('details.language-menu');
	await expect(menu.locator('summary')).toHaveAccessibleName('Dil: Türkçe');
	await expect(menu.locator('summary')).toHaveText('Türkçe');

	// A disclosure: Enter opens it, Tab reaches the languages, Enter follows one.
	await menu.locator('summary').focus();
	await page.keyboard.press('Enter');
	const arabic = menu.getByRole('link', { name: 'العربية' });
	await expect(arabic).toBeVisible();
	await expect(arabic).toHaveAttribute('lang', 'ar');
	await expect(menu.getByRole('link', { name: 'Türkçe' })).toHaveAttribute('aria-current', 'true');
	// Escape closes it again, back on the button; so does a tap elsewhere.
	await page.keyboard.press('Escape');
	await expect(arabic).toBeHidden();
	await expect(menu.locator('summary')).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(arabic).toBeVisible();
	// Below the open list, at the page's edge (the list covers the heading on a phone).
	await page.mouse.click(5, 700);
	await expect(arabic).toBeHidden();
	await menu.locator('summary').focus();
	await page.keyboard.press('Enter');
	await arabic.focus();
	await page.keyboard.press('Enter');

	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
	await page.locator('html[data-hydrated="true"]').waitFor();
	expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe('/join');
	const cookies = await page.context().cookies();
	expect(cookies.find((cookie) => cookie.name === 'sprache')?.value).toBe('ar');
	await expect(menu.locator('summary')).toHaveAccessibleName('اللغة: العربية');

	// The pages for staff and the legal pages are German: their lang says so, whatever was chosen.
	await openPage(page, '/datenschutz');
	await expect(page.locator('html')).toHaveAttribute('lang', 'de');
	await expect(page.locator('html')).not.toHaveAttribute('dir', 'rtl');
	await close();
});

test('an unknown language in the link changes nothing and leaves a clean address', async ({
	request
}) => {
	const response = await request.get('/join?sprache=xx', { maxRedirects: 0 });
	expect(response.status()).toBe(303);
	expect(response.headers().location).toBe('/join');
	expect(response.headers()['set-cookie'] ?? '').not.toContain('sprache=');
});

test('a language chosen at an event stays with the event, over the device’s choice', async ({
	browser,
	baseURL,
	server
}) => {
	const participant = await joinAsParticipant(baseURL!, server.dataDir, seededEventSlug);
	const { page, close } = await pageWithState(browser, participant, baseURL!, phoneDevice);
	await openPage(page, `${eventPath}?sprache=pl`);
	await expect(page.locator('html')).toHaveAttribute('lang', 'pl');
	expect(new URL(page.url()).pathname).toBe(eventPath);

	expect(await storedLocaleOf(participant, server.dataDir)).toBe('pl');

	// The device now prefers English (as after choosing it at another event): this event's pages
	// stay Polish; the join page, which belongs to no event yet, follows the device.
	await page.context().addCookies([{ name: 'sprache', value: 'en', url: baseURL! }]);
	await openPage(page, eventPath);
	await expect(page.locator('html')).toHaveAttribute('lang', 'pl');
	await openPage(page, '/join');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await close();
	await participant.dispose();
});

/** The language stored with the participant behind a request context's event cookie. */
async function storedLocaleOf(participant: APIRequestContext, dataDir: string) {
	const { cookies } = await participant.storageState();
	const cookie = cookies.find((found) => found.name.startsWith('lw_teilnahme_'));
	const token = decodeURIComponent(cookie!.value).split('.')[0];
	const tokenHash = createHash('sha256').update(token).digest('hex');
	return queryDatabase<{ locale: string | null }>(
		dataDir,
		'select locale from participant where token_hash = ?',
		tokenHash
	)[0]?.locale;
}
