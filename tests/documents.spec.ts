// The document list: create, archive, restore, delete; undo of one's own changes; compaction.
import { queryDatabase } from './support/database';
import { expect, openPage, pageAs, test } from './support/fixtures';
import { connectDocument, sessionCookie } from './support/yjs-client';

test('an editor creates, archives and restores a document; an admin deletes it', async ({
	browser,
	actors,
	baseURL
}) => {
	const editor = await pageAs(browser, actors.editor, baseURL!);
	await openPage(editor.page, '/dokumente');
	await editor.page.getByLabel('Titel').fill('Protokoll der AG 2');
	await editor.page.getByRole('button', { name: 'Dokument anlegen' }).click();
	await expect(editor.page).toHaveURL(/\/dokumente\/protokoll-der-ag-2$/);
	await expect(editor.page.getByRole('heading', { level: 1 })).toHaveText('Protokoll der AG 2');
	await expect(editor.page.getByRole('status').filter({ hasText: 'Verbunden' })).toBeVisible();
	const text = editor.page.getByRole('textbox', { name: /Text von/ });
	await text.click();
	await editor.page.keyboard.type('Erste Notiz der AG.');
	await expect(text).toContainText('Erste Notiz der AG.');

	await openPage(editor.page, '/dokumente');
	await editor.page.getByRole('button', { name: 'Archivieren: Protokoll der AG 2' }).click();
	await expect(editor.page.getByRole('status')).toContainText('ist archiviert');
	const archive = editor.page.getByRole('table', { name: /Archivierte Dokumente/ });
	await expect(archive.getByRole('link', { name: 'Protokoll der AG 2' })).toBeVisible();
	// Editors may not delete.
	await expect(
		editor.page.getByRole('button', { name: 'Löschen: Protokoll der AG 2' })
	).toHaveCount(0);
	await archive.getByRole('link', { name: 'Protokoll der AG 2' }).click();
	await expect(editor.page.getByText('Dieses Dokument ist archiviert.')).toBeVisible();
	await expect(editor.page.getByRole('textbox', { name: /Text von/ })).toHaveAttribute(
		'contenteditable',
		'false'
	);
	await openPage(editor.page, '/dokumente');
	await editor.page.getByRole('button', { name: 'Wiederherstellen: Protokoll der AG 2' }).click();
	await expect(editor.page.getByRole('status')).toContainText('ist wiederhergestellt');
	await editor.page.getByRole('button', { name: 'Archivieren: Protokoll der AG 2' }).click();
	// Archived before the admin looks: only archived documents can be deleted.
	await expect(editor.page.getByRole('status')).toContainText('ist archiviert');
	await editor.close();

	const admin = await pageAs(browser, actors.admin, baseURL!);
	await openPage(admin.page, '/dokumente');
	await admin.page.getByRole('checkbox', { name: 'Endgültig löschen: Protokoll der AG 2' }).check();
	await admin.page.getByRole('button', { name: 'Löschen: Protokoll der AG 2' }).click();
	await expect(admin.page.getByRole('status')).toContainText('ist gelöscht');
	await expect(admin.page.getByRole('link', { name: 'Protokoll der AG 2' })).toHaveCount(0);
	await admin.close();
});

test('a document without a title is not created', async ({ actors, server }) => {
	const before = queryDatabase(server.dataDir, 'select count(*) as n from document');
	const response = await actors.editor.request.post('/dokumente?/create', {
		form: { title: '   ', kind: 'sonstiges' },
		headers: { origin: server.url, accept: 'text/html' }
	});
	expect(response.status()).toBe(400);
	expect(await response.text()).toContain('Bitte geben Sie einen Titel an.');
	expect(queryDatabase(server.dataDir, 'select count(*) as n from document')).toEqual(before);
});

test('undo takes back one’s own typing, not the others’', async ({
	browser,
	actors,
	baseURL,
	server
}) => {
	const id = queryDatabase<{ id: string }>(
		server.dataDir,
		"select id from document where slug = 'selbstverpflichtung'"
	)[0].id;
	const other = connectDocument(server.url, id, await sessionCookie(actors.admin.request));
	await other.synced;
	const editor = await pageAs(browser, actors.editor, baseURL!);
	await openPage(editor.page, '/dokumente/selbstverpflichtung');
	await expect(editor.page.getByRole('status').filter({ hasText: 'Verbunden' })).toBeVisible();
	const text = editor.page.getByRole('textbox', { name: /Text von/ });
	await text.locator('p').last().click();
	await editor.page.keyboard.press('End');
	await editor.page.keyboard.type(' Mein Zusatz');
	other.addParagraph('Absatz der Kollegin');
	await expect(text).toContainText('Absatz der Kollegin');
	await editor.page.getByRole('button', { name: 'Rückgängig' }).click();
	await expect(text).not.toContainText('Mein Zusatz');
	await expect(text).toContainText('Absatz der Kollegin');
	await editor.close();
	other.destroy();
});

test('when the last client leaves, the document is folded into one row', async ({
	actors,
	server
}) => {
	const id = queryDatabase<{ id: string }>(
		server.dataDir,
		"select id from document where slug = 'leitbild'"
	)[0].id;
	const client = connectDocument(server.url, id, await sessionCookie(actors.editor.request));
	await client.synced;
	for (let i = 0; i < 5; i++) client.addParagraph(`Kurz ${i}`);
	const rows = () =>
		queryDatabase<{ n: number }>(
			server.dataDir,
			'select count(*) as n from document_update where document_id = ?',
			id
		)[0].n;
	await expect.poll(rows, { timeout: 10_000 }).toBeGreaterThan(1);
	client.destroy();
	await expect.poll(rows, { timeout: 10_000 }).toBe(1);
	const reopened = connectDocument(server.url, id, await sessionCookie(actors.editor.request));
	await reopened.synced;
	expect(reopened.text()).toContain('Kurz 4');
	reopened.destroy();
});
