// The PDF export (issue 19): each variant downloaded through the real route as a signed-in member
// and read with the tools an e-Akte's intake uses: poppler (pdffonts, pdfinfo, pdftotext) and
// qpdf. The document, a body's signature page, a named version with its Prüfwert, and the text
// with proposals.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { request } from '@playwright/test';
import { postForm } from './support/actors';
import { queryDatabase, writeDatabase } from './support/database';
import { createDocument, writeParagraph } from './support/documents';
import { expect, openPage, pageAs, test } from './support/fixtures';

const folder = mkdtempSync(path.join(tmpdir(), 'pdf-spec-'));
const run = (tool: string, ...args: string[]) => execFileSync(tool, args).toString();

/** What the archive's intake checks of every PDF; returns its words and its page count. */
function checkArchivable(body: Buffer, name: string, title: string) {
	const file = path.join(folder, name);
	writeFileSync(file, body);
	const fonts = run('pdffonts', file).trim().split('\n').slice(2);
	expect(fonts.length).toBeGreaterThan(0);
	// The columns end "emb sub uni object ID": every font embedded.
	for (const font of fonts) expect(font.split(/\s+/).at(-5), font).toBe('yes');
	const info = run('pdfinfo', file);
	expect(info).toContain(`Title:           ${title}`);
	expect(info).toMatch(/^Author:\s+Kreis Unna$/m);
	expect(info).toMatch(/^Tagged:\s+yes$/m);
	const xmp = run('pdfinfo', '-meta', file);
	expect(xmp).toContain('<pdfaid:part>2</pdfaid:part>');
	expect(xmp).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
	expect(run('qpdf', '--check', file)).toContain('No syntax or stream encoding errors found');
	const pages = Number(/^Pages:\s+(\d+)$/m.exec(info)![1]);
	const words = run('pdftotext', file, '-').replace(/\s+/g, ' ');
	expect(words).toContain(`Seite 1 von ${pages}`);
	expect(words).toContain(`Seite ${pages} von ${pages}`);
	return { words, info, pages };
}

test('the Leitbild downloads from the export menu as an archivable PDF with passage numbers', async ({
	browser,
	actors,
	baseURL
}) => {
	const viewer = await pageAs(browser, actors.viewer, baseURL!);
	try {
		await openPage(viewer.page, '/dokumente/leitbild');
		await viewer.page.getByText('Exportieren').click();
		const [download] = await Promise.all([
			viewer.page.waitForEvent('download'),
			viewer.page
				.getByRole('list', { name: 'Ohne Vorschläge (bereinigt)' })
				.getByRole('link', { name: 'PDF herunterladen (PDF/A, .pdf)' })
				.click()
		]);
		expect(download.suggestedFilename()).toMatch(/^leitbild_aktueller-stand_\d{4}-\d\d-\d\d\.pdf$/);
		const response = await actors.viewer.request.get('/dokumente/leitbild/export/pdf');
		expect(response.status()).toBe(200);
		expect(response.headers()['content-type']).toBe('application/pdf');
		expect(response.headers()['content-disposition']).toMatch(
			/^attachment; filename="leitbild_aktueller-stand_\d{4}-\d\d-\d\d\.pdf"$/
		);
		const { words, pages } = checkArchivable(
			await response.body(),
			'leitbild.pdf',
			'Leitbild „Chancengerechtigkeit und Armutsfolgenbekämpfung im Kreis Unna“'
		);
		expect(pages).toBeGreaterThan(1);
		// Reading order: the title, the state, then each section with its numbered passages.
		expect(words).toMatch(
			/^Leitbild „Chancengerechtigkeit und Armutsfolgenbekämpfung im Kreis Unna“ Aktueller Stand Entwurf der kreisweiten Arbeitsgruppe – Grundlage für die Entwicklungskonferenzen 1 Präambel 1\.1 Armut schränkt die Chancen/
		);
		expect(words).toContain('3.3 Wir nutzen Synergien und vermeiden Parallelstrukturen.');
		const sections = [
			...words.matchAll(/ (\d) (Präambel|Ziele|Arbeitsweise|Für wen|Handlungsfelder|Umsetzung)/g)
		];
		expect(sections.map((m) => m[1])).toEqual(['1', '2', '3', '4', '5', '6']);
		// Tagged for screen readers: headings, paragraphs and lists, each item with its number.
		const structure = run('pdfinfo', '-struct', path.join(folder, 'leitbild.pdf'));
		expect(structure).toMatch(
			/^Document\n {2}H1 \(block\)\n {2}P \(block\)\n {2}P \(block\)\n {2}H2 /
		);
		expect(structure).toContain(
			'  L (block)\n    LI (block)\n      Lbl (block)\n      LBody (block)\n        P (block)'
		);
		// The Leitbild is not signed.
		expect(words).not.toContain('Unterzeichnung');
	} finally {
		await viewer.close();
	}
});

test('the Selbstverpflichtung downloads with one body’s signature page from the print view', async ({
	browser,
	actors,
	baseURL
}) => {
	const viewer = await pageAs(browser, actors.viewer, baseURL!);
	try {
		await openPage(viewer.page, '/dokumente/selbstverpflichtung/druck');
		await viewer.page.getByLabel('Unterschriftenseite für').selectOption({ label: 'Stadt Kamen' });
		const [download] = await Promise.all([
			viewer.page.waitForEvent('download'),
			viewer.page.getByRole('button', { name: 'PDF herunterladen' }).click()
		]);
		expect(download.suggestedFilename()).toMatch(
			/^selbstverpflichtung_aktueller-stand_kamen_\d{4}-\d\d-\d\d\.pdf$/
		);
		const { words } = checkArchivable(
			await readFile(await download.path()),
			'selbstverpflichtung-kamen.pdf',
			'Gemeinsame Erklärung zur Armutsfolgenbekämpfung (Selbstverpflichtung)'
		);
		expect(words).toContain('2.5 Wir arbeiten mit dem Jobcenter');
		expect(words).toContain(
			'Unterzeichnung Stadt Kamen Ort: Datum: Name: Amt/Funktion: Unterschrift:'
		);
		expect(words).not.toContain('Gemeinde Holzwickede');
	} finally {
		await viewer.close();
	}
});

test('a named version carries its Prüfwert; with proposals they are marked and listed', async ({
	actors,
	server
}) => {
	const sentence = 'Wir stärken die Netzwerke im Kreis.';
	const doc = await createDocument(server, actors.editor, 'Vorschläge im PDF');
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
	const from = sentence.indexOf('stärken');
	writeDatabase(
		server.dataDir,
		`insert into annotation (id, document_id, kind, anchor_start, anchor_end, quote, state,
			created_by, created_at, proposed_text, organisation_id, reason)
		 values ('pdf-vorschlag', ?, 'proposal', ?, ?, 'stärken', 'open', ?, ?, 'festigen', ?,
			'Klarer formuliert.')`,
		doc.id,
		anchor(from, 0),
		anchor(from + 'stärken'.length, -1),
		author.id,
		Date.UTC(2026, 10, 20, 9),
		kamen.id
	);
	const frozen = await postForm(
		actors.editor.request,
		server.url,
		`/dokumente/${doc.slug}/fassungen?/freeze`,
		{ name: 'Beschlussfassung' }
	);
	expect(frozen.status()).toBe(200);
	const [{ hash }] = queryDatabase<{ hash: string }>(
		server.dataDir,
		'select content_hash as hash from document_version where document_id = ?',
		doc.id
	);

	const version = await actors.viewer.request.get(`/dokumente/${doc.slug}/export/pdf?fassung=1`);
	expect(version.status()).toBe(200);
	expect(version.headers()['content-disposition']).toMatch(
		/filename="vorschlaege-im-pdf_fassung-1-beschlussfassung_\d{4}-\d\d-\d\d\.pdf"/
	);
	const clean = checkArchivable(await version.body(), 'fassung.pdf', 'Vorschläge im PDF');
	expect(clean.info).toMatch(
		new RegExp(`^Subject:\\s+Fassung 1: Beschlussfassung · Prüfwert ${hash.slice(0, 8)}$`, 'm')
	);
	expect(clean.words).toContain(`1 ${sentence}`);
	expect(clean.words).toContain(`Prüfwert ${hash.slice(0, 8)}`);
	expect(clean.words).not.toContain('Vorschlag 1');

	const marked = await actors.viewer.request.get(
		`/dokumente/${doc.slug}/export/pdf?fassung=1&vorschlaege=1`
	);
	expect(marked.headers()['content-disposition']).toMatch(
		/filename="vorschlaege-im-pdf_fassung-1-beschlussfassung_mit-vorschlaegen_\d{4}-\d\d-\d\d\.pdf"/
	);
	const attribution = `${kamen.name} (${author.name})`;
	const { words } = checkArchivable(await marked.body(), 'vorschlaege.pdf', 'Vorschläge im PDF');
	expect(words).toContain(`1 Wir [Vorschlag 1: ${attribution}] stärkenfestigen die Netzwerke`);
	expect(words).toContain(
		`Änderungsvorschläge Vorschlag 1 – ${attribution}, 20.11.2026, 10:00 Ersetzt „stärken“ durch „festigen“. Begründung: Klarer formuliert.`
	);
});

test('readers without an account get no PDF', async ({ server, participant }) => {
	const anonymous = await request.newContext({ baseURL: server.url });
	try {
		for (const asker of [anonymous, participant]) {
			const response = await asker.get('/dokumente/leitbild/export/pdf', { maxRedirects: 0 });
			expect(response.status()).not.toBe(200);
			expect(response.headers()['content-type'] ?? '').not.toContain('application/pdf');
		}
	} finally {
		await anonymous.dispose();
	}
});
