// Named versions, comparison, restore, activity and the document's stage (issue: drafting).
import { expectNoAxeViolations } from './support/axe';
import * as Y from 'yjs';
import { postForm } from './support/actors';
import { queryDatabase } from './support/database';
import { createDocument } from './support/documents';
import { expect, openPage, pageAs, test } from './support/fixtures';
import { startServer } from './support/server';
import { serverEnvWithAdmin, signedInRequest, adminCredentials } from './support/actors';
import { connectDocument, sessionCookie } from './support/yjs-client';

function versionCount(dataDir: string, documentId: string): number {
	return queryDatabase<{ n: number }>(
		dataDir,
		'select count(*) as n from document_version where document_id = ?',
		documentId
	)[0].n;
}

test('freeze, edit, freeze: the comparison shows the changed words; restore brings the old text back live', async ({
	browser,
	actors,
	baseURL,
	server
}) => {
	const doc = await createDocument(server, actors.editor, 'Entwurf Versionen');
	const editor = await pageAs(browser, actors.editor, baseURL!);
	const reader = await pageAs(browser, actors.viewer, baseURL!);
	try {
		const page = editor.page;
		await openPage(page, `/dokumente/${doc.slug}`);
		const text = page.getByRole('textbox', { name: /Text von/ });
		await expect(page.getByRole('status').filter({ hasText: 'Verbunden' })).toBeVisible();
		await text.click();
		await page.keyboard.type('Wir bekämpfen die Folgen von Armut gemeinsam.');
		await expect(page.getByRole('status').filter({ hasText: 'gespeichert' })).toBeVisible();

		await page.getByRole('link', { name: /^Fassungen/ }).click();
		await page
			.getByLabel('Name der neuen Fassung')
			.fill('Entwurf für die 1. Entwicklungskonferenz');
		await page.getByRole('button', { name: 'Aktuellen Text als Fassung festhalten' }).click();
		await expect(page.getByRole('status')).toContainText('Fassung 1');
		await expect(
			page.getByRole('link', { name: 'Entwurf für die 1. Entwicklungskonferenz' })
		).toBeVisible();

		// Edit: replace "gemeinsam" with "verbindlich und kreisweit".
		await openPage(page, `/dokumente/${doc.slug}`);
		await expect(page.getByRole('status').filter({ hasText: 'Verbunden' })).toBeVisible();
		// Click only once the stored text is in the editor, or the caret lands in an empty one.
		await expect(text).toContainText('Armut gemeinsam.');
		await text.click();
		// Select the words first (which may be tried again: on a busy machine the editor can miss a
		// caret move made while it redraws), then type over them.
		await expect(async () => {
			await page.keyboard.press('End');
			for (let i = 0; i < 'gemeinsam.'.length; i++) await page.keyboard.press('Shift+ArrowLeft');
			expect(await page.evaluate(() => String(window.getSelection()))).toBe('gemeinsam.');
		}).toPass();
		await page.keyboard.type('verbindlich und kreisweit.');
		await expect(text).toContainText('Armut verbindlich und kreisweit.');
		await expect(page.getByRole('status').filter({ hasText: 'gespeichert' })).toBeVisible();

		await openPage(page, `/dokumente/${doc.slug}/fassungen`);
		await page.getByLabel('Name der neuen Fassung').fill('Vorlage für die Räte');
		await page.getByRole('button', { name: 'Aktuellen Text als Fassung festhalten' }).click();
		await expect(page.getByRole('status')).toContainText('Fassung 2');

		// Compare 1 → 2: exactly the deleted and inserted words, announced as such.
		await openPage(page, `/dokumente/${doc.slug}/vergleich?von=1&bis=2`);
		await expect(page.getByTestId('change-count')).toContainText('2 Änderungen');
		await expect(page.getByTestId('change-count')).toContainText('1 Einfügung, 1 Löschung');
		await expect(page.locator('.inline-view del')).toHaveText([
			'Gelöscht: gemeinsam (Ende der Löschung)'
		]);
		await expect(page.locator('.inline-view ins')).toHaveText([
			'Eingefügt: verbindlich und kreisweit (Ende der Einfügung)'
		]);
		await expectNoAxeViolations(page);
		// Side by side, at phone width too.
		await page.getByLabel('Nebeneinander').check();
		await page.getByRole('button', { name: 'Vergleichen' }).click();
		await expect(page).toHaveURL(/ansicht=nebeneinander/);
		await expect(page.getByRole('table', { name: 'Vergleich nebeneinander' })).toBeVisible();
		await expect(page.getByRole('columnheader')).toHaveText([
			'Fassung 1: Entwurf für die 1. Entwicklungskonferenz',
			'Fassung 2: Vorlage für die Räte'
		]);
		await page.setViewportSize({ width: 390, height: 844 });
		await expectNoAxeViolations(page);
		await page.setViewportSize({ width: 1280, height: 900 });

		// The reader has the document open while the editor restores version 1.
		await openPage(reader.page, `/dokumente/${doc.slug}`);
		const readerText = reader.page.getByRole('textbox', { name: /Text von/ });
		await expect(readerText).toContainText('verbindlich und kreisweit');

		await openPage(page, `/dokumente/${doc.slug}/fassungen/1`);
		await expect(page.getByRole('article', { name: 'Text der Fassung 1' })).toContainText(
			'Folgen von Armut gemeinsam.'
		);
		await expectNoAxeViolations(page);
		await page.getByLabel(/Ja, den aktuellen Text durch Fassung 1 ersetzen/).check();
		await page.getByRole('button', { name: 'Fassung 1 wiederherstellen' }).click();
		await expect(
			page.getByRole('status').filter({ hasText: 'ist jetzt der aktuelle Text' })
		).toBeVisible();
		await expect(readerText).toContainText('Folgen von Armut gemeinsam.');
		await expect(readerText).not.toContainText('kreisweit');

		// Both versions still exist; the current text equals version 1 again.
		expect(versionCount(server.dataDir, doc.id)).toBe(2);
		await openPage(page, `/dokumente/${doc.slug}/vergleich?von=1&bis=aktuell`);
		await expect(page.getByTestId('change-count')).toContainText('Keine Unterschiede');
		await openPage(page, `/dokumente/${doc.slug}/vergleich?von=2&bis=aktuell`);
		await expect(page.getByTestId('change-count')).toContainText('2 Änderungen');

		// The activity names who did what.
		await openPage(page, `/dokumente/${doc.slug}/verlauf`);
		const timeline = page.getByRole('list').filter({ hasText: 'festgehalten' });
		await expect(timeline).toContainText('Emil Redaktion hat den Text bearbeitet');
		await expect(timeline).toContainText(
			'Emil Redaktion hat Fassung 2 „Vorlage für die Räte“ festgehalten'
		);
		await expect(timeline).toContainText(
			'Emil Redaktion hat Fassung 1 „Entwurf für die 1. Entwicklungskonferenz“ wiederhergestellt'
		);
	} finally {
		await editor.close();
		await reader.close();
	}
});

test('bad version input is refused with a message and writes nothing', async ({
	actors,
	server
}) => {
	const doc = await createDocument(server, actors.editor, 'Entwurf Fehleingaben');
	const freeze = (name: string) =>
		postForm(actors.editor.request, server.url, `/dokumente/${doc.slug}/fassungen?/freeze`, {
			name
		});
	expect((await freeze('Erste Fassung')).status()).toBe(200);
	const empty = await freeze('   ');
	expect(empty.status()).toBe(400);
	expect(await empty.text()).toContain('Bitte geben Sie der Fassung einen Namen.');
	const duplicate = await freeze('  erste   FASSUNG ');
	expect(duplicate.status()).toBe(400);
	expect(await duplicate.text()).toContain('gibt es in diesem Dokument schon');
	expect(versionCount(server.dataDir, doc.id)).toBe(1);

	// A viewer may read the versions but not freeze, also when asking directly.
	const viewerFreeze = await postForm(
		actors.viewer.request,
		server.url,
		`/dokumente/${doc.slug}/fassungen?/freeze`,
		{ name: 'Von der Leserin' }
	);
	expect(viewerFreeze.status()).toBe(403);
	const viewerRestore = await postForm(
		actors.viewer.request,
		server.url,
		`/dokumente/${doc.slug}/fassungen/1?/restore`,
		{ confirm: 'ja' }
	);
	expect(viewerRestore.status()).toBe(403);
	expect(versionCount(server.dataDir, doc.id)).toBe(1);
	expect((await actors.viewer.request.get(`/dokumente/${doc.slug}/fassungen/1`)).status()).toBe(
		200
	);

	// Restore needs the confirmation; unknown versions are 404 everywhere.
	const unconfirmed = await postForm(
		actors.editor.request,
		server.url,
		`/dokumente/${doc.slug}/fassungen/1?/restore`,
		{}
	);
	expect(unconfirmed.status()).toBe(400);
	expect(await unconfirmed.text()).toContain('Bitte bestätigen Sie');
	for (const path of [
		`/dokumente/${doc.slug}/fassungen/7`,
		`/dokumente/${doc.slug}/fassungen/abc`,
		`/dokumente/${doc.slug}/vergleich?von=7&bis=aktuell`,
		`/dokumente/${doc.slug}/vergleich?von=1&bis=xyz`
	]) {
		const response = await actors.editor.request.get(path);
		expect(response.status(), path).toBe(404);
	}
	// Exports of a version carry its name and short hash; an unknown version is 404.
	const markdown = await actors.viewer.request.get(`/dokumente/${doc.slug}/export/md?fassung=1`);
	expect(markdown.status()).toBe(200);
	const [{ content_hash: hash }] = queryDatabase<{ content_hash: string }>(
		server.dataDir,
		'select content_hash from document_version where document_id = ?',
		doc.id
	);
	expect(await markdown.text()).toContain(`Fassung 1: Erste Fassung`);
	expect(await markdown.text()).toContain(`Prüfwert ${hash.slice(0, 8)}`);
	expect(markdown.headers()['content-disposition']).toContain('fassung-1-erste-fassung');
	for (const path of [
		`/dokumente/${doc.slug}/export/docx?fassung=9`,
		`/dokumente/${doc.slug}/druck?fassung=9`,
		`/dokumente/${doc.slug}/export/md?fassung=x`
	]) {
		expect((await actors.viewer.request.get(path)).status(), path).toBe(404);
	}
	const print = await actors.viewer.request.get(`/dokumente/${doc.slug}/druck?fassung=1`);
	expect(await print.text()).toContain('Fassung 1: Erste Fassung, festgehalten am');

	const restoreMissing = await postForm(
		actors.editor.request,
		server.url,
		`/dokumente/${doc.slug}/fassungen/7?/restore`,
		{ confirm: 'ja' }
	);
	expect(restoreMissing.status()).toBe(404);
});

test('the stage of a document is set by editors and noted in its activity', async ({
	browser,
	actors,
	baseURL,
	server
}) => {
	const doc = await createDocument(server, actors.editor, 'Entwurf Stand');
	const editor = await pageAs(browser, actors.editor, baseURL!);
	try {
		await openPage(editor.page, `/dokumente/${doc.slug}`);
		await editor.page.getByLabel('Stand des Dokuments').selectOption({ label: 'In Abstimmung' });
		await editor.page.getByRole('button', { name: 'Stand ändern' }).click();
		await expect(
			editor.page.getByRole('status').filter({ hasText: 'Stand des Dokuments ist geändert' })
		).toBeVisible();
		await expect(editor.page.locator('.kern-subline')).toContainText('In Abstimmung');
		await openPage(editor.page, `/dokumente/${doc.slug}/verlauf`);
		await expect(editor.page.getByText('hat den Stand auf „In Abstimmung“ gesetzt')).toBeVisible();
	} finally {
		await editor.close();
	}
	const viewer = await postForm(
		actors.viewer.request,
		server.url,
		`/dokumente/${doc.slug}?/status`,
		{
			status: 'beschlossen'
		}
	);
	expect(viewer.status()).toBe(403);
	const bad = await postForm(actors.editor.request, server.url, `/dokumente/${doc.slug}?/status`, {
		status: 'fertig'
	});
	expect(bad.status()).toBe(400);
	expect(
		queryDatabase<{ status: string }>(
			server.dataDir,
			'select status from document where id = ?',
			doc.id
		)[0].status
	).toBe('in-abstimmung');
});

test('the same text gives the same hash across restarts', async () => {
	const server = await startServer({ env: serverEnvWithAdmin });
	try {
		const admin = await signedInRequest(
			server.url,
			adminCredentials.email,
			adminCredentials.password
		);
		const response = await postForm(admin, server.url, '/dokumente?/create', {
			title: 'Hash-Probe',
			kind: 'sonstiges'
		});
		const slug = response.headers().location.split('/').pop()!;
		const [{ id }] = queryDatabase<{ id: string }>(
			server.dataDir,
			'select id from document where slug = ?',
			slug
		);
		const client = connectDocument(server.url, id, await sessionCookie(admin));
		await client.synced;
		client.addParagraph('Ein Satz, der bleibt.');
		await expect
			.poll(
				() =>
					queryDatabase<{ n: number }>(
						server.dataDir,
						'select count(*) as n from document_update where document_id = ?',
						id
					)[0].n >= 1,
				{ timeout: 10_000 }
			)
			.toBe(true);
		client.destroy();
		await postForm(admin, server.url, `/dokumente/${slug}/fassungen?/freeze`, { name: 'Vorher' });
		await admin.dispose();

		await server.stop();
		await server.restart();
		const again = await signedInRequest(
			server.url,
			adminCredentials.email,
			adminCredentials.password
		);
		expect(
			(
				await postForm(again, server.url, `/dokumente/${slug}/fassungen?/freeze`, {
					name: 'Nachher'
				})
			).status()
		).toBe(200);
		const hashes = queryDatabase<{ content_hash: string }>(
			server.dataDir,
			'select content_hash from document_version where document_id = ? order by number',
			id
		).map((row) => row.content_hash);
		expect(hashes).toHaveLength(2);
		expect(hashes[1]).toBe(hashes[0]);
		await again.dispose();
	} finally {
		await server.dispose();
	}
});

test('the start page shows what others changed since the last visit', async ({
	browser,
	actors,
	baseURL,
	server
}) => {
	const doc = await createDocument(server, actors.editor, 'Entwurf Startseite');
	await postForm(actors.editor.request, server.url, `/dokumente/${doc.slug}/fassungen?/freeze`, {
		name: 'Für die Startseite'
	});
	const viewer = await pageAs(browser, actors.viewer, baseURL!);
	try {
		await openPage(viewer.page, '/');
		const news = viewer.page.getByRole('region', { name: /^Neu / });
		await expect(news.getByRole('link', { name: 'Entwurf Startseite' })).toBeVisible();
		await expect(news).toContainText(
			'Emil Redaktion hat Fassung 1 „Für die Startseite“ festgehalten'
		);
	} finally {
		await viewer.close();
	}
	// One's own changes are not news to oneself.
	const editor = await pageAs(browser, actors.editor, baseURL!);
	try {
		await openPage(editor.page, '/');
		await expect(editor.page.getByRole('link', { name: 'Entwurf Startseite' })).toHaveCount(0);
	} finally {
		await editor.close();
	}
});

test('opening a document writes nothing into it, so no edit is attributed to the reader', async ({
	browser,
	actors,
	baseURL,
	server
}) => {
	// A text ending in a list: the case where an editor used to append an empty paragraph.
	const doc = await createDocument(server, actors.editor, 'Entwurf mit Liste am Ende');
	const cookie = await sessionCookie(actors.editor.request);
	const writer = connectDocument(server.url, doc.id, cookie);
	await writer.synced;
	const fragment = writer.ydoc.getXmlFragment('default');
	const opening = new Y.XmlElement('paragraph');
	opening.insert(0, [new Y.XmlText('Präambel')]);
	const item = new Y.XmlElement('listItem');
	const itemText = new Y.XmlElement('paragraph');
	itemText.insert(0, [new Y.XmlText('Erster Punkt')]);
	item.insert(0, [itemText]);
	const list = new Y.XmlElement('bulletList');
	list.insert(0, [item]);
	writer.ydoc.transact(() => {
		fragment.delete(0, fragment.length);
		fragment.insert(0, [opening, list]);
	});
	const blocks = async () => {
		const client = connectDocument(server.url, doc.id, cookie);
		await client.synced;
		const top = client.ydoc.getXmlFragment('default');
		const result = {
			count: top.length,
			last: (top.get(top.length - 1) as Y.XmlElement).nodeName
		};
		client.destroy();
		return result;
	};
	let before = { count: 0, last: '' };
	await expect.poll(async () => (before = await blocks()).last).toBe('bulletList');
	writer.destroy();

	const editor = await pageAs(browser, actors.editor, baseURL!);
	try {
		await openPage(editor.page, `/dokumente/${doc.slug}`);
		const text = editor.page.getByRole('textbox', { name: /Text von/ });
		await expect(text).toContainText('Erster Punkt');
		// One typed letter after opening: once it is saved, whatever the editor sent before is too.
		await text.getByText('Präambel').click();
		await editor.page.keyboard.press('End');
		await editor.page.keyboard.type('!');
		await expect(editor.page.getByRole('status').filter({ hasText: 'gespeichert' })).toBeVisible();
	} finally {
		await editor.close();
	}
	expect(await blocks()).toEqual(before);
});
