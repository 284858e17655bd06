// The editor in the browser: the link dialog and the connection state, by keyboard and offline.
import { createDocument } from './support/documents';
import { expect, openPage, pageAs, test } from './support/fixtures';
import { connectDocument, sessionCookie } from './support/yjs-client';

test('a link is set, changed and removed with the keyboard only', async ({
	browser,
	actors,
	baseURL,
	server
}) => {
	const { slug } = await createDocument(server, actors.editor, 'Linkprobe');
	const editor = await pageAs(browser, actors.editor, baseURL!);
	const page = editor.page;
	await openPage(page, `/dokumente/${slug}`);
	await expect(page.getByRole('status').filter({ hasText: 'Verbunden' })).toBeVisible();
	const text = page.getByRole('textbox', { name: /Text von/ });
	await text.focus();
	await page.keyboard.type('Mehr im Bürgerportal');
	// Selecting changes nothing, so it may be tried again: on a busy machine the editor can miss
	// a caret move made while it redraws.
	await expect(async () => {
		await page.keyboard.press('End');
		await page.keyboard.press('Shift+Control+ArrowLeft');
		// The comment panel shows the editor's own selection, not only the browser's.
		await expect(page.locator('#new-comment-selection')).toHaveText(
			'Markierte Stelle: Bürgerportal',
			{ timeout: 1000 }
		);
	}).toPass();

	// One tab stop back is the toolbar; its arrow keys lead to the link button.
	await page.keyboard.press('Shift+Tab');
	await expect(page.getByRole('button', { name: 'Fett' })).toBeFocused();
	// Past the seven formatting buttons before it.
	for (let i = 0; i < 7; i++) await page.keyboard.press('ArrowRight');
	const linkButton = page.getByRole('button', { name: 'Link', exact: true });
	await expect(linkButton).toBeFocused();
	await expect(linkButton).toHaveAttribute('aria-haspopup', 'dialog');
	await page.keyboard.press('Enter');

	const dialog = page.getByRole('dialog', { name: 'Link einfügen' });
	await expect(dialog).toBeVisible();
	const address = dialog.getByRole('textbox', { name: 'Adresse des Links' });
	await expect(address).toBeFocused();
	await page.keyboard.type('www.kreis-unna.de');
	await page.keyboard.press('Enter');
	await expect(dialog.getByRole('alert')).toContainText('mit https://, http:// oder mailto:');
	await expect(address).toHaveAttribute('aria-invalid', 'true');
	await page.keyboard.press('Control+A');
	await page.keyboard.type('https://www.kreis-unna.de');
	await page.keyboard.press('Enter');

	await expect(dialog).toBeHidden();
	await expect(text).toBeFocused();
	await expect(text.getByRole('link', { name: 'Bürgerportal' })).toHaveAttribute(
		'href',
		'https://www.kreis-unna.de'
	);

	// Escape leaves the link as it was and goes back to the text.
	await page.keyboard.press('Shift+Tab');
	await expect(linkButton).toBeFocused();
	await expect(linkButton).toHaveAttribute('aria-pressed', 'true');
	await page.keyboard.press('Enter');
	const editDialog = page.getByRole('dialog', { name: 'Link bearbeiten' });
	await expect(editDialog.getByRole('textbox')).toHaveValue('https://www.kreis-unna.de');
	await page.keyboard.press('Escape');
	await expect(editDialog).toBeHidden();
	await expect(text).toBeFocused();
	await expect(text.getByRole('link', { name: 'Bürgerportal' })).toBeVisible();

	// And the link is removed from the same dialog.
	await page.keyboard.press('Shift+Tab');
	await page.keyboard.press('Enter');
	await expect(editDialog).toBeVisible();
	await page.keyboard.press('Tab');
	await expect(editDialog.getByRole('button', { name: 'Link entfernen' })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(editDialog).toBeHidden();
	await expect(text).toBeFocused();
	await expect(text.getByRole('link')).toHaveCount(0);
	await expect(text).toContainText('Mehr im Bürgerportal');
	await editor.close();
});

test('offline typing is announced, kept and sent when the connection is back', async ({
	browser,
	actors,
	baseURL,
	server
}) => {
	const { id, slug } = await createDocument(server, actors.editor, 'Offlineprobe');
	const colleague = connectDocument(server.url, id, await sessionCookie(actors.admin.request));
	await colleague.synced;
	const editor = await pageAs(browser, actors.editor, baseURL!);
	const page = editor.page;
	await openPage(page, `/dokumente/${slug}`);
	const connection = page.locator('.connection');
	await expect(connection).toHaveText('Verbunden – alle Änderungen gespeichert');
	const text = page.getByRole('textbox', { name: /Text von/ });
	await text.focus();
	await page.keyboard.type('Online geschrieben.');
	await expect.poll(() => colleague.text(), { timeout: 10_000 }).toContain('Online geschrieben.');

	await page.context().setOffline(true);
	await expect(connection).toContainText(
		'Offline – Änderungen werden gesendet, sobald die Verbindung zurück ist'
	);
	await page.keyboard.type(' Offline geschrieben.');
	await expect(connection).toContainText('(ungesendete Änderungen)');
	await expect(text).toContainText('Offline geschrieben.');
	// What the server holds now, read by a client that joins after the typing: not the offline text.
	const latecomer = connectDocument(server.url, id, await sessionCookie(actors.admin.request));
	await latecomer.synced;
	expect(latecomer.text()).toContain('Online geschrieben.');
	expect(latecomer.text()).not.toContain('Offline geschrieben.');
	latecomer.destroy();
	expect(colleague.text()).not.toContain('Offline geschrieben.');

	await page.context().setOffline(false);
	await expect(connection).toHaveText('Verbunden – alle Änderungen gespeichert', {
		timeout: 15_000
	});
	await expect
		.poll(() => colleague.text(), { timeout: 10_000 })
		.toContain('Online geschrieben. Offline geschrieben.');
	colleague.destroy();
	await editor.close();
});

test('on a phone the toolbar is one row that the keyboard scrolls', async ({
	browser,
	actors,
	baseURL
}) => {
	const editor = await pageAs(browser, actors.editor, baseURL!);
	const page = editor.page;
	await page.setViewportSize({ width: 390, height: 844 });
	await openPage(page, '/dokumente/leitbild');
	const toolbar = page.getByRole('toolbar', { name: 'Textformat' });
	const first = toolbar.getByRole('button', { name: 'Fett' });
	const last = toolbar.getByRole('button', { name: 'Wiederholen' });
	const [toolbarBox, firstBox] = [await toolbar.boundingBox(), await first.boundingBox()];
	expect(toolbarBox!.height).toBeLessThan(2 * firstBox!.height);
	await expect(last).not.toBeInViewport();
	await expect(last).toHaveAttribute('title', 'Wiederholen (Strg+Umschalt+Z)');

	await first.focus();
	await page.keyboard.press('End');
	await expect(last).toBeFocused();
	await expect(last).toBeInViewport();
	// KERN's own rule would hide the outline of a focused button with a tabindex.
	await expect(last).toHaveCSS('outline-style', 'solid');
	await page.keyboard.press('ArrowRight');
	await expect(first).toBeFocused();
	await expect(first).toBeInViewport();
	await editor.close();
});
