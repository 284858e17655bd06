// Exports of a document's current text (Word, Markdown, HTML, print view) and the passage numbers
// in the editor's margin.
import { expectNoAxeViolations } from './support/axe';
import JSZip from 'jszip';
import { createDocument } from './support/documents';
import { expect, openPage, pageAs, test } from './support/fixtures';

async function documentXml(body: Buffer) {
	const zip = await JSZip.loadAsync(body);
	return zip.file('word/document.xml')!.async('string');
}

/** The texts of a Word document's paragraphs, with the style each has. */
function wordParagraphs(xml: string) {
	return [...xml.matchAll(/<w:p>(.*?)<\/w:p>/gs)].map(([, inner]) => ({
		style: /<w:pStyle w:val="([^"]+)"\/>/.exec(inner)?.[1],
		list: inner.includes('<w:numPr>'),
		text: [...inner.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')
	}));
}

test('the Word file of the Leitbild has heading styles, passage numbers and list items', async ({
	actors
}) => {
	const response = await actors.viewer.request.get('/dokumente/leitbild/export/docx');
	expect(response.status()).toBe(200);
	expect(response.headers()['content-type']).toBe(
		'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
	);
	expect(response.headers()['content-disposition']).toMatch(
		/^attachment; filename="leitbild_aktueller-stand_\d{4}-\d\d-\d\d\.docx"$/
	);
	const paragraphs = wordParagraphs(await documentXml(await response.body()));
	expect(paragraphs[0]).toMatchObject({
		style: 'Heading1',
		text: expect.stringMatching(/^Leitbild/)
	});
	expect(paragraphs.filter((p) => p.style === 'Heading2').map((p) => p.text)).toEqual([
		'1\tPräambel',
		'2\tZiele und Grundlagen',
		'3\tArbeitsweise und Netzwerk',
		'4\tFür wen wir arbeiten',
		'5\tHandlungsfelder',
		'6\tUmsetzung und Überprüfung'
	]);
	expect(paragraphs).toContainEqual({
		style: undefined,
		list: false,
		text: expect.stringMatching(/^1\.1\tArmut schränkt die Chancen/)
	});
	expect(paragraphs).toContainEqual({
		style: 'ListParagraph',
		list: true,
		text: '3.3 Wir nutzen Synergien und vermeiden Parallelstrukturen.'
	});
	// Every item of the Leitbild's lists is a Word list paragraph.
	expect(paragraphs.filter((p) => p.list)).toHaveLength(19);
});

test('the Markdown export round-trips the headings', async ({ actors }) => {
	const response = await actors.editor.request.get('/dokumente/leitbild/export/md');
	expect(response.headers()['content-type']).toBe('text/markdown; charset=utf-8');
	expect(response.headers()['content-disposition']).toMatch(/filename="leitbild_.*\.md"/);
	const markdown = await response.text();
	expect(markdown.split('\n').filter((line) => line.startsWith('#'))).toEqual([
		'# Leitbild „Chancengerechtigkeit und Armutsfolgenbekämpfung im Kreis Unna“',
		'## 1 Präambel',
		'## 2 Ziele und Grundlagen',
		'## 3 Arbeitsweise und Netzwerk',
		'## 4 Für wen wir arbeiten',
		'## 5 Handlungsfelder',
		'## 6 Umsetzung und Überprüfung'
	]);
	expect(markdown).toContain('- **3.4** Ratsuchende Menschen und ihre Familien');
});

test('the HTML export is a standalone German page', async ({ actors }) => {
	const response = await actors.signatory.request.get('/dokumente/selbstverpflichtung/export/html');
	expect(response.headers()['content-type']).toBe('text/html; charset=utf-8');
	expect(response.headers()['content-disposition']).toMatch(/^attachment; filename=".*\.html"$/);
	const html = await response.text();
	expect(html).toContain('<html lang="de">');
	expect(html).toContain('<span class="passage-number">2.5</span> Wir arbeiten mit dem Jobcenter');
	expect(html).not.toMatch(/<(link|script|img)\b/);
});

test('the Selbstverpflichtung ends with a signature block per adopting body, or one', async ({
	actors
}) => {
	const all = wordParagraphs(
		await documentXml(
			await (await actors.viewer.request.get('/dokumente/selbstverpflichtung/export/docx')).body()
		)
	);
	const signing = all.slice(all.findIndex((p) => p.text === 'Unterzeichnung'));
	const bodies = signing.filter((p) => p.style === 'Heading3').map((p) => p.text);
	expect(bodies).toHaveLength(11);
	expect(bodies[0]).toBe('Kreis Unna');
	expect(bodies).toContain('Stadt Kamen');
	expect(signing.filter((p) => p.text === 'Amt/Funktion:\t')).toHaveLength(11);

	const one = await actors.viewer.request.get(
		'/dokumente/selbstverpflichtung/export/docx?koerperschaft=kamen'
	);
	expect(one.headers()['content-disposition']).toMatch(/_kamen_\d{4}-\d\d-\d\d\.docx"$/);
	const onlyKamen = wordParagraphs(await documentXml(await one.body()));
	expect(onlyKamen.filter((p) => p.style === 'Heading3').map((p) => p.text)).toEqual([
		'Stadt Kamen'
	]);
	// The Leitbild has no signature page.
	const leitbild = await documentXml(
		await (await actors.viewer.request.get('/dokumente/leitbild/export/docx')).body()
	);
	expect(leitbild).not.toContain('Unterzeichnung');
});

test('unknown formats, bodies and documents are 404 with a German message', async ({ actors }) => {
	const format = await actors.viewer.request.get('/dokumente/leitbild/export/odt');
	expect(format.status()).toBe(404);
	expect(await format.text()).toContain('Dieses Format gibt es nicht.');
	for (const body of ['gibt-es-nicht', 'jobcenter-kreis-unna']) {
		for (const path of [
			`/dokumente/selbstverpflichtung/export/docx?koerperschaft=${body}`,
			`/dokumente/selbstverpflichtung/druck?koerperschaft=${body}`
		]) {
			const response = await actors.viewer.request.get(path, { headers: { accept: 'text/html' } });
			expect(response.status(), path).toBe(404);
			expect(await response.text()).toContain('Diese Körperschaft gibt es nicht');
		}
	}
	const missing = await actors.viewer.request.get('/dokumente/gibt-es-nicht/export/docx');
	expect(missing.status()).toBe(404);
});

test('the print view shows the numbered text and one body’s signature block', async ({
	browser,
	actors,
	baseURL
}) => {
	const viewer = await pageAs(browser, actors.viewer, baseURL!);
	await openPage(viewer.page, '/dokumente/selbstverpflichtung');
	await viewer.page.getByText('Exportieren').click();
	await viewer.page.getByRole('link', { name: 'PDF: Druckansicht' }).click();
	await expect(viewer.page).toHaveURL(/\/dokumente\/selbstverpflichtung\/druck$/);
	await expect(
		viewer.page.getByRole('button', { name: 'Drucken / als PDF speichern' })
	).toBeVisible();
	await expect(viewer.page.locator('#nr-2-3')).toContainText('2.3 Wir beteiligen Menschen');
	// An item of the numbered list carries one number, the passage number, not a list number too.
	await expect(viewer.page.locator('#nr-2-3')).toHaveCSS('list-style-type', 'none');
	await expect(viewer.page.getByRole('heading', { level: 3 })).toHaveCount(11);

	await viewer.page.getByLabel('Unterschriftenseite für').selectOption({ label: 'Stadt Kamen' });
	await viewer.page.getByRole('button', { name: 'Anzeigen' }).click();
	await expect(viewer.page).toHaveURL(/koerperschaft=kamen/);
	await expect(viewer.page.getByRole('heading', { level: 3 })).toHaveText(['Stadt Kamen']);
	for (const width of [390, 1280]) {
		await viewer.page.setViewportSize({ width, height: 900 });
		await expectNoAxeViolations(viewer.page);
	}
	await viewer.close();
});

test('the editor numbers passages in the margin as people write', async ({
	browser,
	actors,
	baseURL,
	server
}) => {
	const { slug } = await createDocument(server, actors.editor, 'Notizen zur Nummerierung');
	const editor = await pageAs(browser, actors.editor, baseURL!);
	await openPage(editor.page, `/dokumente/${slug}`);
	await expect(editor.page.getByRole('status').filter({ hasText: 'Verbunden' })).toBeVisible();
	const text = editor.page.getByRole('textbox', { name: /Text von/ });
	await text.click();
	await editor.page.keyboard.type('Erster Absatz');
	await editor.page.keyboard.press('Enter');
	await editor.page.keyboard.type('Zweiter Absatz');
	await expect(text.locator('[data-passage]')).toHaveCount(2);
	await expect(text.getByText('Zweiter Absatz')).toHaveAttribute('data-passage', '2');
	// Screen readers hear the number before the passage.
	expect(await text.ariaSnapshot()).toContain('Abschnitt 2 Zweiter Absatz');

	// Made a section heading, the first opens section 1 and the second becomes its passage 1.1.
	// A caret move changes nothing, so it may be tried again: on a busy machine the editor can
	// miss one made while it redraws.
	await expect(async () => {
		await editor.page.keyboard.press('Control+Home');
		expect(await editor.page.evaluate(() => window.getSelection()?.anchorNode?.textContent)).toBe(
			'Erster Absatz'
		);
	}).toPass();
	await editor.page.keyboard.press('Control+Alt+2');
	await expect(text.locator('h2')).toHaveText('Erster Absatz');
	await expect(text.locator('h2')).toHaveAttribute('data-passage', '1');
	await expect(text.getByText('Zweiter Absatz')).toHaveAttribute('data-passage', '1.1');
	await editor.close();
});
