// Working on the words themselves: selected words offer "Kommentieren" and "Vorschlagen" right at
// the selection; on a phone the form opens as a sheet over the text with the words still marked;
// the caret in a proposal shows who proposed it and, for those who decide, accept and reject.
// Every page here also runs under the fixtures' error guard: a document with open proposals once
// threw effect_update_depth_exceeded.
import type { APIRequestContext, Browser, Page, TestInfo } from '@playwright/test';
import { queryDatabase } from './support/database';
import { documentWithProposals } from './support/documents';
import { expect, openPage, pageAs, test } from './support/fixtures';

const sentence = 'Armut betrifft viele Familien im Kreis.';

function textbox(page: Page) {
	return page.getByRole('textbox', { name: /Text von/ });
}

/** A phone: 375 px wide, touch, no fine pointer. */
async function phoneAs(browser: Browser, baseURL: string, request: APIRequestContext) {
	const context = await browser.newContext({
		baseURL,
		viewport: { width: 375, height: 812 },
		isMobile: true,
		hasTouch: true,
		deviceScaleFactor: 2,
		storageState: await request.storageState()
	});
	const page = await context.newPage();
	return { page, close: () => context.close() };
}

/** Selects `words` of the sentence with the keyboard; selecting changes nothing, so it may be
 * tried again when a busy editor misses a caret move. */
async function selectWords(page: Page, words: string) {
	const after = sentence.length - sentence.indexOf(words) - words.length;
	await expect(async () => {
		await textbox(page).focus();
		await page.keyboard.press('ControlOrMeta+End');
		for (let i = 0; i < after; i++) await page.keyboard.press('ArrowLeft');
		for (let i = 0; i < words.length; i++) await page.keyboard.press('Shift+ArrowLeft');
		expect(await page.evaluate(() => getSelection()?.toString())).toBe(words);
	}).toPass();
}

/** Right above or right below the words, not somewhere else on the page. */
function besideWords(
	box: { y: number; height: number },
	words: { top: number; bottom: number }
): boolean {
	const above = Math.abs(box.y + box.height - words.top);
	const below = Math.abs(box.y - words.bottom);
	return Math.min(above, below) < 24;
}

async function shoot(page: Page, testInfo: TestInfo, name: string) {
	await page.screenshot({ path: testInfo.outputPath(`${name}.png`) });
}

test('a document with open proposals of two bodies is read and worked on without errors', async ({
	browser,
	actors,
	baseURL,
	server
}) => {
	const { slug } = await documentWithProposals(server, actors.editor, 'Ohne Fehler', sentence, [
		{ by: actors.viewer, organisation: 'kamen', words: 'Familien', text: 'Haushalte' },
		{ by: actors.managerOther, organisation: 'unna', words: 'Familien', text: 'Menschen' }
	]);
	const editor = await pageAs(browser, actors.editor, baseURL!);
	await editor.page.setViewportSize({ width: 1280, height: 900 });
	await openPage(editor.page, `/dokumente/${slug}`);
	await expect(textbox(editor.page).locator('ins.proposal__insertion')).toHaveCount(2);
	// The caret into the proposals' words, out again, and the panel open: each a redraw.
	await textbox(editor.page).locator('del.proposal__deletion').first().click();
	await expect(
		editor.page.getByRole('group', { name: 'Vorschlag an dieser Stelle' })
	).toBeVisible();
	await editor.page.keyboard.press('ControlOrMeta+Home');
	await editor.page.getByRole('button', { name: /^Vorschläge \(2\)/ }).click();
	await expect(editor.page.locator('#comment-panel li[id^="vorschlag-"]')).toHaveCount(2);
	await editor.close();
});

test('on a phone, selected words are commented on in a sheet over the text, the words stay marked', async ({
	browser,
	actors,
	baseURL,
	server
}, testInfo) => {
	const { id, slug } = await documentWithProposals(
		server,
		actors.editor,
		'Kommentar am Telefon',
		sentence,
		[]
	);
	const phone = await phoneAs(browser, baseURL!, actors.viewer.request);
	const { page } = phone;
	try {
		await openPage(page, `/dokumente/${slug}`);
		await expect(textbox(page)).toContainText(sentence);
		await selectWords(page, 'viele Familien');

		// The two choices sit at the selected words, not at the end of the document.
		const menu = page.getByRole('group', { name: 'Zur markierten Stelle' });
		await expect(menu.getByRole('button', { name: 'Kommentieren' })).toBeVisible();
		await expect(menu.getByRole('button', { name: 'Vorschlagen' })).toBeVisible();
		const words = await textbox(page).evaluate(() => {
			const rect = getSelection()!.getRangeAt(0).getBoundingClientRect();
			return { top: rect.top, bottom: rect.bottom };
		});
		await expect.poll(async () => besideWords((await menu.boundingBox())!, words)).toBe(true);
		const menuBox = (await menu.boundingBox())!;
		expect(menuBox.x).toBeGreaterThanOrEqual(0);
		expect(menuBox.x + menuBox.width).toBeLessThanOrEqual(375);
		await shoot(page, testInfo, 'telefon-auswahl');

		await menu.getByRole('button', { name: 'Kommentieren' }).tap();
		const sheet = page.getByRole('dialog', { name: 'Kommentieren' });
		await expect(sheet).toBeVisible();
		await expect(sheet).toContainText('viele Familien');
		const field = sheet.getByLabel('Ihr Kommentar zur markierten Stelle');
		await expect(field).toBeFocused();
		await expect(menu).toBeHidden();
		// A sheet along the bottom edge; above it the words, still marked.
		const sheetBox = (await sheet.boundingBox())!;
		expect(sheetBox.width).toBe(375);
		expect(sheetBox.y + sheetBox.height).toBeCloseTo(812, 0);
		const held = textbox(page).locator('.held-selection');
		await expect(held).toHaveText('viele Familien');
		const heldBox = (await held.boundingBox())!;
		expect(heldBox.y + heldBox.height).toBeLessThanOrEqual(sheetBox.y);
		// Strg+Alt+M is told only where there is a keyboard.
		await expect(page.getByText('Strg+Alt+M')).toHaveCount(0);
		await shoot(page, testInfo, 'telefon-kommentar');

		await field.fill('Welche Familien sind gemeint?');
		await sheet.getByRole('button', { name: 'Kommentar speichern' }).tap();
		await expect(sheet).toBeHidden();
		await expect(
			page.getByRole('status').filter({ hasText: 'Kommentar ist gespeichert' })
		).toBeVisible();
		await expect(held).toHaveCount(0);
		await expect(textbox(page).locator('.comment-mark')).toHaveText('viele Familien');
		expect(
			queryDatabase<{ quote: string }>(
				server.dataDir,
				"select quote from annotation where document_id = ? and kind = 'comment'",
				id
			)
		).toEqual([{ quote: 'viele Familien' }]);
	} finally {
		await phone.close();
	}
});

test('on a phone, a change is proposed for selected words in the sheet', async ({
	browser,
	actors,
	baseURL,
	server
}, testInfo) => {
	const { slug } = await documentWithProposals(
		server,
		actors.editor,
		'Vorschlag am Telefon',
		sentence,
		[]
	);
	const phone = await phoneAs(browser, baseURL!, actors.viewer.request);
	const { page } = phone;
	try {
		await openPage(page, `/dokumente/${slug}`);
		await expect(textbox(page)).toContainText(sentence);
		await selectWords(page, 'Familien');
		await page
			.getByRole('group', { name: 'Zur markierten Stelle' })
			.getByRole('button', { name: 'Vorschlagen' })
			.tap();
		const sheet = page.getByRole('dialog', { name: 'Änderung vorschlagen' });
		const field = sheet.getByLabel(/Neuer Wortlaut/);
		await expect(field).toHaveValue('Familien');
		await field.fill('Haushalte');
		await shoot(page, testInfo, 'telefon-vorschlag');
		await sheet.getByRole('button', { name: 'Vorschlag senden' }).tap();
		await expect(sheet).toBeHidden();
		await expect(textbox(page).locator('del.proposal__deletion')).toHaveText('Familien');
		await expect(textbox(page).locator('ins.proposal__insertion')).toHaveText(/Haushalte$/);
		await expect(textbox(page).locator('.proposal__tag')).toContainText('Stadt Kamen');
	} finally {
		await phone.close();
	}
});

test('at a desktop, Alt+F10 from selected words reaches the menu, and the comment field opens beside the text', async ({
	browser,
	actors,
	baseURL,
	server
}, testInfo) => {
	const { slug } = await documentWithProposals(
		server,
		actors.editor,
		'Menü mit Tastatur',
		sentence,
		[]
	);
	const viewer = await pageAs(browser, actors.viewer, baseURL!);
	const { page } = viewer;
	await page.setViewportSize({ width: 1280, height: 900 });
	await openPage(page, `/dokumente/${slug}`);
	await expect(textbox(page)).toContainText(sentence);
	await selectWords(page, 'Familien');
	const menu = page.getByRole('group', { name: 'Zur markierten Stelle' });
	await expect(menu).toBeVisible();
	await shoot(page, testInfo, 'desktop-auswahl');
	await page.keyboard.press('Alt+F10');
	await expect(menu.getByRole('button', { name: 'Kommentieren' })).toBeFocused();
	// Escape goes back to the words, with the selection.
	await page.keyboard.press('Escape');
	await expect(textbox(page)).toBeFocused();
	expect(await page.evaluate(() => getSelection()?.toString())).toBe('Familien');
	await page.keyboard.press('Alt+F10');
	await page.keyboard.press('Enter');
	await expect(page.locator('#comment-panel').getByLabel('Ihr Kommentar')).toBeFocused();
	await expect(page.locator('.new-comment')).toContainText('Familien');
	await expect(page.getByText('Strg+Alt+M')).toBeVisible();
	await viewer.close();
});

for (const device of ['desktop', 'phone'] as const) {
	test(`the caret in a proposal shows who proposed it, and the editor decides there (${device})`, async ({
		browser,
		actors,
		baseURL,
		server
	}, testInfo) => {
		const { slug } = await documentWithProposals(
			server,
			actors.editor,
			`Entscheiden im Text ${device}`,
			sentence,
			[{ by: actors.viewer, organisation: 'kamen', words: 'Familien', text: 'Haushalte' }]
		);
		const session =
			device === 'phone'
				? await phoneAs(browser, baseURL!, actors.editor.request)
				: await pageAs(browser, actors.editor, baseURL!);
		const { page } = session;
		if (device === 'desktop') await page.setViewportSize({ width: 1280, height: 900 });
		await openPage(page, `/dokumente/${slug}`);
		const deletion = textbox(page).locator('del.proposal__deletion');
		await expect(deletion).toHaveText('Familien');
		if (device === 'phone') await deletion.tap();
		else await deletion.click();
		const popover = page.getByRole('group', { name: 'Vorschlag an dieser Stelle' });
		await expect(popover).toBeVisible();
		await expect(popover).toContainText('Stadt Kamen');
		await expect(popover).toContainText('Vera Lesend');
		// Floating UI places it a moment after it shows.
		await expect
			.poll(async () => {
				const box = (await popover.boundingBox())!;
				const words = (await deletion.boundingBox())!;
				return besideWords(box, { top: words.y, bottom: words.y + words.height });
			})
			.toBe(true);
		await shoot(page, testInfo, `vorschlag-${device}`);
		await popover.getByRole('button', { name: 'Annehmen' }).click();
		await expect(textbox(page)).toContainText('Armut betrifft viele Haushalte im Kreis.');
		await expect(textbox(page).locator('.proposal')).toHaveCount(0);
		await expect(popover).toBeHidden();
		await session.close();
	});
}

test('who may not decide sees who proposed it in the popover, without the buttons', async ({
	browser,
	actors,
	baseURL,
	server
}) => {
	const { slug } = await documentWithProposals(server, actors.editor, 'Nur lesen', sentence, [
		{ by: actors.managerOther, organisation: 'unna', words: 'Familien', text: 'Menschen' }
	]);
	const viewer = await pageAs(browser, actors.viewer, baseURL!);
	const { page } = viewer;
	await page.setViewportSize({ width: 1280, height: 900 });
	await openPage(page, `/dokumente/${slug}`);
	await textbox(page).locator('del.proposal__deletion').click();
	const popover = page.getByRole('group', { name: 'Vorschlag an dieser Stelle' });
	await expect(popover).toContainText('Kreisstadt Unna');
	await expect(popover.getByRole('button')).toHaveCount(0);
	await viewer.close();
});
