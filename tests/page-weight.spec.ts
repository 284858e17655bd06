// Participants' phones load a lighter page than staff: their layout takes only the part of KERN
// it uses. Measured in bytes of stylesheet (gzip, as a server sends it), not in time; the whole
// pages' budgets are checked by `npm run bench -- --only page-weight`.
import type { Page } from '@playwright/test';
import { gzipSync } from 'node:zlib';
import { kilobytesOf, languagesLoaded, weigh } from '../bench/page-weight/weigh';
import { participantLocales } from '../src/lib/i18n/locales';
import { expect, openPage, test } from './support/fixtures';
import { seededEventSlug } from './support/participants';

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

/**
 * A language costs about what German costs: its own texts replace the German ones, the other
 * seven languages are not loaded. (Whether the page meets #23's 55 KB is the benchmark's report:
 * `npm run bench -- --only page-weight`.)
 */
const languageAllowanceKb = 1;

test('the poll page loads its own language only, and every language weighs about what German does', async ({
	browser,
	baseURL,
	participant
}) => {
	const { cookies } = await participant.storageState();
	const weights = new Map<string, number>();
	for (const locale of participantLocales) {
		// Chosen as from the menu: remembered for the event, then the page without the parameter.
		const assets = await weigh(
			browser,
			baseURL!,
			`/teilnahme/${seededEventSlug}/umfrage?sprache=${locale}`,
			cookies.map(({ name, value }): [string, string] => [name, value])
		);
		weights.set(locale, kilobytesOf(assets, 'script') + kilobytesOf(assets, 'stylesheet'));
		// The shell's texts and the poll's, in this language; not the board's, not the server's.
		expect(languagesLoaded(assets), `Texte der Umfrageseite (${locale})`).toEqual([locale, locale]);
	}
	const german = weights.get('de')!;
	for (const [locale, kb] of weights) {
		expect(
			kb,
			`Umfrageseite (${locale}) gegenüber Deutsch (${german.toFixed(1)} KB)`
		).toBeLessThanOrEqual(german + languageAllowanceKb);
	}
	console.log(
		`Umfrageseite JS + CSS: ${[...weights].map(([l, kb]) => `${l} ${kb.toFixed(1)} KB`).join(', ')}`
	);
});
