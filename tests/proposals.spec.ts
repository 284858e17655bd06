// Change proposals (suggestion mode): a Kommune's member proposes, an editor sees it live with
// the Kommune's name, accepts or rejects it, and can undo that. Proposals are records beside the
// text: the shared text changes only when an editor accepts.
import { expectNoAxeViolations } from './support/axe';
import type { Page } from '@playwright/test';
import * as Y from 'yjs';
import { postForm } from './support/actors';
import { queryDatabase } from './support/database';
import { anchorPair, createDocument } from './support/documents';
import { expect, openPage, pageAs, test } from './support/fixtures';
import { connectDocument, sessionCookie } from './support/yjs-client';

const sentence = 'Armut betrifft viele Familien im Kreis.';

function textbox(page: Page) {
	return page.getByRole('textbox', { name: /Text von/ });
}

/** Selects `words` with the keyboard: caret to the end, then back with Shift. Selecting changes
 * nothing, so it may be tried again when a busy editor misses a caret move. */
async function selectWords(page: Page, words: string) {
	await textbox(page).click();
	const after = sentence.length - sentence.indexOf(words) - words.length;
	await expect(async () => {
		await page.keyboard.press('ControlOrMeta+End');
		for (let i = 0; i < after; i++) await page.keyboard.press('ArrowLeft');
		for (let i = 0; i < words.length; i++) await page.keyboard.press('Shift+ArrowLeft');
		expect(await page.evaluate(() => getSelection()?.toString())).toBe(words);
	}).toPass();
}

/** The words of the text, without the names on others' carets and the consensus buttons. */
function visibleText(page: Page) {
	return textbox(page).evaluate((element) => {
		const copy = element.cloneNode(true) as HTMLElement;
		copy
			.querySelectorAll('.collaboration-carets__caret, .consensus-indicator')
			.forEach((c) => c.remove());
		return copy.textContent;
	});
}

function proposalItem(page: Page, text: string) {
	return page.locator('#comment-panel li[id^="vorschlag-"]').filter({ hasText: text });
}

/** The document's text as the server holds it, read by a raw Yjs client. */
async function serverText(baseURL: string, documentId: string, cookie: string) {
	const client = connectDocument(baseURL, documentId, cookie);
	await client.synced;
	const text = client.text();
	client.destroy();
	return text;
}

test('a Kommune proposes, the editor sees it live and accepts, rejects and undoes', async ({
	browser,
	actors,
	baseURL,
	server
}) => {
	const { id, slug } = await createDocument(server, actors.editor, 'Vorschlagsprobe');
	const editor = await pageAs(browser, actors.editor, baseURL!);
	const viewer = await pageAs(browser, actors.viewer, baseURL!);
	for (const { page } of [editor, viewer]) await page.setViewportSize({ width: 1280, height: 900 });
	await openPage(editor.page, `/dokumente/${slug}`);
	await expect(editor.page.getByRole('status').filter({ hasText: 'Verbunden' })).toBeVisible();
	await textbox(editor.page).click();
	await editor.page.keyboard.type(sentence);
	await openPage(viewer.page, `/dokumente/${slug}`);
	await expect(textbox(viewer.page)).toContainText(sentence);

	// The viewer may not edit, but may propose: for Stadt Kamen, their organisation.
	await viewer.page.getByRole('button', { name: 'Vorschlagen' }).click();
	await expect(viewer.page.getByRole('button', { name: 'Vorschlagen' })).toHaveAttribute(
		'aria-pressed',
		'true'
	);
	await selectWords(viewer.page, 'Familien');
	await viewer.page.keyboard.type('Haushalte');

	// The editor sees it without reloading: struck through, the new words, and who proposed it.
	const editorText = textbox(editor.page);
	await expect(editorText.locator('del.proposal__deletion')).toHaveText('Familien');
	await expect(editorText.locator('ins.proposal__insertion')).toHaveText(/Haushalte$/);
	// Screen readers hear what is proposed, not only struck and underlined words.
	const heard = await editorText.ariaSnapshot();
	expect(heard).toMatch(/Vorgeschlagen zu streichen:"?\s*- deletion: Familien/);
	expect(heard).toContain('insertion: "Vorgeschlagen: Haushalte"');
	await expect(editorText.locator('.proposal__tag')).toContainText('Stadt Kamen');
	await expect(editorText.locator('.proposal')).toHaveAttribute(
		'title',
		'Vorschlag Stadt Kamen – Vera Lesend'
	);
	await editor.page.getByRole('button', { name: /^Vorschläge \(1\)/ }).click();
	const item = proposalItem(editor.page, 'Haushalte');
	await expect(item).toContainText('Stadt Kamen');
	await expect(item).toContainText('Ersetzen');
	await expectNoAxeViolations(editor.page);
	// Nothing of it is in the shared text.
	const cookie = await sessionCookie(actors.editor.request);
	expect(await serverText(baseURL!, id, cookie)).toBe(sentence);

	// Accepted: ordinary text for everyone, written by the editor's acceptance.
	await item.getByRole('button', { name: 'Annehmen' }).click();
	const accepted = 'Armut betrifft viele Haushalte im Kreis.';
	await expect.poll(() => visibleText(viewer.page)).toBe(accepted);
	await expect.poll(() => visibleText(editor.page)).toBe(accepted);
	await expect(editorText.locator('.proposal')).toHaveCount(0);
	expect(await serverText(baseURL!, id, cookie)).toBe(accepted);

	// A second proposal, a deletion, is rejected: the text stays.
	await expect(async () => {
		await textbox(viewer.page).click();
		await viewer.page.keyboard.press('ControlOrMeta+End');
		await viewer.page.keyboard.press('ArrowLeft');
		for (let i = 0; i < ' im Kreis'.length; i++) {
			await viewer.page.keyboard.press('Shift+ArrowLeft');
		}
		expect(await viewer.page.evaluate(() => getSelection()?.toString())).toBe(' im Kreis');
	}).toPass();
	await viewer.page.keyboard.press('Backspace');
	// The viewer's selection still lies on the words and may split the mark into two elements.
	await expect
		.poll(async () =>
			(await editorText.locator('del.proposal__deletion').allTextContents()).join('')
		)
		.toBe(' im Kreis');
	const deletion = proposalItem(editor.page, 'Streichen');
	await deletion.getByRole('button', { name: 'Ablehnen' }).click();
	await expect(editorText.locator('.proposal')).toHaveCount(0);
	await expect.poll(() => visibleText(viewer.page)).toBe(accepted);

	// Both decisions are recorded, and each can be undone.
	await editor.page.getByLabel('Stand', { exact: true }).selectOption('all');
	await expect(proposalItem(editor.page, 'Streichen')).toContainText(
		'Stand: Abgelehnt von Emil Redaktion'
	);
	const undo = proposalItem(editor.page, 'Haushalte');
	await expect(undo).toContainText('Stand: Angenommen von Emil Redaktion');
	await undo.getByRole('button', { name: 'Annahme rückgängig machen' }).click();
	// The words come back, and the proposal is open again, in every browser.
	await expect(textbox(viewer.page).locator('del.proposal__deletion')).toHaveText('Familien');
	await expect(editorText.locator('del.proposal__deletion')).toHaveText('Familien');
	expect(await serverText(baseURL!, id, cookie)).toBe(sentence);

	const [proposal] = queryDatabase<{ id: string; state: string; organisation: string }>(
		server.dataDir,
		`select a.id, a.state, o.name as organisation from annotation a
		 join organisation o on o.id = a.organisation_id
		 where a.document_id = ? and a.proposed_text = 'Haushalte'`,
		id
	);
	expect(proposal).toMatchObject({ state: 'open', organisation: 'Stadt Kamen' });

	// A viewer sending an acceptance directly changes nothing.
	const direct = await postForm(
		actors.viewer.request,
		baseURL!,
		`/dokumente/${slug}?/acceptProposal`,
		{ proposalId: proposal.id }
	);
	expect(direct.status()).toBe(403);
	expect(await serverText(baseURL!, id, cookie)).toBe(sentence);
	expect(
		queryDatabase<{ state: string }>(
			server.dataDir,
			'select state from annotation where id = ?',
			proposal.id
		)[0].state
	).toBe('open');

	await editor.close();
	await viewer.close();
});

test('a proposal speaks only for an organisation of its author, and only within a paragraph', async ({
	actors,
	baseURL,
	server
}) => {
	const { slug } = await createDocument(server, actors.editor, 'Vorschlagsprobe Regeln');
	const [unna] = queryDatabase<{ id: string }>(
		server.dataDir,
		"select id from organisation where slug = 'unna'"
	);
	const before = queryDatabase<{ n: number }>(
		server.dataDir,
		"select count(*) as n from annotation where kind = 'proposal'"
	)[0].n;
	// Well-formed anchors; the organisation is refused before they are looked at.
	const anchors = anchorPair();
	const foreign = await postForm(actors.viewer.request, baseURL!, `/dokumente/${slug}?/propose`, {
		...anchors,
		text: 'x',
		organisationId: unna.id
	});
	expect(foreign.status()).toBe(403);
	expect(await foreign.text()).toContain('Sie können nur für eine Organisation vorschlagen');
	const count = () =>
		queryDatabase<{ n: number }>(
			server.dataDir,
			"select count(*) as n from annotation where kind = 'proposal'"
		)[0].n;
	expect(count()).toBe(before);

	// Where the editors switch it off, members who may not edit cannot propose at all.
	const [kamen] = queryDatabase<{ id: string }>(
		server.dataDir,
		"select id from organisation where slug = 'kamen'"
	);
	const switched = await postForm(
		actors.editor.request,
		baseURL!,
		`/dokumente/${slug}?/proposalSettings`,
		{}
	);
	expect(switched.status()).toBe(200);
	const refused = await postForm(actors.viewer.request, baseURL!, `/dokumente/${slug}?/propose`, {
		...anchors,
		text: 'x',
		organisationId: kamen.id
	});
	expect(refused.status()).toBe(403);
	expect(count()).toBe(before);
});

test('proposals of two Kommunen on the same words are both shown; accepting one outdates the other; exports show what accepting all gives', async ({
	browser,
	actors,
	baseURL,
	server
}) => {
	const { id, slug } = await createDocument(server, actors.editor, 'Vorschlagsprobe Überlappung');
	const writer = connectDocument(server.url, id, await sessionCookie(actors.editor.request));
	await writer.synced;
	writer.addParagraph(sentence);
	await expect.poll(() => writer.text(), { timeout: 10_000 }).toContain(sentence);
	const words = (writer.ydoc.getXmlFragment('default').get(0) as Y.XmlElement).get(0) as Y.XmlText;
	const anchor = (index: number, assoc: number) =>
		Buffer.from(
			Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(words, index, assoc))
		).toString('base64');
	const from = sentence.indexOf('Familien');
	const organisationOf = (slug: string) =>
		queryDatabase<{ id: string }>(
			server.dataDir,
			'select id from organisation where slug = ?',
			slug
		)[0].id;
	for (const [actor, organisation, text] of [
		[actors.viewer, 'kamen', 'Haushalte'],
		[actors.managerOther, 'unna', 'Menschen']
	] as const) {
		const response = await postForm(actor.request, baseURL!, `/dokumente/${slug}?/propose`, {
			anchorStart: anchor(from, 0),
			anchorEnd: anchor(from + 'Familien'.length, -1),
			text,
			organisationId: organisationOf(organisation)
		});
		expect(response.status()).toBe(200);
	}
	const viele = sentence.indexOf('viele');
	const deleteViele = { anchorStart: anchor(viele, 0), anchorEnd: anchor(viele + 5, -1) };
	writer.destroy();

	// The Markdown export shows what accepting all gives: Kamen's older proposal as the change,
	// Unna's younger one on the same words named beside it, not as a second change.
	const markdown = await (
		await actors.editor.request.get(`/dokumente/${slug}/export/md?vorschlaege=1`)
	).text();
	expect(markdown).toMatch(
		/viele \{~~Familien~>Haushalte~~\}\{>>Vorschlag 1: Stadt Kamen \(.+?\); Vorschlag 2: Kreisstadt Unna \(.+?\) betrifft dieselben Wörter, nicht eingezeichnet<<\} im Kreis\./
	);
	expect(markdown).not.toContain('Menschen~~}');

	const editor = await pageAs(browser, actors.editor, baseURL!);
	await editor.page.setViewportSize({ width: 1280, height: 900 });
	await openPage(editor.page, `/dokumente/${slug}`);
	const text = textbox(editor.page);
	await expect(text.locator('ins.proposal__insertion')).toHaveText([/Haushalte$/, /Menschen$/]);
	await expect(text.locator('.proposal__tag')).toHaveText([/^Stadt Kamen/, /^Kreisstadt Unna/]);

	await editor.page.getByRole('button', { name: /^Vorschläge \(2\)/ }).click();
	await editor.page
		.getByLabel('Organisation', { exact: true })
		.selectOption({ label: 'Kreisstadt Unna' });
	await expect(editor.page.locator('li[id^="vorschlag-"]')).toHaveCount(1);
	await expect(proposalItem(editor.page, 'Menschen')).toBeVisible();
	await editor.page
		.getByLabel('Organisation', { exact: true })
		.selectOption({ label: 'Alle Organisationen' });

	await proposalItem(editor.page, 'Haushalte').getByRole('button', { name: 'Annehmen' }).click();
	await expect
		.poll(() => visibleText(editor.page))
		.toBe('Armut betrifft viele Haushalte im Kreis.');
	// Unna's proposal was made on words that are gone: kept, marked as outdated, not decidable.
	await editor.page.getByLabel('Stand', { exact: true }).selectOption('outdated');
	const outdated = proposalItem(editor.page, 'Menschen');
	await expect(outdated).toContainText('Veraltet');
	await expect(outdated.getByRole('button', { name: 'Annehmen' })).toBeDisabled();

	// Accepting a deleted word leaves no double space behind, in the text and its exports.
	const deletion = await postForm(actors.viewer.request, baseURL!, `/dokumente/${slug}?/propose`, {
		...deleteViele,
		text: '',
		organisationId: organisationOf('kamen')
	});
	expect(deletion.status()).toBe(200);
	await editor.page.getByLabel('Stand', { exact: true }).selectOption('open');
	await proposalItem(editor.page, 'viele').getByRole('button', { name: 'Annehmen' }).click();
	const shorter = 'Armut betrifft Haushalte im Kreis.';
	await expect.poll(() => visibleText(editor.page)).toBe(shorter);
	const clean = await (await actors.editor.request.get(`/dokumente/${slug}/export/md`)).text();
	expect(clean).toContain(`** ${shorter}\n`);
	await editor.close();
});

test('in suggestion mode every input becomes a proposal, and what cannot is explained', async ({
	browser,
	actors,
	baseURL,
	server
}) => {
	const { id, slug } = await createDocument(server, actors.editor, 'Vorschlagsprobe Eingaben');
	const cookie = await sessionCookie(actors.editor.request);
	const writer = connectDocument(server.url, id, cookie);
	await writer.synced;
	writer.addParagraph(sentence);
	await expect.poll(() => writer.text(), { timeout: 10_000 }).toContain(sentence);
	writer.destroy();
	const editor = await pageAs(browser, actors.editor, baseURL!);
	const { page } = editor;
	await page.setViewportSize({ width: 1280, height: 900 });
	await openPage(page, `/dokumente/${slug}`);
	await expect(textbox(page)).toContainText(sentence);
	await page.getByRole('button', { name: 'Vorschlagen' }).click();
	const notice = page.locator('.suggestion-notice');
	await expect(notice).toContainText('Vorschlagsmodus');

	// Delete (forward) twice at "Armut": a deletion of "Ar".
	await textbox(page).click();
	await page.keyboard.press('ControlOrMeta+Home');
	await page.keyboard.press('Delete');
	await page.keyboard.press('Delete');
	await expect(textbox(page).locator('del.proposal__deletion')).toHaveText('Ar');
	// Typing right after it replaces: "Ar" by "Wo".
	await page.keyboard.type('Wo');
	await expect(textbox(page).locator('ins.proposal__insertion')).toHaveText(/Wo$/);
	// Backspace takes back the typed words first.
	await page.keyboard.press('Backspace');
	await expect(textbox(page).locator('ins.proposal__insertion')).toHaveText(/W$/);
	// Enter and undo change nothing and say why.
	await page.keyboard.press('Enter');
	await expect(notice).toContainText('keine neuen Absätze');
	await page.keyboard.press('ControlOrMeta+z');
	await expect(notice).toContainText('kein Rückgängig');

	// Pasting at the end of the sentence proposes the pasted words.
	await page.keyboard.press('End');
	await page.evaluate(() => {
		const data = new DataTransfer();
		data.setData('text/plain', ' Gemeinsam\nhandeln.');
		document
			.querySelector('[role="textbox"]')!
			.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
	});
	await expect(textbox(page).locator('ins.proposal__insertion').last()).toHaveText(
		/ Gemeinsam handeln\.$/
	);

	// Switching to Vorschlagen opened the list of proposals.
	await expect(page.getByRole('button', { name: 'Vorschläge (2)' })).toHaveAttribute(
		'aria-pressed',
		'true'
	);
	await expect(page.locator('li[id^="vorschlag-"]')).toHaveCount(2);
	await expect(proposalItem(page, 'Ersetzen')).toContainText('Ar');
	await expect(proposalItem(page, 'Einfügen')).toContainText('Gemeinsam handeln.');
	// The text itself is as it was.
	const check = connectDocument(server.url, id, cookie);
	await check.synced;
	expect(check.text()).toBe(sentence);
	check.destroy();
	await editor.close();
});
