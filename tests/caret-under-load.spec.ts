// Caret moves made while others type: none may be lost, even when the editor redraws for a
// remote change between the browser moving the caret and the editor reading where it went.
import * as Y from 'yjs';
import { createDocument } from './support/documents';
import { expect, openPage, pageAs, test } from './support/fixtures';
import { connectDocument, sessionCookie } from './support/yjs-client';

test('caret moves are not lost while someone else types', async ({
	browser,
	actors,
	baseURL,
	server
}) => {
	const { id, slug } = await createDocument(server, actors.editor, 'Caret unter Last');
	const cookie = await sessionCookie(actors.editor.request);
	const other = connectDocument(server.url, id, cookie);
	await other.synced;
	const sentence = 'abcdefghijklmnopqrstuvwxyz0123456789';
	other.addParagraph(sentence);
	other.addParagraph('');
	await expect.poll(() => other.text(), { timeout: 10_000 }).toContain(sentence);
	const editor = await pageAs(browser, actors.editor, baseURL!);
	await openPage(editor.page, `/dokumente/${slug}`);
	await expect(editor.page.getByRole('textbox', { name: /Text von/ })).toContainText(sentence);
	// The other person types into the second paragraph, a character every few milliseconds.
	const second = other.ydoc.getXmlFragment('default').get(1) as Y.XmlElement;
	let typing = true;
	const typist = (async () => {
		const text = new Y.XmlText('');
		second.insert(0, [text]);
		while (typing) {
			text.insert(text.length, 'x');
			await new Promise((resolve) => setTimeout(resolve, 4));
		}
	})();
	for (let round = 0; round < 5; round++) {
		await editor.page
			.getByRole('textbox', { name: /Text von/ })
			.locator('p')
			.first()
			.click();
		await editor.page.keyboard.press('End');
		for (let i = 0; i < 10; i++) await editor.page.keyboard.press('ArrowLeft');
		await editor.page.keyboard.type('|');
		await expect.poll(() => other.text().split('\n')[0], { timeout: 10_000 }).toContain('|');
		const first = other.text().split('\n')[0];
		expect(first, `Runde ${round}`).toBe(
			`${sentence.slice(0, sentence.length - 10)}|${sentence.slice(sentence.length - 10)}`
		);
		await editor.page.keyboard.press('Backspace');
		await expect.poll(() => other.text().split('\n')[0], { timeout: 10_000 }).not.toContain('|');
	}
	// A selection made with Shift and the arrows, replaced by typing.
	await editor.page.keyboard.press('End');
	for (let i = 0; i < 5; i++) await editor.page.keyboard.press('ArrowLeft');
	for (let i = 0; i < 8; i++) await editor.page.keyboard.press('Shift+ArrowLeft');
	await editor.page.keyboard.type('#');
	await expect.poll(() => other.text().split('\n')[0], { timeout: 10_000 }).toContain('#');
	expect(other.text().split('\n')[0]).toBe(
		`${sentence.slice(0, sentence.length - 13)}#${sentence.slice(sentence.length - 5)}`
	);
	typing = false;
	await typist;
	other.destroy();
	await editor.close();
});
