// Comments on documents: live for everyone, anchored to their words through others' edits,
// detached when the words go, open to viewers only where the document allows it.
import { expectNoAxeViolations } from './support/axe';
import type { Page } from '@playwright/test';
import * as Y from 'yjs';
import { postForm } from './support/actors';
import { queryDatabase } from './support/database';
import { anchorPair, createDocument } from './support/documents';
import { expect, openPage, pageAs, test } from './support/fixtures';
import { connectDocument, sessionCookie } from './support/yjs-client';

/** The first paragraph's text in a raw Yjs client. */
function firstText(ydoc: Y.Doc): Y.XmlText {
	const paragraph = ydoc.getXmlFragment('default').get(0) as Y.XmlElement;
	return paragraph.get(0) as Y.XmlText;
}

/** Selects `words` in the text with the keyboard: caret to the end, then back with Shift. */
async function selectWords(page: Page, sentence: string, words: string) {
	const text = page.getByRole('textbox', { name: /Text von/ });
	await text.click();
	const after = sentence.length - sentence.indexOf(words) - words.length;
	// Selecting changes nothing, so it may be tried again: on a busy machine the editor can miss
	// a caret move made while it redraws.
	await expect(async () => {
		await page.keyboard.press('ControlOrMeta+End');
		for (let i = 0; i < after; i++) await page.keyboard.press('ArrowLeft');
		for (let i = 0; i < words.length; i++) await page.keyboard.press('Shift+ArrowLeft');
		await expect(page.locator('#new-comment-selection')).toHaveText(`Markierte Stelle: ${words}`, {
			timeout: 1000
		});
	}).toPass();
}

/** The highlighted words, without the names on others' carets. */
function markedText(page: Page) {
	return page.locator('.comment-mark').evaluateAll((marks) =>
		marks
			.map((mark) => {
				const copy = mark.cloneNode(true) as HTMLElement;
				copy.querySelectorAll('.collaboration-carets__caret').forEach((c) => c.remove());
				return copy.textContent;
			})
			.join('')
	);
}

async function comment(page: Page, body: string) {
	// The keyboard path from the text to the comment field: beside the text in a wide window, in a
	// sheet over it in a narrow one.
	await page.keyboard.press('Control+Alt+KeyM');
	const field = page.getByRole('textbox', { name: 'Ihr Kommentar zur markierten Stelle' });
	await expect(field).toBeFocused();
	await field.fill(body);
	await page.getByRole('button', { name: /^(Kommentieren|Kommentar speichern)$/ }).click();
}

function threadOf(page: Page, quote: string) {
	return page.getByRole('listitem').filter({ has: page.locator('blockquote', { hasText: quote }) });
}

test('a comment appears live, follows its words through others’ edits and detaches when they go', async ({
	browser,
	actors,
	baseURL,
	server
}) => {
	const { id, slug } = await createDocument(server, actors.editor, 'Kommentarprobe Anker');
	const sentence = 'Wir stärken die Netzwerke der Akteure.';
	const editor = await pageAs(browser, actors.editor, baseURL!);
	const viewer = await pageAs(browser, actors.viewer, baseURL!);
	await editor.page.setViewportSize({ width: 1280, height: 900 });
	await viewer.page.setViewportSize({ width: 1280, height: 900 });
	await openPage(editor.page, `/dokumente/${slug}`);
	await expect(editor.page.getByRole('status').filter({ hasText: 'Verbunden' })).toBeVisible();
	await editor.page.getByRole('textbox', { name: /Text von/ }).click();
	await editor.page.keyboard.type(sentence);
	await openPage(viewer.page, `/dokumente/${slug}`);
	await expect(viewer.page.getByRole('textbox', { name: /Text von/ })).toContainText(sentence);

	await selectWords(editor.page, sentence, 'Netzwerke');
	await expect(editor.page.locator('#new-comment-selection')).toContainText('Netzwerke');
	await comment(editor.page, 'Welche Netzwerke sind gemeint?');

	// Live in the other browser: the thread beside the text, its words highlighted in it.
	const viewerThread = threadOf(viewer.page, 'Netzwerke');
	await expect(viewerThread).toContainText('Welche Netzwerke sind gemeint?');
	await expect(viewerThread).toContainText('Emil Redaktion');
	await expect.poll(() => markedText(viewer.page)).toBe('Netzwerke');
	await expect.poll(() => markedText(editor.page)).toBe('Netzwerke');
	const rows = queryDatabase<{ quote: string; state: string }>(
		server.dataDir,
		'select quote, state from annotation where document_id = ?',
		id
	);
	expect(rows).toEqual([{ quote: 'Netzwerke', state: 'open' }]);

	// Clicking the thread's button marks its words as the active ones (outline, not only colour).
	await viewerThread.getByRole('button', { name: 'Zur Textstelle' }).click();
	await expect(viewer.page.locator('.comment-mark--active')).toContainText('Netzwerke');
	await expect(viewerThread).toHaveAttribute('aria-current', 'true');

	// Another client inserts text before the words and inside them.
	const client = connectDocument(server.url, id, await sessionCookie(actors.editor.request));
	await client.synced;
	await expect.poll(() => client.text(), { timeout: 10_000 }).toContain(sentence);
	const text = firstText(client.ydoc);
	text.insert(0, 'Gemeinsam: ');
	text.insert('Gemeinsam: Wir stärken die Netz'.length, '-');
	await expect
		.poll(() => client.text(), { timeout: 10_000 })
		.toBe('Gemeinsam: Wir stärken die Netz-werke der Akteure.');
	for (const page of [editor.page, viewer.page]) {
		await expect.poll(() => markedText(page)).toBe('Netz-werke');
	}

	// Deleting the words detaches the comment: still there, with its quote, said to be gone.
	text.delete('Gemeinsam: Wir stärken die '.length, 'Netz-werke '.length);
	for (const page of [editor.page, viewer.page]) {
		const thread = threadOf(page, 'Netzwerke');
		await expect(thread).toContainText('Die kommentierte Stelle wurde gelöscht.');
		await expect(thread).toContainText('Welche Netzwerke sind gemeint?');
		await expect(thread.getByRole('button', { name: 'Zur Textstelle' })).toHaveCount(0);
		await expect(page.locator('.comment-mark')).toHaveCount(0);
	}
	client.destroy();
	await editor.close();
	await viewer.close();
});

test('a viewer comments without changing the text; editors can take that right away', async ({
	browser,
	actors,
	baseURL,
	server
}) => {
	const { id, slug } = await createDocument(server, actors.editor, 'Kommentarprobe Lesend');
	const sentence = 'Beratung soll leicht erreichbar sein.';
	const seed = connectDocument(server.url, id, await sessionCookie(actors.editor.request));
	await seed.synced;
	seed.addParagraph(sentence);
	const updates = () =>
		queryDatabase<{ n: number }>(
			server.dataDir,
			'select count(*) as n from document_update where document_id = ?',
			id
		)[0].n;
	await expect.poll(updates, { timeout: 10_000 }).toBeGreaterThan(0);
	seed.destroy();
	const updatesBefore = updates();

	const viewer = await pageAs(browser, actors.viewer, baseURL!);
	const editor = await pageAs(browser, actors.editor, baseURL!);
	await viewer.page.setViewportSize({ width: 390, height: 844 });
	await openPage(viewer.page, `/dokumente/${slug}`);
	const viewerText = viewer.page.getByRole('textbox', { name: /Text von/ });
	await expect(viewerText).toContainText(sentence);
	await expect(viewerText).toHaveAttribute('aria-readonly', 'true');

	// The text takes a caret but no typing.
	await selectWords(viewer.page, sentence, 'leicht erreichbar');
	await viewer.page.keyboard.type('XYZ');
	await viewer.page.keyboard.press('Backspace');
	await expect(viewerText).toHaveText(sentence);
	await selectWords(viewer.page, sentence, 'leicht erreichbar');
	await comment(viewer.page, 'Auch ohne Auto, bitte.');

	// On the phone the comment was written in a sheet; the threads are in the panel below.
	await viewer.page.getByRole('button', { name: /Kommentare und Vorschläge anzeigen/ }).click();
	await expect(threadOf(viewer.page, 'leicht erreichbar')).toContainText('Vera Lesend');
	// Nothing reached the text: no stored update, and a raw client reads the same words.
	expect(updates()).toBe(updatesBefore);
	const reader = connectDocument(server.url, id, await sessionCookie(actors.editor.request));
	await reader.synced;
	expect(reader.text()).toBe(sentence);
	reader.destroy();

	await openPage(editor.page, `/dokumente/${slug}`);
	const editorThread = threadOf(editor.page, 'leicht erreichbar');
	await expect(editorThread).toContainText('Auch ohne Auto, bitte.');
	await expect(editorThread).toContainText('Vera Lesend');

	// The editor replies; the viewer resolves their own thread and opens it again.
	await editorThread.getByLabel('Antworten').fill('Ist notiert.');
	await editorThread.getByRole('button', { name: 'Antwort senden' }).click();
	const viewerThread = threadOf(viewer.page, 'leicht erreichbar');
	await expect(viewerThread).toContainText('Ist notiert.');
	await viewerThread.getByRole('button', { name: 'Als erledigt markieren' }).click();
	await expect(editor.page.getByText('Erledigte Kommentare (1)')).toBeVisible();
	await expect(editor.page.getByText('Es gibt keine offenen Kommentare.')).toBeVisible();
	await editor.page.getByText('Erledigte Kommentare (1)').click();
	await expect(threadOf(editor.page, 'leicht erreichbar')).toContainText(
		'Erledigt von Vera Lesend'
	);
	await threadOf(editor.page, 'leicht erreichbar')
		.getByRole('button', { name: 'Wieder öffnen' })
		.click();
	await expect(viewer.page.getByRole('list', { name: 'Offene Kommentare' })).toContainText(
		'Auch ohne Auto, bitte.'
	);
	const [thread] = queryDatabase<{ id: string; state: string }>(
		server.dataDir,
		'select id, state from annotation where document_id = ?',
		id
	);
	expect(thread.state).toBe('open');

	// An editor's thread: the viewer may reply but not resolve it.
	await selectWords(editor.page, sentence, 'Beratung');
	await comment(editor.page, 'Welche Beratung?');
	const editorsThread = threadOf(viewer.page, 'Beratung');
	await expect(editorsThread).toContainText('Welche Beratung?');
	await expect(editorsThread.getByRole('button', { name: 'Als erledigt markieren' })).toHaveCount(
		0
	);
	const [{ id: editorsId }] = queryDatabase<{ id: string }>(
		server.dataDir,
		"select id from annotation where document_id = ? and quote = 'Beratung'",
		id
	);
	const refusedResolve = await postForm(
		actors.viewer.request,
		server.url,
		`/dokumente/${slug}?/resolve`,
		{ threadId: editorsId }
	);
	expect(refusedResolve.status()).toBe(403);

	// The editor takes the right to comment from members who may not edit: at once, and for
	// direct requests too.
	await editor.page.getByLabel('Auch Mitglieder ohne Schreibrecht dürfen kommentieren').uncheck();
	await editor.page.getByRole('button', { name: 'Einstellung speichern' }).click();
	await expect(editor.page.getByText('Gespeichert.')).toBeVisible();
	await expect(
		viewer.page.getByText('In diesem Dokument kommentiert nur die Redaktion.')
	).toBeVisible();
	await expect(viewer.page.getByLabel('Ihr Kommentar zur markierten Stelle')).toHaveCount(0);
	const count = () =>
		queryDatabase<{ n: number }>(
			server.dataDir,
			'select (select count(*) from annotation) + (select count(*) from annotation_reply) as n'
		)[0].n;
	const before = count();
	const refused = await postForm(actors.viewer.request, server.url, `/dokumente/${slug}?/comment`, {
		...anchorPair(),
		quote: 'Beratung',
		body: 'Trotzdem?'
	});
	expect(refused.status()).toBe(403);
	const refusedReply = await postForm(
		actors.viewer.request,
		server.url,
		`/dokumente/${slug}?/reply`,
		{ threadId: thread.id, body: 'Trotzdem?' }
	);
	expect(refusedReply.status()).toBe(403);
	expect(count()).toBe(before);
	await viewer.close();
	await editor.close();
});

test('bad comment input is refused with a German message and writes nothing', async ({
	actors,
	server
}) => {
	const { slug } = await createDocument(server, actors.editor, 'Kommentarprobe Eingaben');
	const other = await createDocument(server, actors.editor, 'Kommentarprobe Anderes');
	const post = (target: string, action: string, fields: Record<string, string>) =>
		postForm(actors.editor.request, server.url, `/dokumente/${target}?/${action}`, fields);
	const anchors = anchorPair();
	const count = () =>
		queryDatabase<{ n: number }>(
			server.dataDir,
			'select (select count(*) from annotation) + (select count(*) from annotation_reply) as n'
		)[0].n;

	const created = await post(other.slug, 'comment', {
		...anchors,
		quote: 'woanders',
		body: 'Hier'
	});
	expect(created.status()).toBe(200);
	const [{ id: foreign }] = queryDatabase<{ id: string }>(
		server.dataDir,
		'select id from annotation where document_id = ?',
		other.id
	);
	const before = count();

	const cases: [string, Record<string, string>, number, RegExp][] = [
		[
			'comment',
			{ anchorStart: anchors.anchorStart, anchorEnd: anchors.anchorStart, quote: 'x', body: 'Hm' },
			400,
			/markieren Sie zuerst/
		],
		['comment', { ...anchors, quote: '  ', body: 'Hm' }, 400, /markieren Sie zuerst/],
		['comment', { ...anchors, quote: 'Wort', body: '   ' }, 400, /schreiben Sie einen Kommentar/],
		['comment', { ...anchors, quote: 'Wort', body: 'x'.repeat(2001) }, 400, /höchstens 2000/],
		['reply', { threadId: foreign, body: 'Fremd' }, 404, /gibt es in diesem Dokument nicht/],
		['reply', { threadId: crypto.randomUUID(), body: 'Fremd' }, 404, /gibt es in diesem/],
		['resolve', { threadId: 'kaputt' }, 400, /gibt es nicht/],
		['reopen', { threadId: foreign }, 404, /gibt es in diesem Dokument nicht/]
	];
	for (const [action, fields, status, message] of cases) {
		const response = await post(slug, action, fields);
		expect(response.status(), `${action} ${JSON.stringify(fields).slice(0, 80)}`).toBe(status);
		expect(await response.text()).toMatch(message);
	}
	expect(count()).toBe(before);
	const missing = await post('gibt-es-nicht', 'comment', { ...anchors, quote: 'x', body: 'y' });
	expect(missing.status()).toBe(404);
	expect(count()).toBe(before);
});

test('the comment panel has no WCAG 2.1 AA violations at desktop and phone width', async ({
	browser,
	actors,
	baseURL,
	server
}) => {
	const { id, slug } = await createDocument(server, actors.editor, 'Kommentarprobe Barrieren');
	const sentence = 'Niemand soll sich schämen, Hilfe zu holen.';
	const seed = connectDocument(server.url, id, await sessionCookie(actors.editor.request));
	await seed.synced;
	seed.addParagraph(sentence);
	await expect.poll(() => seed.text(), { timeout: 10_000 }).toContain(sentence);
	const editor = await pageAs(browser, actors.editor, baseURL!);
	for (const viewport of [
		{ width: 1280, height: 900 },
		{ width: 390, height: 844 }
	]) {
		await editor.page.setViewportSize(viewport);
		await openPage(editor.page, `/dokumente/${slug}`);
		const toggle = editor.page.getByRole('button', {
			name: /^Kommentare und Vorschläge (anzeigen|ausblenden)/
		});
		if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
		await expect(editor.page.getByRole('heading', { name: /^Kommentare/ })).toBeVisible();
		if (viewport.width === 1280) {
			await selectWords(editor.page, sentence, 'Hilfe');
			await comment(editor.page, 'Schön gesagt.');
			await expect(editor.page.locator('.comment-mark')).toHaveText('Hilfe');
		}
		await expect(threadOf(editor.page, 'Hilfe')).toBeVisible();
		await expectNoAxeViolations(editor.page);
	}
	seed.destroy();
	await editor.close();
});
