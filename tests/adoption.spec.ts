// Adoption tracking (issue #9): steps per body, who may record them, history, version awareness,
// plans and overdue steps, the map and table, the CSV, the resolution PDFs, the public page and
// the signatory's reminders.
import { expectNoAxeViolations } from './support/axe';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { request as playwrightRequest, type Page, type Response } from '@playwright/test';
import { stageLabels, type AdoptionStage } from '../src/lib/adoption';
import { postForm, type TestActor } from './support/actors';
import { queryDatabase } from './support/database';
import { createDocument } from './support/documents';
import { expect, openPage, pageAs, test } from './support/fixtures';
import { allowRefusedPage } from './support/browser-errors';
import { duplicateIds } from './support/page-ids';
import { asCsvField, readCsv, readXlsx } from './support/spreadsheets';
import type { AppServer } from './support/server';
import { connectDocument, sessionCookie } from './support/yjs-client';

async function freeze(server: AppServer, editor: TestActor, slug: string, name: string) {
	const response = await postForm(
		editor.request,
		server.url,
		`/dokumente/${slug}/fassungen?/freeze`,
		{
			name
		}
	);
	expect(response.status()).toBe(200);
	const [version] = queryDatabase<{ id: string; number: number }>(
		server.dataDir,
		'select v.id, v.number from document_version v join document d on d.id = v.document_id where d.slug = ? and v.name = ?',
		slug,
		name
	);
	return version;
}

/** Appends a paragraph through the live channel, so the next version differs. */
async function addText(server: AppServer, editor: TestActor, documentId: string, text: string) {
	const client = connectDocument(server.url, documentId, await sessionCookie(editor.request));
	await client.synced;
	client.addParagraph(text);
	await expect
		.poll(
			() =>
				queryDatabase<{ n: number }>(
					server.dataDir,
					'select count(*) as n from document_update where document_id = ?',
					documentId
				)[0].n >= 1,
			{ timeout: 10_000 }
		)
		.toBe(true);
	client.destroy();
}

function stepsOf(server: AppServer, documentId: string, body: string) {
	return queryDatabase<{
		stage: string;
		paper_number: string | null;
		resolution_file: string | null;
	}>(
		server.dataDir,
		`select s.stage, s.paper_number, s.resolution_file from adoption_step s
		 join organisation o on o.id = s.organisation_id where s.document_id = ? and o.slug = ? order by s.id`,
		documentId,
		body
	);
}

const stepForm = (page: Page) => page.getByRole('region', { name: 'Schritt erfassen' });

async function recordInForm(
	page: Page,
	fields: { stage: string; date: string; body: string; paper?: string; note?: string }
) {
	const form = stepForm(page);
	await form.getByLabel('Schritt', { exact: true }).selectOption({ label: fields.stage });
	await form.getByLabel('Datum').fill(fields.date);
	await form.getByLabel('Gremium', { exact: true }).fill(fields.body);
	await form.getByLabel('Drucksache oder Vorlage (Nummer)').fill(fields.paper ?? '');
	await form.getByLabel('Notiz').fill(fields.note ?? '');
	await form.getByRole('button', { name: 'Schritt erfassen' }).click();
}

const pdfBytes = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

test.describe.configure({ mode: 'serial' });

test('a signatory of Kamen records steps for Kamen, is refused for Unna, and the history shows before and after', async ({
	browser,
	actors,
	baseURL,
	server
}) => {
	const doc = await createDocument(server, actors.editor, 'Beschlüsse Kamen Unna');
	const v1 = await freeze(server, actors.editor, doc.slug, 'Vorlage für die Räte');
	const session = await pageAs(browser, actors.signatory, baseURL!);
	const page = session.page;
	try {
		await openPage(page, `/beschluesse/${doc.slug}/kamen`);
		await recordInForm(page, {
			stage: 'Im Ausschuss beraten',
			date: '2026-03-04',
			body: 'Sozialausschuss'
		});
		await expect(
			page.getByRole('status').filter({ hasText: 'Der Schritt ist erfasst.' })
		).toBeVisible();

		// A council decision without a paper number is refused and writes nothing.
		await recordInForm(page, { stage: 'Beschlossen', date: '2026-03-18', body: 'Rat' });
		await expect(page.getByRole('alert')).toContainText('Nummer der Drucksache');
		expect(stepsOf(server, doc.id, 'kamen')).toHaveLength(1);
		// The form keeps what was typed, and the message passes axe.
		await expect(stepForm(page).getByLabel('Gremium', { exact: true })).toHaveValue('Rat');
		await expectNoAxeViolations(page);

		// "Mit Änderungen" without a note, a file that is not a PDF: refused, nothing written.
		await recordInForm(page, {
			stage: 'Beschlossen mit Änderungen',
			date: '2026-03-18',
			body: 'Rat',
			paper: 'DS 12/2026'
		});
		await expect(page.getByRole('alert')).toContainText('was der Rat am Text geändert hat');
		await page.getByLabel('Beschluss als PDF (freiwillig)').setInputFiles({
			name: 'beschluss.pdf',
			mimeType: 'application/pdf',
			buffer: Buffer.from('<html>Das ist keine PDF-Datei</html>')
		});
		await recordInForm(page, {
			stage: 'Beschlossen',
			date: '2026-03-18',
			body: 'Rat',
			paper: 'DS 12/2026'
		});
		await expect(page.getByRole('alert')).toContainText('Die Datei ist kein PDF');
		expect(stepsOf(server, doc.id, 'kamen')).toHaveLength(1);
		expect(
			queryDatabase(server.dataDir, 'select 1 from adoption_step where resolution_file is not null')
		).toEqual([]);

		// The decision with its paper number and the resolution as PDF.
		await page.getByLabel('Beschluss als PDF (freiwillig)').setInputFiles({
			name: 'Ratsbeschluss Kamen.pdf',
			mimeType: 'application/pdf',
			buffer: pdfBytes
		});
		await recordInForm(page, {
			stage: 'Beschlossen',
			date: '2026-03-18',
			body: 'Rat',
			paper: 'DS 12/2026'
		});
		await expect(
			page.getByRole('status').filter({ hasText: 'Der Schritt ist erfasst.' })
		).toBeVisible();
		expect(stepsOf(server, doc.id, 'kamen').map((s) => s.stage)).toEqual([
			'im-ausschuss',
			'beschlossen'
		]);

		// The history: each change with who, before and after, newest first.
		const entries = page.getByTestId('history-entry');
		await expect(entries).toHaveCount(2);
		await expect(entries.nth(0).getByTestId('before')).toHaveText(
			'Im Ausschuss beraten, Fassung 1'
		);
		await expect(entries.nth(0).getByTestId('after')).toHaveText('Beschlossen, Fassung 1');
		await expect(entries.nth(1).getByTestId('before')).toHaveText('Nicht begonnen');
		await expect(entries.nth(1).getByTestId('after')).toHaveText('Im Ausschuss beraten, Fassung 1');
		await expect(entries.nth(0)).toContainText('Sina Zeichnung');

		// The PDF reaches signed-in members only.
		const pdfLink = entries.nth(0).getByRole('link', { name: /PDF/ });
		const pdfPath = (await pdfLink.getAttribute('href'))!;
		const asViewer = await actors.viewer.request.get(pdfPath);
		expect(asViewer.status()).toBe(200);
		expect(asViewer.headers()['content-type']).toBe('application/pdf');
		expect((await asViewer.body()).subarray(0, 5).toString()).toBe('%PDF-');
		const anonymous = await playwrightRequest.newContext({ baseURL: server.url });
		expect((await anonymous.get(pdfPath, { maxRedirects: 0 })).status()).toBe(303);
		await anonymous.dispose();

		// Unna: no form for Kamen's signatory, and a direct request is refused with nothing written.
		await openPage(page, `/beschluesse/${doc.slug}/unna`);
		await expect(page.getByRole('heading', { name: 'Schritt erfassen' })).toHaveCount(0);
		const direct = await postForm(
			actors.signatory.request,
			server.url,
			`/beschluesse/${doc.slug}/unna?/record`,
			{
				stage: 'beschlossen',
				versionId: v1.id,
				decidedOn: '2026-03-18',
				bodyName: 'Rat',
				paperNumber: 'DS 1/2026'
			}
		);
		expect(direct.status()).toBe(403);
		const directPlan = await postForm(
			actors.signatory.request,
			server.url,
			`/beschluesse/${doc.slug}/unna?/plan`,
			{
				stage: 'im-ausschuss',
				plannedOn: '2026-12-01'
			}
		);
		expect(directPlan.status()).toBe(403);
		expect(stepsOf(server, doc.id, 'unna')).toEqual([]);
		expect(queryDatabase(server.dataDir, 'select 1 from adoption_plan')).toEqual([]);

		// Bad input sent directly: a future date and a version of another document.
		const other = await createDocument(server, actors.editor, 'Anderes Dokument');
		const foreign = await freeze(server, actors.editor, other.slug, 'Fremde Fassung');
		const future = await postForm(
			actors.signatory.request,
			server.url,
			`/beschluesse/${doc.slug}/kamen?/record`,
			{
				stage: 'in-vorbereitung',
				versionId: v1.id,
				decidedOn: '2099-01-01',
				bodyName: 'Verwaltung'
			}
		);
		expect(future.status()).toBe(400);
		expect(await future.text()).toContain('Zukunft');
		const wrongDocument = await postForm(
			actors.signatory.request,
			server.url,
			`/beschluesse/${doc.slug}/kamen?/record`,
			{
				stage: 'in-vorbereitung',
				versionId: foreign.id,
				decidedOn: '2026-03-01',
				bodyName: 'Verwaltung'
			}
		);
		expect(wrongDocument.status()).toBe(400);
		expect(await wrongDocument.text()).toContain('anderen Dokument');
		// A PDF over the size limit, sent directly.
		const large = Buffer.alloc(10 * 1024 * 1024 + 1, 0x20);
		large.write('%PDF-1.4\n');
		const tooLarge = await actors.signatory.request.post(`/beschluesse/${doc.slug}/kamen?/record`, {
			multipart: {
				stage: 'in-vorbereitung',
				versionId: v1.id,
				decidedOn: '2026-03-01',
				bodyName: 'Verwaltung',
				resolution: { name: 'gross.pdf', mimeType: 'application/pdf', buffer: large }
			},
			headers: { origin: server.url, accept: 'text/html' },
			maxRedirects: 0
		});
		expect(tooLarge.status()).toBe(400);
		expect(await tooLarge.text()).toContain('höchstens 10 MB');
		expect(stepsOf(server, doc.id, 'kamen')).toHaveLength(2);
		// Only the one accepted resolution was stored.
		expect(readdirSync(path.join(server.dataDir, 'beschluesse'))).toHaveLength(1);

		// A correction is a new entry that names the one it corrects; the old one stays.
		await openPage(page, `/beschluesse/${doc.slug}/kamen`);
		const [decision] = queryDatabase<{ id: number }>(
			server.dataDir,
			"select id from adoption_step where document_id = ? and stage = 'beschlossen'",
			doc.id
		);
		await stepForm(page)
			.getByLabel('Berichtigt einen früheren Eintrag')
			.selectOption(String(decision.id));
		await recordInForm(page, {
			stage: 'Beschlossen mit Änderungen',
			date: '2026-03-18',
			body: 'Rat',
			paper: 'DS 12/2026',
			note: 'Absatz 3 um Alleinerziehende ergänzt.'
		});
		await expect(
			page.getByRole('status').filter({ hasText: 'Der Schritt ist erfasst.' })
		).toBeVisible();
		await expect(entries).toHaveCount(3);
		await expect(entries.nth(0)).toContainText(`berichtigt ${decision.id}`);
		await expect(entries.nth(0).getByTestId('before')).toHaveText('Beschlossen, Fassung 1');
		await expect(entries.nth(0).getByTestId('after')).toHaveText(
			'Beschlossen mit Änderungen, Fassung 1'
		);
		await expect(page.getByTestId('body-status')).toContainText('Beschlossen mit Änderungen');

		// Records survive a restart.
		await server.kill();
		await server.restart();
		await openPage(page, `/beschluesse/${doc.slug}/kamen`);
		await expect(page.getByTestId('history-entry')).toHaveCount(3);
		await expect(page.getByTestId('history-entry').nth(1).getByTestId('after')).toHaveText(
			'Beschlossen, Fassung 1'
		);
	} finally {
		await session.close();
	}
});

test('the map shows ten named shapes whose fill matches their stage, as the table says; overdue and version-aware rows', async ({
	browser,
	actors,
	baseURL,
	server
}) => {
	const doc = await createDocument(server, actors.editor, 'Beschlüsse Karte');
	await addText(server, actors.editor, doc.id, 'Ein Satz für die erste Fassung.');
	const v1 = await freeze(server, actors.editor, doc.slug, 'Erste Fassung');
	const record = (body: string, fields: Record<string, string>) =>
		postForm(actors.admin.request, server.url, `/beschluesse/${doc.slug}/${body}?/record`, {
			versionId: v1.id,
			decidedOn: '2026-02-01',
			...fields
		});
	expect(
		(await record('kamen', { stage: 'beschlossen', bodyName: 'Rat', paperNumber: 'DS 1' })).status()
	).toBe(200);
	expect(
		(await record('unna', { stage: 'im-ausschuss', bodyName: 'Sozialausschuss' })).status()
	).toBe(200);
	expect(
		(
			await record('werne', { stage: 'abgelehnt', bodyName: 'Rat', paperNumber: '+0815/2026' })
		).status()
	).toBe(200);
	expect(
		(
			await record('kreis-unna', {
				stage: 'beschlossen',
				bodyName: 'Kreistag',
				paperNumber: 'DS 9'
			})
		).status()
	).toBe(200);
	// Bergkamen's committee was planned for a day long past; Bönen's council for a day to come.
	const plan = (body: string, stage: string, plannedOn: string) =>
		postForm(actors.admin.request, server.url, `/beschluesse/${doc.slug}/${body}?/plan`, {
			stage,
			plannedOn,
			bodyName: 'Sozialausschuss'
		});
	expect((await plan('bergkamen', 'im-ausschuss', '2026-01-15')).status()).toBe(200);
	expect((await plan('boenen', 'vorlage-im-rat', '2099-06-01')).status()).toBe(200);

	const session = await pageAs(browser, actors.viewer, baseURL!);
	const page = session.page;
	try {
		await openPage(page, `/beschluesse?dokument=${doc.slug}`);
		await expect(page.getByTestId('progress')).toHaveText(
			'2 von 11 Körperschaften haben beschlossen.'
		);
		const shapes = page.getByTestId('map-shape');
		await expect(shapes).toHaveCount(10);
		// The map, its legend swatches and the Kreis box each name their own patterns and labels.
		expect(await duplicateIds(page)).toEqual([]);
		const seen: Record<string, string> = {};
		for (const shape of await shapes.all()) {
			const name = (await shape.getAttribute('data-name'))!;
			const body = (await shape.getAttribute('data-body'))!;
			const stage = (await shape.getAttribute('data-stage')) as AdoptionStage;
			seen[name] = stage;
			expect(await shape.getAttribute('fill')).toMatch(
				new RegExp(`^url\\(#.+-muster-${stage}\\)$`)
			);
			await expect(shape.locator('title')).toHaveText(
				new RegExp(`^${name}: ${stageLabels[stage]}`)
			);
			const row = page.locator(`[data-testid="adoption-row"][data-body="${body}"]`);
			await expect(row.getByTestId('stage')).toHaveText(stageLabels[stage]);
		}
		expect(Object.keys(seen)).toHaveLength(10);
		expect(seen).toMatchObject({
			Kamen: 'beschlossen',
			Unna: 'im-ausschuss',
			Werne: 'abgelehnt',
			Bönen: 'nicht-begonnen'
		});
		// The Kreis beside the map, the legend counts.
		await expect(page.getByTestId('kreis-box')).toContainText('Beschlossen, Fassung 1');
		await expect(page.getByRole('list', { name: 'Legende' })).toContainText('Beschlossen: 2');
		await expect(page.getByText('© GeoBasis-DE / BKG 2016 (Daten verändert)')).toBeVisible();

		// Overdue and planned.
		const bergkamen = page.locator('[data-testid="adoption-row"][data-body="bergkamen"]');
		await expect(bergkamen.getByTestId('overdue')).toContainText('Überfällig');
		await expect(bergkamen.getByTestId('overdue')).toContainText('15.01.2026');
		const boenen = page.locator('[data-testid="adoption-row"][data-body="boenen"]');
		await expect(boenen.getByTestId('planned')).toContainText('geplant am');
		await expect(boenen.getByTestId('overdue')).toHaveCount(0);

		// The body's own page says the same, and keeps the plan's changes.
		await openPage(page, `/beschluesse/${doc.slug}/bergkamen`);
		await expect(page.getByTestId('body-status').getByTestId('overdue')).toContainText(
			'Beratung im Ausschuss (Sozialausschuss) am 15.01.2026'
		);
		const planHistory = page.getByTestId('plan-history').getByRole('row');
		await expect(planHistory).toHaveCount(2);
		await expect(planHistory.nth(1)).toContainText('kein Termin');
		await expect(planHistory.nth(1)).toContainText('15.01.2026');
		await expect(planHistory.nth(1)).toContainText('Administration');
		await openPage(page, `/beschluesse?dokument=${doc.slug}`);

		// No version-aware note before a newer version exists.
		const kamen = page.locator('[data-testid="adoption-row"][data-body="kamen"]');
		await expect(kamen.getByTestId('newer-version')).toHaveCount(0);
		await expectNoAxeViolations(page);

		// A newer, different version is frozen: Kamen's row says so and links to the comparison.
		await addText(server, actors.editor, doc.id, 'Ein Satz, der erst danach kam.');
		await freeze(server, actors.editor, doc.slug, 'Zweite Fassung');
		await openPage(page, `/beschluesse?dokument=${doc.slug}`);
		await expect(kamen.getByTestId('newer-version')).toContainText(
			'Hat Fassung 1 beschlossen – aktuelle Fassung 2 weicht ab.'
		);
		await kamen.getByRole('link', { name: /Fassung 1 und 2 vergleichen/ }).click();
		await expect(page).toHaveURL(new RegExp(`/dokumente/${doc.slug}/vergleich\\?von=1&bis=2`));
		await expect(page.getByTestId('change-count')).toContainText('Einfügung');

		// The timeline lists the steps by date; the CSV has the same rows.
		await openPage(page, `/beschluesse?dokument=${doc.slug}`);
		await expect(
			page.getByRole('list', { name: 'Zeitleiste der erfassten Schritte' }).getByRole('listitem')
		).toHaveCount(4);
		const csv = await actors.viewer.request.get(`/beschluesse/${doc.slug}/stand.csv`);
		expect(csv.headers()['content-type']).toContain('text/csv');
		const lines = (await csv.text()).trim().split('\r\n');
		expect(lines).toHaveLength(12);
		expect(lines.find((l) => l.startsWith('Stadt Kamen'))).toContain(
			';Beschlossen;1;Erste Fassung;'
		);

		// The same rows as a workbook, typed: the AGS and the file number stay text as written, the
		// day is a date, the version a number.
		const workbook = await actors.viewer.request.get(`/beschluesse/${doc.slug}/stand.xlsx`);
		expect(workbook.headers()['content-type']).toContain('spreadsheetml');
		const sheet = await readXlsx(await workbook.body());
		expect(sheet).toMatchObject({ name: 'Beschlüsse', boldHeader: true, frozenRows: 1 });
		const dateColumn = sheet.rows[0].findIndex((cell) => cell.value === 'Datum');
		expect(
			sheet.rows.map((row) => row.map((cell, i) => asCsvField(cell, i !== dateColumn)))
		).toEqual(readCsv(await csv.text()));
		const row = (name: string) => sheet.rows.find((cells) => cells[0].value === name)!;
		const agsOf = (slug: string) =>
			queryDatabase<{ ags: string }>(
				server.dataDir,
				'select ags from organisation where slug = ?',
				slug
			)[0].ags;
		expect(agsOf('kamen')).toMatch(/^0/);
		expect(row('Stadt Kamen')[1]).toEqual({ value: agsOf('kamen'), type: 'text' });
		expect(row('Stadt Kamen')[3]).toEqual({ value: 1, type: 'number' });
		expect(row('Stadt Kamen')[6]).toEqual({
			value: new Date('2026-02-01T00:00:00Z'),
			type: 'date'
		});
		expect(row('Stadt Werne')[8]).toEqual({ value: '+0815/2026', type: 'text' });
		expect(lines.find((l) => l.startsWith('Stadt Werne'))).toContain(";'+0815/2026;");
		await page.setViewportSize({ width: 390, height: 844 });
		await expectNoAxeViolations(page);
	} finally {
		await session.close();
	}

	// Kamen's signatory sees it on the start page.
	const signatory = await pageAs(browser, actors.signatory, baseURL!);
	try {
		await openPage(signatory.page, '/');
		const reminder = signatory.page
			.getByTestId('adoption-reminder')
			.filter({ hasText: 'Beschlüsse Karte' });
		await expect(reminder).toContainText(
			'Seit Ihrem letzten Schritt (Fassung 1) ist Fassung 2 „Zweite Fassung“ festgehalten worden.'
		);
		await expectNoAxeViolations(signatory.page);
		await reminder.getByRole('link').click();
		await expect(signatory.page).toHaveURL(new RegExp(`/beschluesse/${doc.slug}/kamen$`));
	} finally {
		await signatory.close();
	}
});

test('the public page shows the adopted versions, map and table, no member data, and nothing unpublished', async ({
	page,
	actors,
	server,
	browserErrors
}) => {
	const refused = (response: Response | null) => {
		allowRefusedPage(browserErrors, response);
		return response?.status();
	};
	const doc = await createDocument(server, actors.editor, 'Beschlüsse öffentlich');
	const hidden = await createDocument(server, actors.editor, 'Beschlüsse nicht öffentlich');
	const v1 = await freeze(server, actors.editor, doc.slug, 'Ratsfassung');
	const recorded = await postForm(
		actors.signatory.request,
		server.url,
		`/beschluesse/${doc.slug}/kamen?/record`,
		{
			stage: 'beschlossen-mit-aenderungen',
			versionId: v1.id,
			decidedOn: '2026-04-01',
			bodyName: 'Rat',
			paperNumber: 'DS 44/2026',
			note: 'Interne Notiz: Absatz 2 gestrichen'
		}
	);
	expect(recorded.status()).toBe(200);

	expect(refused(await page.goto(`/transparenz/${doc.slug}`))).toBe(404);
	// Only admins publish.
	const byEditor = await postForm(actors.editor.request, server.url, '/beschluesse?/publish', {
		documentId: doc.id
	});
	expect(byEditor.status()).toBe(403);
	const published = await postForm(actors.admin.request, server.url, '/beschluesse?/publish', {
		documentId: doc.id
	});
	expect(published.status()).toBe(200);

	for (const width of [1280, 390]) {
		await page.setViewportSize({ width, height: 900 });
		await openPage(page, `/transparenz/${doc.slug}`);
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Beschlüsse öffentlich');
		await expect(page.getByTestId('progress')).toHaveText(
			'1 von 11 Körperschaften haben beschlossen.'
		);
		await expect(
			page
				.getByRole('listitem')
				.filter({ hasText: /Fassung 1 „Ratsfassung“[\s\S]*beschlossen von Kamen/ })
		).toBeVisible();
		await expect(page.getByTestId('map-shape')).toHaveCount(10);
		await expect(page.locator('[data-testid="adoption-row"][data-body="kamen"]')).toContainText(
			'Beschlossen mit Änderungen'
		);
		await expectNoAxeViolations(page);
	}
	const html = await page.content();
	for (const memberData of [
		'Sina Zeichnung',
		'Emil Redaktion',
		'Interne Notiz',
		'@kamen.test',
		'Abmelden'
	]) {
		expect(html, memberData).not.toContain(memberData);
	}
	await expect(page.getByRole('link', { name: /PDF/ })).toHaveCount(0);
	expect(refused(await page.goto(`/transparenz/${hidden.slug}`))).toBe(404);

	// Withdrawn again: gone.
	await postForm(actors.admin.request, server.url, '/beschluesse?/unpublish', {
		documentId: doc.id
	});
	expect(refused(await page.goto(`/transparenz/${doc.slug}`))).toBe(404);
});
