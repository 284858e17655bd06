// The pages a public body must offer, reachable without signing in: Impressum, Datenschutz (with
// every cookie the app sets), Barrierefreiheit with its feedback form, Leichte Sprache.
import { expectNoAxeViolations } from './support/axe';
import { postForm } from './support/actors';
import { queryDatabase } from './support/database';
import { expect, openPage, pageAs, test } from './support/fixtures';

function feedbackCount(dataDir: string): number {
	return queryDatabase<{ n: number }>(
		dataDir,
		'select count(*) as n from accessibility_feedback'
	)[0].n;
}

test('the footer leads to the four pages without signing in', async ({ page }) => {
	await openPage(page, '/anmelden');
	const footer = page.getByRole('navigation', { name: 'Rechtliches und Hilfe' });
	for (const [link, heading] of [
		['Impressum', 'Impressum'],
		['Datenschutz', 'Datenschutzerklärung'],
		['Barrierefreiheit', 'Erklärung zur Barrierefreiheit'],
		['Leichte Sprache', 'Leichte Sprache']
	]) {
		await footer.getByRole('link', { name: link }).click();
		await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
	}
	await expect(page.getByRole('main')).toContainText('Sie können alles auch ohne Maus machen.');
});

test('the Datenschutz page names every cookie the app sets, and no other exists', async ({
	page,
	actors,
	participant
}) => {
	await openPage(page, '/datenschutz');
	const cookieTable = page.getByRole('table', { name: 'Cookies dieser Anwendung' });
	await expect(cookieTable).toContainText('lw_sitzung');
	await expect(cookieTable).toContainText('lw_teilnahme_<Kennung der Veranstaltung>');
	await expect(cookieTable).toContainText('sprache');
	await expect(page.getByRole('main')).toContainText('technisch notwendig');

	// A language chosen from the menu sets the third.
	await openPage(page, '/join');
	await page.locator('details.language-menu summary').click();
	await page.getByRole('link', { name: 'English' }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');

	const cookies = [
		...(await actors.admin.request.storageState()).cookies,
		...(await participant.storageState()).cookies,
		...(await page.context().cookies())
	].map((cookie) => cookie.name);
	expect(cookies).toContain('lw_sitzung');
	expect(cookies).toContain('sprache');
	expect(cookies.some((name) => name.startsWith('lw_teilnahme_'))).toBe(true);
	for (const name of cookies) expect(name).toMatch(/^(lw_sitzung|lw_teilnahme_.+|sprache)$/);
});

test('a barrier is reported by keyboard, stored, and read by an admin', async ({
	page,
	browser,
	actors,
	baseURL,
	server
}) => {
	await openPage(page, '/barrierefreiheit');
	const before = feedbackCount(server.dataDir);

	// Empty: a German message, the typed fields kept, nothing stored; the page stays accessible.
	await page.getByLabel('Auf welcher Seite? (freiwillig)').fill('/beschluesse');
	await page.getByLabel('Welche Barriere ist Ihnen begegnet?').fill('   ');
	await page.getByRole('button', { name: 'Rückmeldung senden' }).click();
	await expect(page.getByRole('alert')).toContainText('Bitte geben Sie eine Beschreibung');
	await expect(page.getByLabel('Auf welcher Seite? (freiwillig)')).toHaveValue('/beschluesse');
	await expectNoAxeViolations(page);
	expect(feedbackCount(server.dataDir)).toBe(before);

	await page.getByLabel('Welche Barriere ist Ihnen begegnet?').focus();
	await page.keyboard.type('Die Karte der Beschlüsse hat keine Tabelle als Alternative.');
	await page.keyboard.press('Tab');
	await page.keyboard.press('Tab');
	await expect(page.getByLabel('Wie erreichen wir Sie? (freiwillig)')).toBeFocused();
	await page.keyboard.type('melderin@example.org');
	await page.keyboard.press('Tab');
	await expect(page.getByRole('button', { name: 'Rückmeldung senden' })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(
		page.getByRole('status').filter({ hasText: 'Ihre Rückmeldung ist angekommen' })
	).toBeVisible();
	expect(feedbackCount(server.dataDir)).toBe(before + 1);

	const admin = await pageAs(browser, actors.admin, baseURL!);
	await openPage(admin.page, '/verwaltung');
	await admin.page.getByRole('link', { name: 'Rückmeldungen zur Barrierefreiheit' }).click();
	const main = admin.page.getByRole('main');
	await expect(main).toContainText('Die Karte der Beschlüsse hat keine Tabelle als Alternative.');
	await expect(main).toContainText('/beschluesse');
	await expect(main).toContainText('melderin@example.org');
	await admin.close();
});

test('bad feedback input answers 400 with a message and stores nothing', async ({
	request,
	server
}) => {
	const before = feedbackCount(server.dataDir);
	for (const [fields, message] of [
		[{}, 'Bitte geben Sie eine Beschreibung'],
		[{ message: 'x'.repeat(4001) }, 'höchstens 4000 Zeichen'],
		[{ message: 'Kontrast', page: 'p'.repeat(301) }, 'höchstens 300 Zeichen'],
		[{ message: 'Kontrast', contact: 'c'.repeat(301) }, 'höchstens 300 Zeichen']
	] as const) {
		const response = await postForm(request, server.url, '/barrierefreiheit', fields);
		expect(response.status()).toBe(400);
		expect(await response.text()).toContain(message);
	}
	expect(feedbackCount(server.dataDir)).toBe(before);
});
