// Tables in documents: inserted and edited with the keyboard through the toolbar, written by two
// people at once, commented and proposed on inside a cell, kept across a reload, numbered row by
// row, exported as a Markdown table, and never wider than a phone's screen.
import { expectNoAxeViolations } from './support/axe';
import type { Page } from '@playwright/test';
import { createDocument } from './support/documents';
import { expect, openPage, pageAs, test } from './support/fixtures';

function textbox(page: Page) {
	return page.getByRole('textbox', { name: /Text von/ });
}

/** From the text to a toolbar button with Alt+F10 and the arrow keys, then Enter. */
async function useTool(page: Page, label: string) {
	await page.keyboard.press('Alt+F10');
	const toolbar = page.getByRole('toolbar', { name: 'Textformat' });
	await expect(toolbar.locator('button:focus')).toHaveCount(1);
	for (let i = 0; i < 20; i++) {
		if ((await toolbar.locator('button:focus').textContent())?.trim() === label) break;
		await page.keyboard.press('ArrowRight');
	}
	await expect(toolbar.locator('button:focus')).toHaveText(label);
	await page.keyboard.press('Enter');
}

/** The words of each row, cell by cell, as the text stands: without others' carets, consensus
 * buttons and proposed words. */
function rows(page: Page) {
	return textbox(page)
		.locator('table tr')
		.evaluateAll((trs) =>
			trs.map((tr) =>
				[...tr.children].map((cell) => {
					const copy = cell.cloneNode(true) as HTMLElement;
					copy
						.querySelectorAll(
							'.collaboration-carets__caret, .consensus-indicator, .proposal__label, .proposal__insertion, .proposal__tag'
						)
						.forEach((c) => c.remove());
					return copy.textContent?.trim();
				})
			)
		);
}

/** Selects the last word of a cell with the keyboard: caret to the cell's end, then back. */
async function selectLastWord(page: Page, cellText: string, word: string) {
	await expect(async () => {
		await textbox(page).locator('td p').filter({ hasText: cellText }).first().click();
		await page.keyboard.press('End');
		for (let i = 0; i < word.length; i++) await page.keyboard.press('Shift+ArrowLeft');
		expect(await page.evaluate(() => getSelection()?.toString())).toBe(word);
	}).toPass();
}

test('a table is written with the keyboard, live for two, commented and proposed on in a cell, and exported', async ({
	browser,
	actors,
	baseURL,
	server
}, testInfo) => {
	const { slug } = await createDocument(server, actors.editor, 'Tabellenprobe');
	const editor = await pageAs(browser, actors.editor, baseURL!);
	const viewer = await pageAs(browser, actors.viewer, baseURL!);
	for (const { page } of [editor, viewer]) await page.setViewportSize({ width: 1280, height: 900 });
	await openPage(editor.page, `/dokumente/${slug}`);
	await expect(editor.page.getByRole('status').filter({ hasText: 'Verbunden' })).toBeVisible();
	await openPage(viewer.page, `/dokumente/${slug}`);

	await textbox(editor.page).click();
	await editor.page.keyboard.type('Zusagen der Kommunen');
	await editor.page.keyboard.press('Enter');
	await useTool(editor.page, 'Tabelle einfügen');
	await expect(textbox(editor.page)).toBeFocused();
	await expect(
		editor.page.getByText(/In der Tabelle: Tab springt in die nächste Zelle/)
	).toBeVisible();
	// Tab and Shift+Tab move between the cells.
	for (const [i, cell] of [
		'Kommune',
		'Zusage',
		'Frist',
		'Kamen',
		'Runder Tisch',
		'2027',
		'Unna'
	].entries()) {
		if (i > 0) await editor.page.keyboard.press('Tab');
		await editor.page.keyboard.type(cell);
	}
	await editor.page.keyboard.press('Shift+Tab');
	await editor.page.keyboard.press('Tab');
	await editor.page.keyboard.press('Tab');
	await editor.page.keyboard.type('Beratung im Quartier');
	await editor.page.keyboard.press('Tab');
	await editor.page.keyboard.type('2026');

	const expected = [
		['Kommune', 'Zusage', 'Frist'],
		['Kamen', 'Runder Tisch', '2027'],
		['Unna', 'Beratung im Quartier', '2026']
	];
	await expect.poll(() => rows(editor.page)).toEqual(expected);
	// The other browser sees it live, with the header row as column headers.
	await expect.poll(() => rows(viewer.page)).toEqual(expected);
	await expect(textbox(viewer.page).locator('th')).toHaveCount(3);
	// Each body row carries its passage number in the margin, drawn at its first cell; the header
	// row none.
	await expect(textbox(editor.page).locator('td[data-passage]')).toHaveCount(2);
	await expect(textbox(editor.page).locator('td[data-passage]').first()).toHaveAttribute(
		'data-passage',
		'2'
	);

	// A row below the caret's, through the toolbar; then a word in it.
	await useTool(editor.page, 'Zeile darunter einfügen');
	await expect(textbox(editor.page)).toBeFocused();
	await editor.page.keyboard.press('Tab');
	await editor.page.keyboard.press('Shift+Tab');
	await expect.poll(async () => (await rows(viewer.page)).length).toBe(4);
	await editor.page.keyboard.press('ArrowDown');
	await editor.page.keyboard.type('Selm');
	await expect.poll(() => rows(viewer.page)).toEqual([...expected, ['Selm', '', '']]);

	// Two people write in cells of the same table at once; both see both.
	const admin = await pageAs(browser, actors.admin, baseURL!);
	await admin.page.setViewportSize({ width: 1280, height: 900 });
	await openPage(admin.page, `/dokumente/${slug}`);
	await expect.poll(() => rows(admin.page)).toEqual([...expected, ['Selm', '', '']]);
	await editor.page.keyboard.press('Tab');
	await textbox(admin.page).locator('tr').last().locator('td').last().click();
	await Promise.all([editor.page.keyboard.type('Mittagstisch'), admin.page.keyboard.type('2028')]);
	const together = [...expected, ['Selm', 'Mittagstisch', '2028']];
	for (const page of [editor.page, admin.page, viewer.page]) {
		await expect.poll(() => rows(page)).toEqual(together);
	}
	await admin.close();

	// Escape puts the caret after the table; Tab then leaves the text.
	await editor.page.keyboard.press('Escape');
	await editor.page.keyboard.press('Tab');
	await expect(textbox(editor.page)).not.toBeFocused();

	// A comment on a word in a cell.
	await selectLastWord(editor.page, 'Beratung im Quartier', 'Quartier');
	await editor.page.keyboard.press('Control+Alt+KeyM');
	await editor.page.getByLabel('Ihr Kommentar zur markierten Stelle').fill('Welches Quartier?');
	await editor.page.getByRole('button', { name: 'Kommentieren' }).click();
	await expect(textbox(viewer.page).locator('td .comment-mark')).toHaveText('Quartier');

	// A proposal in a cell, by the viewer for Stadt Kamen.
	await viewer.page.getByRole('button', { name: 'Vorschlagen' }).click();
	await selectLastWord(viewer.page, 'Runder Tisch', 'Tisch');
	await viewer.page.keyboard.type('Arbeitskreis');
	await expect(textbox(editor.page).locator('td del.proposal__deletion')).toHaveText('Tisch');
	await expect(textbox(editor.page).locator('td ins.proposal__insertion')).toHaveText(
		/Arbeitskreis$/
	);

	// All of it is kept.
	await openPage(editor.page, `/dokumente/${slug}`);
	await expect.poll(() => rows(editor.page)).toEqual(together);
	await expect(textbox(editor.page).locator('td .comment-mark')).toHaveText('Quartier');
	await expect(textbox(editor.page).locator('td del.proposal__deletion')).toHaveText('Tisch');
	await editor.page.screenshot({ path: testInfo.outputPath('tabelle-1280.png'), fullPage: true });
	// With the caret in a cell: the table tools enabled, the keyboard hint shown.
	await textbox(editor.page).locator('td p').filter({ hasText: 'Selm' }).click();
	await expect(editor.page.getByText(/Alt\+F10 führt zu den Werkzeugen/)).toBeVisible();
	await expectNoAxeViolations(editor.page);

	// The Markdown export holds the table, numbered row by row; with proposals, in its cell.
	const markdown = await (await actors.editor.request.get(`/dokumente/${slug}/export/md`)).text();
	expect(markdown).toContain(
		[
			'| Kommune | Zusage | Frist |',
			'| --- | --- | --- |',
			'| **2** Kamen | Runder Tisch | 2027 |',
			'| **3** Unna | Beratung im Quartier | 2026 |',
			'| **4** Selm | Mittagstisch | 2028 |'
		].join('\n')
	);
	const withProposals = await (
		await actors.editor.request.get(`/dokumente/${slug}/export/md?vorschlaege=1`)
	).text();
	expect(withProposals).toContain(
		'| **2** Kamen | Runder {~~Tisch~>Arbeitskreis~~}{>>Vorschlag 1: Stadt Kamen (Vera Lesend)<<} | 2027 |'
	);

	// The print view shows it as a table with column headers, each row with its number.
	await openPage(editor.page, `/dokumente/${slug}/druck`);
	await expect(editor.page.locator('article th[scope="col"]')).toHaveText([
		'Kommune',
		'Zusage',
		'Frist'
	]);
	await expect(editor.page.locator('article tr#nr-4 td').first()).toHaveText('4 Selm');

	// On a phone the table scrolls in its own box: the page is no wider than the screen.
	await viewer.page.setViewportSize({ width: 375, height: 800 });
	await openPage(viewer.page, `/dokumente/${slug}`);
	await expect.poll(() => rows(viewer.page)).toHaveLength(4);
	const widths = await viewer.page.evaluate(() => ({
		page: document.documentElement.scrollWidth,
		view: document.documentElement.clientWidth
	}));
	expect(widths.page).toBeLessThanOrEqual(widths.view);
	await viewer.page.screenshot({ path: testInfo.outputPath('tabelle-375.png'), fullPage: true });

	await editor.close();
	await viewer.close();
});
