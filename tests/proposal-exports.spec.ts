// Exports "mit Vorschlägen" (issue 12): the open change proposals as tracked changes in Word, the
// export menu's two choices, and the proposals a frozen version recorded. Suggestion mode is not
// here yet, so the proposals are written straight into the test server's database, as it will
// store them: anchored to words of the stored text.
import { expectNoAxeViolations } from './support/axe';
import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import { postForm } from './support/actors';
import { queryDatabase, writeDatabase } from './support/database';
import { createDocument, writeParagraph } from './support/documents';
import { expect, openPage, pageAs, test } from './support/fixtures';

const sentence = 'Wir stärken die Netzwerke im Kreis.';

async function documentXml(body: Buffer) {
	const zip = await JSZip.loadAsync(body);
	return zip.file('word/document.xml')!.async('string');
}

/** The tracked changes of a Word file: [kind, author, text]. */
function trackedChanges(xml: string) {
	return [
		...xml.matchAll(/<w:(ins|del) w:id="\d+" w:author="([^"]+)" w:date="[^"]+">(.*?)<\/w:\1>/g)
	].map(([, kind, author, inner]) => [
		kind,
		author,
		[...inner.matchAll(/<w:(?:t|delText)[^>]*>([^<]*)</g)].map((m) => m[1]).join('')
	]);
}

test('a DOCX export "with proposals" shows them as tracked changes; a version keeps its own', async ({
	actors,
	browser,
	baseURL,
	server
}) => {
	const doc = await createDocument(server, actors.editor, 'Vorschläge im Export');
	// The text, written as an editor's browser writes it.
	const anchor = await writeParagraph(server, actors.editor, doc.id, sentence);

	const [kamen] = queryDatabase<{ id: string; name: string }>(
		server.dataDir,
		"select id, name from organisation where slug = 'kamen'"
	);
	const [author] = queryDatabase<{ id: string; name: string }>(
		server.dataDir,
		'select id, name from user where email = ?',
		actors.editor.email
	);
	const propose = (id: string, words: string, proposed: string) => {
		const from = sentence.indexOf(words);
		writeDatabase(
			server.dataDir,
			`insert into annotation (id, document_id, kind, anchor_start, anchor_end, quote, state,
				created_by, created_at, proposed_text, organisation_id, reason)
			 values (?, ?, 'proposal', ?, ?, ?, 'open', ?, ?, ?, ?, 'Klarer formuliert.')`,
			id,
			doc.id,
			anchor(from, 0),
			anchor(from + words.length, -1),
			words,
			author.id,
			Date.UTC(2026, 10, 20, 9),
			proposed,
			kamen.id
		);
	};
	propose('vorschlag-stärken', 'stärken', 'festigen');
	propose('vorschlag-kreis', ' im Kreis', '');
	const attribution = `${kamen.name} (${author.name})`;
	const escaped = attribution.replace(/[()]/g, '\\$&');

	// The menu offers both choices; the one with proposals downloads tracked changes.
	const editor = await pageAs(browser, actors.editor, baseURL!);
	try {
		const page = editor.page;
		await openPage(page, `/dokumente/${doc.slug}`);
		await page.getByText('Exportieren').click();
		await expect(page.getByRole('list', { name: 'Ohne Vorschläge (bereinigt)' })).toBeVisible();
		const withProposals = page.getByRole('list', { name: 'Mit Vorschlägen' });
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			withProposals.getByRole('link', { name: /^Word-Datei mit Vorschlägen/ }).click()
		]);
		expect(download.suggestedFilename()).toMatch(
			/^vorschlaege-im-export_aktueller-stand_mit-vorschlaegen_\d{4}-\d\d-\d\d\.docx$/
		);
		const xml = await documentXml(await readFile(await download.path()));
		expect(trackedChanges(xml)).toEqual([
			['del', attribution, 'stärken'],
			['ins', attribution, 'festigen'],
			['del', attribution, ' im Kreis']
		]);
		expect(xml).toContain('Änderungsvorschläge');
		expect(xml).toContain('Begründung: Klarer formuliert.');

		const clean = await actors.viewer.request.get(`/dokumente/${doc.slug}/export/docx`);
		const cleanXml = await documentXml(await clean.body());
		expect(trackedChanges(cleanXml)).toEqual([]);
		expect(cleanXml).toContain(sentence);

		// Freezing records the open proposals; rejecting one later leaves the version's list as it was.
		const frozen = await postForm(
			actors.editor.request,
			server.url,
			`/dokumente/${doc.slug}/fassungen?/freeze`,
			{ name: 'Entwurf mit Vorschlägen' }
		);
		expect(frozen.status()).toBe(200);
		writeDatabase(
			server.dataDir,
			"update annotation set state = 'rejected' where id = 'vorschlag-kreis'"
		);

		const version = await actors.viewer.request.get(
			`/dokumente/${doc.slug}/export/docx?fassung=1&vorschlaege=1`
		);
		expect(version.status()).toBe(200);
		expect(trackedChanges(await documentXml(await version.body()))).toHaveLength(3);
		const current = await actors.viewer.request.get(
			`/dokumente/${doc.slug}/export/docx?vorschlaege=1`
		);
		expect(trackedChanges(await documentXml(await current.body()))).toEqual([
			['del', attribution, 'stärken'],
			['ins', attribution, 'festigen']
		]);
		const markdown = await (
			await actors.viewer.request.get(`/dokumente/${doc.slug}/export/md?fassung=1&vorschlaege=1`)
		).text();
		expect(markdown).toContain(
			`Wir {~~stärken~>festigen~~}{>>Vorschlag 1: ${attribution}<<} die Netzwerke{-- im Kreis--}`
		);

		await openPage(page, `/dokumente/${doc.slug}/fassungen/1`);
		const recorded = page.getByRole('region', { name: 'Offene Vorschläge in dieser Fassung' });
		await expect(recorded).toContainText('Beim Festhalten waren 2 Änderungsvorschläge offen.');
		await expect(recorded.getByRole('listitem')).toHaveText([
			new RegExp(`^Vorschlag 1 – ${escaped}, .*Ersetzt „stärken“ durch „festigen“\\.`),
			new RegExp(`^Vorschlag 2 – ${escaped}, .*Streicht „ im Kreis“\\.`)
		]);
		await expectNoAxeViolations(page);

		// The print view with proposals: struck and inserted words, labelled, and the list.
		await openPage(page, `/dokumente/${doc.slug}/druck?vorschlaege=1`);
		await expect(page.locator('.print-state')).toContainText('mit Vorschlägen');
		await expect(page.locator('del.proposal')).toHaveText(['[gestrichen:] stärken']);
		await expect(page.locator('ins.proposal')).toHaveText(['[eingefügt:] festigen']);
		await expect(page.getByRole('link', { name: `Vorschlag 1: ${kamen.name}` })).toBeVisible();
		for (const width of [1280, 390]) {
			await page.setViewportSize({ width, height: 900 });
			await expectNoAxeViolations(page);
		}
	} finally {
		await editor.close();
	}
});

test('an unknown choice is refused with a German message', async ({ actors }) => {
	const response = await actors.viewer.request.get(
		'/dokumente/leitbild/export/docx?vorschlaege=ja',
		{
			headers: { accept: 'application/json' }
		}
	);
	expect(response.status()).toBe(400);
	expect((await response.json()).message).toContain('Möglich sind 0 (ohne Vorschläge) und 1');
});
