// On a phone no page scrolls sideways as a whole: every page of the route table is checked on a
// 375 px phone in tests/accessibility.spec.ts, in the same visit as its axe scan; here the pages
// that only grow wide with content (versions).
import { postForm } from './support/actors';
import { createDocument } from './support/documents';
import { expectShown } from './support/axe';
import { expect, openPage, pageWithState, test } from './support/fixtures';
import { expectFitsPhone, phoneDevice } from './support/phone';

test('the versions of a document with versions fit a 375 px phone', async ({
	browser,
	actors,
	baseURL,
	server
}, testInfo) => {
	const { slug } = await createDocument(server, actors.editor, 'Fassungen am Telefon');
	for (const name of ['Entwurf für den Arbeitskreis Soziales', 'Beschlussvorlage Kreistag']) {
		const response = await postForm(
			actors.editor.request,
			server.url,
			`/dokumente/${slug}/fassungen?/freeze`,
			{ name }
		);
		expect(response.status()).toBe(200);
	}
	const phonePage = await pageWithState(browser, actors.editor.request, baseURL!, phoneDevice);
	try {
		for (const path of [
			`/dokumente/${slug}/fassungen`,
			`/dokumente/${slug}/fassungen/1`,
			`/dokumente/${slug}/vergleich?von=1&bis=2`,
			`/dokumente/${slug}/verlauf`
		]) {
			expectShown(await openPage(phonePage.page, path), path);
			await expectFitsPhone(phonePage.page, path, testInfo);
		}
	} finally {
		await phonePage.close();
	}
});
