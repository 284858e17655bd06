// Conference results in the text, seen the other way round (issue 21): cards written and dotted
// by participants, linked to passages through the document's link action, shown on the results
// page as taken up with the coverage count changing; an unlink restores the count, a frozen version keeps its links and
// carries them into each export's annex "Herkunft der Abschnitte"; the comparison shows the
// sources added and removed; the public page names sources without names, under the rule for
// small groups. Its own server: the seeded conference's cards are this file's alone.
import { expectNoAxeViolations } from './support/axe';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { request as playwrightRequest, type APIRequestContext, type Page } from '@playwright/test';
import * as Y from 'yjs';
import {
	adminCredentials,
	postForm,
	serverEnvWithAdmin,
	signedInRequest,
	type MemberActorName,
	type TestActor
} from './support/actors';
import { cardIdOf, columnIdsOf, rawCommand } from './support/boards';
import { queryDatabase, writeDatabase } from './support/database';
import { createDocument, documentStored } from './support/documents';
import { expect, openPage, pageWithState, test } from './support/fixtures';
import { pandocMarkdown } from './support/pandoc';
import {
	boardIdsOf,
	cookieHeader,
	joinAsParticipant,
	seededEventSlug as slug
} from './support/participants';
import { startServer, type AppServer } from './support/server';
import { templateActors } from './support/template';
import { connectDocument, sessionCookie } from './support/yjs-client';

const folder = mkdtempSync(path.join(tmpdir(), 'provenance-spec-'));
const results = `/konferenzen/${slug}/ergebnisse`;

let server: AppServer;
let admin: APIRequestContext;
let actors: Record<MemberActorName, TestActor>;

test.beforeAll(async () => {
	server = await startServer({ env: serverEnvWithAdmin, fromTemplate: true });
	admin = await signedInRequest(server.url, adminCredentials.email, adminCredentials.password);
	actors = await templateActors(server.url);
});
test.afterAll(async () => {
	await Promise.all(Object.values(actors).map((actor) => actor.request.dispose()));
	await admin.dispose();
	await server.dispose();
});

async function send(boardId: string, cookie: string, command: object) {
	expect(
		await rawCommand(server.url, boardId, cookie, command),
		JSON.stringify(command)
	).toMatchObject({ type: 'done' });
}

/** A Leitbild of the test's own: section 1 "Ziele" with two passages whose block ids are known,
 * written by a Yjs client as the editor writes it. */
async function leitbild(title: string) {
	const { id, slug: documentSlug } = await createDocument(server, actors.editor, title);
	writeDatabase(server.dataDir, "update document set kind = 'leitbild' where id = ?", id);
	const ids = [crypto.randomUUID(), crypto.randomUUID()];
	const block = (type: string, words: string, blockId = crypto.randomUUID()) => {
		const element = new Y.XmlElement(type);
		element.setAttribute('id', blockId);
		element.insert(0, [new Y.XmlText(words)]);
		return element;
	};
	const heading = block('heading', 'Ziele');
	heading.setAttribute('level', 2 as unknown as string);
	const client = connectDocument(server.url, id, await sessionCookie(actors.editor.request));
	await client.synced;
	client.ydoc
		.getXmlFragment('default')
		.push([
			heading,
			block('paragraph', 'Wir bauen Bürokratie ab.', ids[0]),
			block('paragraph', 'Wir laden zum Runden Tisch ein.', ids[1])
		]);
	await documentStored(server.dataDir, id);
	client.destroy();
	return { id, slug: documentSlug, passages: ids };
}

/** An editor links a passage to a card, as the editor's link button does; returns the link's id. */
async function link(
	document: { id: string; slug: string },
	blockId: string,
	cardId: string
): Promise<number> {
	const response = await postForm(
		actors.editor.request,
		server.url,
		`/dokumente/${document.slug}?/linkSource`,
		{ blockId, kind: 'card', cardId }
	);
	expect(response.status(), 'verknüpfen').toBe(200);
	return queryDatabase<{ id: number }>(
		server.dataDir,
		'select id from passage_source where document_id = ? and card_id = ? and removed_at is null',
		document.id,
		cardId
	)[0].id;
}

async function unlink(document: { slug: string }, linkId: number) {
	const response = await postForm(
		actors.editor.request,
		server.url,
		`/dokumente/${document.slug}?/unlinkSource`,
		{ linkId: String(linkId) }
	);
	expect(response.status(), 'lösen').toBe(200);
}

const overall = (page: Page) => page.getByTestId('coverage-overall');

async function download(path: string): Promise<Buffer> {
	const response = await actors.viewer.request.get(path);
	expect(response.status(), path).toBe(200);
	return response.body();
}

/** Each format read with the program its readers use, as plain words. */
async function annexWords(documentSlug: string, query: string) {
	const base = `/dokumente/${documentSlug}/export`;
	const flat = (text: string) => text.replace(/\s+/g, ' ');
	const pandoc = (from: string, body: Buffer) =>
		flat(
			execFileSync('pandoc', ['-f', from, '-t', 'plain', '--wrap=none'], {
				input: body,
				encoding: 'utf8'
			})
		);
	const pdfFile = path.join(folder, `${documentSlug}-${query.replace(/\W/g, '')}.pdf`);
	writeFileSync(pdfFile, await download(`${base}/pdf?${query}`));
	expect(execFileSync('qpdf', ['--check', pdfFile]).toString()).toContain(
		'No syntax or stream encoding errors found'
	);
	return {
		docx: flat(pandocMarkdown(await download(`${base}/docx?${query}`))),
		pdf: flat(execFileSync('pdftotext', [pdfFile, '-']).toString()),
		html: pandoc('html', await download(`${base}/html?${query}`)),
		md: pandoc('markdown', await download(`${base}/md?${query}`))
	};
}

test('cards taken up in the text: results page, coverage, versions, exports, comparison, public page', async ({
	browser
}) => {
	test.setTimeout(180_000);
	const boardId = boardIdsOf(server.dataDir, slug)[0];
	const [firstColumn] = columnIdsOf(server.dataDir, boardId);
	const adminCookie = await cookieHeader(admin);
	const people: { request: APIRequestContext; cookie: string }[] = [];
	for (const displayName of ['Kim Kärtchen', '', '', '']) {
		const request = await joinAsParticipant(server.url, server.dataDir, slug, { displayName });
		people.push({ request, cookie: await cookieHeader(request) });
	}
	const [kim, ali, eva, tom] = people;
	const cards = {
		bureaucracy: 'Bürokratie abbauen',
		roundTable: 'Runder Tisch in jeder Kommune',
		courses: 'Mehr Sprachkurse'
	};
	await send(boardId, kim.cookie, {
		type: 'addCard',
		columnId: firstColumn,
		text: cards.bureaucracy
	});
	await send(boardId, ali.cookie, {
		type: 'addCard',
		columnId: firstColumn,
		text: cards.roundTable
	});
	await send(boardId, eva.cookie, { type: 'addCard', columnId: firstColumn, text: cards.courses });
	const id = Object.fromEntries(
		Object.entries(cards).map(([key, text]) => [key, cardIdOf(server.dataDir, boardId, text)])
	) as Record<keyof typeof cards, string>;
	await send(boardId, adminCookie, { type: 'startVoting', dots: 3, hidden: false });
	for (const [who, cardId] of [
		[kim, id.bureaucracy],
		[ali, id.bureaucracy],
		[eva, id.bureaucracy],
		[ali, id.roundTable],
		[eva, id.roundTable],
		[tom, id.roundTable],
		[tom, id.courses]
	] as const) {
		await send(boardId, who.cookie, { type: 'vote', cardId });
	}

	const doc = await leitbild('Leitbild mit Herkunft');
	const staff = await pageWithState(browser, admin, server.url);
	const { page } = staff;
	try {
		await page.setViewportSize({ width: 1280, height: 900 });
		await openPage(page, results);
		await expect(overall(page)).toContainText(
			'Keine der 2 Karten mit mindestens 3 Punkten ist im Text aufgegriffen.'
		);

		// Linked: the card says where it went, the count goes up, the rest is the other card. The
		// card with one dot is linked too; it counts only below the threshold.
		const bureaucracyLink = await link(doc, doc.passages[0], id.bureaucracy);
		await link(doc, doc.passages[0], id.courses);
		await openPage(page, results);
		await expect(overall(page)).toContainText(
			'1 von 2 Karten mit mindestens 3 Punkten ist im Text aufgegriffen.'
		);
		const board = page.getByRole('region', { name: /^AG 1/ });
		const taken = board.locator('ol.cards > li').filter({ hasText: cards.bureaucracy });
		await expect(taken).toContainText('aufgegriffen in Leitbild 1.1');
		await expect(taken.getByRole('link', { name: 'Leitbild 1.1' })).toHaveAttribute(
			'href',
			`/dokumente/${doc.slug}?abschnitt=${doc.passages[0]}`
		);
		await expect(board.getByTestId('coverage-board')).toHaveText(
			'1 von 2 Karten mit mindestens 3 Punkten ist im Text aufgegriffen.'
		);
		const rest = board.getByRole('list', { name: 'Noch nicht im Text' });
		await expect(rest).toContainText(cards.roundTable);
		await expect(rest).not.toContainText(cards.bureaucracy);
		await expectNoAxeViolations(page);
		await page.screenshot({ path: test.info().outputPath('results-desktop.png'), fullPage: true });

		// The threshold, by keyboard: every card with at least one dot counts now.
		await page.getByLabel('Karten zählen ab wie vielen Punkten?').fill('1');
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(/mindestens=1$/);
		await expect(overall(page)).toContainText(
			'2 von 3 Karten mit mindestens 1 Punkt sind im Text aufgegriffen.'
		);
		await expect(rest).toContainText(cards.roundTable);
		await expect(rest).not.toContainText(cards.courses);
		await page.setViewportSize({ width: 375, height: 800 });
		await page.screenshot({ path: test.info().outputPath('results-phone.png'), fullPage: true });
		await page.setViewportSize({ width: 1280, height: 900 });

		// Frozen with its link; then unlinked: the count is back, the version keeps the link.
		const frozen = await postForm(
			actors.editor.request,
			server.url,
			`/dokumente/${doc.slug}/fassungen?/freeze`,
			{ name: 'Mit Herkunft' }
		);
		expect(frozen.status()).toBe(200);
		// The version's export menu offers each format with the annex.
		await openPage(page, `/dokumente/${doc.slug}/fassungen/1`);
		await page.getByText('Exportieren').click();
		const withAnnex = page.getByRole('list', { name: 'Mit Anhang „Herkunft der Abschnitte“' });
		await expect(withAnnex.getByRole('link')).toHaveCount(5);
		await expect(
			withAnnex.getByRole('link', { name: 'Word-Datei mit Herkunft (.docx)' })
		).toHaveAttribute('href', `/dokumente/${doc.slug}/export/docx?fassung=1&herkunft=1`);
		await unlink(doc, bureaucracyLink);
		await openPage(page, results);
		await expect(overall(page)).toContainText(
			'Keine der 2 Karten mit mindestens 3 Punkten ist im Text aufgegriffen.'
		);
		await expect(taken).not.toContainText('aufgegriffen in');

		// Each export of the version carries the annex with the frozen sources, without names;
		// the current text's annex no longer has the unlinked one.
		const annexed = await annexWords(doc.slug, 'fassung=1&herkunft=1');
		for (const [format, words] of Object.entries(annexed)) {
			expect(words, format).toContain('Herkunft der Abschnitte');
			expect(words, format).toContain('Abschnitt 1.1');
			expect(words, format).toContain(
				`Karte „${cards.bureaucracy}“ – Zukunftskonferenz Kreis Unna: Chancengerechtigkeit gemeinsam ausbauen!, AG 1: Verankerung in den Kommunen`
			);
			expect(words, format).toContain('3 Punkte');
			expect(words, format).not.toContain('Kim');
		}
		const current = await annexWords(doc.slug, 'herkunft=1');
		for (const [format, words] of Object.entries(current)) {
			expect(words, format).toContain(`Karte „${cards.courses}“`);
			expect(words, format).not.toContain(cards.bureaucracy);
		}
		// Without the option, no annex.
		const plain = await download(`/dokumente/${doc.slug}/export/md?fassung=1`);
		expect(plain.toString()).not.toContain('Herkunft der Abschnitte');

		// The comparison of the version with the text now: one source gone, one added.
		await link(doc, doc.passages[1], id.roundTable);
		await openPage(page, `/dokumente/${doc.slug}/vergleich?von=1&bis=aktuell`);
		const sources = page.getByRole('region', { name: 'Quellen aus Konferenzen' });
		await expect(sources.getByRole('listitem').filter({ hasText: 'Abschnitt 1.2' })).toContainText(
			`hinzugekommen: Karte „${cards.roundTable}“`
		);
		await expect(sources.getByRole('listitem').filter({ hasText: 'Abschnitt 1.1' })).toContainText(
			`entfernt: Karte „${cards.bureaucracy}“`
		);
		// The words are the same; the summary says that only the sources changed.
		await expect(page.getByTestId('change-count')).toContainText(
			'Geändert haben sich nur die Quellen aus Konferenzen'
		);
		await page.screenshot({ path: test.info().outputPath('comparison.png'), fullPage: true });

		// Public: published, sources shown, Kamen adopted version 1. The card with three people
		// behind it is named, the one with one dot only counted; nobody's name appears.
		const [version] = queryDatabase<{ id: string }>(
			server.dataDir,
			'select id from document_version where document_id = ? and number = 1',
			doc.id
		);
		const [document] = queryDatabase<{ id: string }>(
			server.dataDir,
			'select id from document where slug = ?',
			doc.slug
		);
		expect(
			(
				await postForm(admin, server.url, '/beschluesse?/showSources', { documentId: document.id })
			).status(),
			'nicht öffentlich: Quellen können nicht gezeigt werden'
		).toBe(409);
		expect(
			(
				await postForm(admin, server.url, '/beschluesse?/publish', { documentId: document.id })
			).status()
		).toBe(200);
		const anonymous = await playwrightRequest.newContext({ baseURL: server.url });
		const publicPage = `/transparenz/${doc.slug}`;
		const published = await anonymous.get(publicPage);
		expect(published.status()).toBe(200);
		expect(await published.text()).not.toContain('Herkunft der Abschnitte');
		expect(
			(
				await postForm(admin, server.url, '/beschluesse?/showSources', { documentId: document.id })
			).status()
		).toBe(200);
		expect(
			(
				await postForm(admin, server.url, `/beschluesse/${doc.slug}/kamen?/record`, {
					versionId: version.id,
					decidedOn: '2026-02-01',
					stage: 'beschlossen',
					bodyName: 'Rat',
					paperNumber: 'DS 1'
				})
			).status()
		).toBe(200);
		const visitor = await browser.newContext({ baseURL: server.url });
		const visitorPage = await visitor.newPage();
		try {
			await openPage(visitorPage, publicPage);
			const shown = visitorPage.getByRole('region', { name: 'Herkunft der Abschnitte' });
			await expect(shown).toContainText('Abschnitte von Fassung 1');
			await expect(shown).toContainText('Abschnitt 1.1');
			await expect(shown).toContainText(`Karte „${cards.bureaucracy}“`);
			await expect(shown).toContainText('1 weitere Quelle mit weniger als 3 Personen');
			await expect(shown).not.toContainText(cards.courses);
			await expect(shown).not.toContainText('Kim');
			await expectNoAxeViolations(visitorPage);
			await shown.screenshot({ path: test.info().outputPath('public-desktop.png') });
			await visitorPage.setViewportSize({ width: 375, height: 800 });
			await shown.screenshot({ path: test.info().outputPath('public-phone.png') });
		} finally {
			await visitor.close();
			await anonymous.dispose();
		}
	} finally {
		await staff.close();
		for (const person of people) await person.request.dispose();
	}
});
