// From the hall into the text: participants write and dot cards; an editor links them to passages
// of a document (with the mouse, by dragging, with the keyboard), a second editor sees each link
// at once in the margin ("2 Quellen"); unlinking is undone with "Rückgängig"; a card inserted as a
// passage is linked to it; everything is still there after a reload; readers see the sources and
// no participant's name unless it was written on the card.
import { expectNoAxeViolations } from './support/axe';
import type { APIRequestContext, Page } from '@playwright/test';
import * as Y from 'yjs';
import { rawCommand, columnIdsOf, cardIdOf } from './support/boards';
import { queryDatabase } from './support/database';
import { createDocument, documentStored } from './support/documents';
import { expect, openPage, pageAs, test } from './support/fixtures';
import {
	boardIdsOf,
	cookieHeader,
	joinAsParticipant,
	seededEventSlug
} from './support/participants';
import type { AppServer } from './support/server';
import type { TestActor } from './support/actors';
import { connectDocument, sessionCookie } from './support/yjs-client';

/** A section "Umsetzung" with two paragraphs (1.1 and 1.2), written as the editor writes. */
async function documentWithSection(server: AppServer, editor: TestActor, title: string) {
	const { id, slug } = await createDocument(server, editor, title);
	const block = (type: string, words: string) => {
		const element = new Y.XmlElement(type);
		element.setAttribute('id', crypto.randomUUID());
		element.insert(0, [new Y.XmlText(words)]);
		return element;
	};
	const heading = block('heading', 'Umsetzung');
	heading.setAttribute('level', 2 as unknown as string);
	const client = connectDocument(server.url, id, await sessionCookie(editor.request));
	await client.synced;
	client.ydoc
		.getXmlFragment('default')
		.push([
			heading,
			block('paragraph', 'Wir bauen Bürokratie ab.'),
			block('paragraph', 'Wir stärken die Netzwerke vor Ort.')
		]);
	await documentStored(server.dataDir, id);
	client.destroy();
	return { id, slug };
}

async function expectAccessible(page: Page) {
	await expectNoAxeViolations(page);
}

function activeLinks(server: AppServer, documentId: string) {
	return queryDatabase<{ block_id: string; card_id: string }>(
		server.dataDir,
		'select block_id, card_id from passage_source where document_id = ? and removed_at is null order by id',
		documentId
	);
}

/** The margin's button of a passage, e.g. "Abschnitt 1.1: 2 Quellen aus der Konferenz anzeigen". */
function sourcesOf(page: Page, number: string) {
	return page.getByRole('button', {
		name: new RegExp(`^Abschnitt ${number.replace('.', '\\.')}: \\d+ Quellen? aus der Konferenz`)
	});
}

async function openSourcesTab(page: Page) {
	await page.getByRole('button', { name: 'Aus der Konferenz', exact: true }).click();
	await expect(page.getByRole('heading', { name: 'Aus der Konferenz' })).toBeVisible();
}

function cardItem(page: Page, text: string) {
	return page.locator('[data-source-card]').filter({ hasText: text });
}

test('cards from the hall are linked to passages, live for a second editor, undone and inserted', async ({
	browser,
	actors,
	baseURL,
	server
}) => {
	test.setTimeout(120_000);
	const { id, slug } = await documentWithSection(server, actors.editor, 'Quellenprobe');
	const stamp = Date.now().toString(36);
	const texts = {
		bureaucracy: `Weniger Formulare ${stamp}`,
		network: `Runde Tische je Kommune ${stamp}`,
		kiosk: `Gesundheitskiosk mobil ${stamp}`,
		insert: `Beratung ohne Termin ${stamp}`
	};

	// Participants write and dot cards on the first working group's board.
	const boardId = boardIdsOf(server.dataDir, seededEventSlug)[0];
	const [firstColumn] = columnIdsOf(server.dataDir, boardId);
	const people: APIRequestContext[] = [];
	for (const name of ['Kim', '', '']) {
		people.push(
			await joinAsParticipant(baseURL!, server.dataDir, seededEventSlug, { displayName: name })
		);
	}
	const cookies = await Promise.all(people.map(cookieHeader));
	const write = async (who: number, text: string) =>
		expect(
			await rawCommand(baseURL!, boardId, cookies[who], {
				type: 'addCard',
				columnId: firstColumn,
				text
			})
		).toMatchObject({ type: 'done' });
	await write(1, texts.bureaucracy);
	await write(0, texts.network);
	await write(2, texts.kiosk);
	await write(1, texts.insert);
	const moderator = await cookieHeader(actors.editor.request);
	await rawCommand(baseURL!, boardId, moderator, { type: 'startVoting', dots: 3, hidden: false });
	const bureaucracyCard = cardIdOf(server.dataDir, boardId, texts.bureaucracy);
	for (const who of [0, 1, 2]) {
		expect(
			await rawCommand(baseURL!, boardId, cookies[who], { type: 'vote', cardId: bureaucracyCard })
		).toMatchObject({ type: 'done' });
	}

	const editor = await pageAs(browser, actors.editor, baseURL!);
	const second = await pageAs(browser, actors.admin, baseURL!);
	const viewer = await pageAs(browser, actors.viewer, baseURL!);
	try {
		for (const { page } of [editor, second]) {
			await page.setViewportSize({ width: 1280, height: 900 });
			await openPage(page, `/dokumente/${slug}`);
			await expect(page.getByRole('textbox', { name: /Text von/ })).toContainText('Netzwerke');
		}
		const page = editor.page;
		const text = page.getByRole('textbox', { name: /Text von/ });
		await openSourcesTab(page);
		// The hall's cards, most dots first, no name where none was given.
		await expect(cardItem(page, texts.bureaucracy)).toContainText('3 Punkte');
		await expect(cardItem(page, texts.bureaucracy)).not.toContainText('von ');
		await expect(cardItem(page, texts.network)).toContainText('von Kim');
		await page.getByLabel('Mindestens Punkte').fill('3');
		await expect(cardItem(page, texts.network)).toHaveCount(0);
		await expect(cardItem(page, texts.bureaucracy)).toBeVisible();
		await page.getByLabel('Mindestens Punkte').fill('0');

		// Mouse: the caret in passage 1.1, then the card's button.
		await text.getByText('Wir bauen Bürokratie ab.').click();
		await cardItem(page, texts.bureaucracy)
			.getByRole('button', { name: /^Mit Abschnitt verknüpfen 1\.1/ })
			.click();
		await expect(page.getByRole('status').filter({ hasText: 'verknüpft' })).toContainText(
			`Die Karte „${texts.bureaucracy}“ ist mit Abschnitt 1.1 verknüpft.`
		);
		await expect(sourcesOf(page, '1.1')).toHaveText(/1 Quelle/);
		// Live for the second editor, without a reload.
		await expect(sourcesOf(second.page, '1.1')).toHaveText(/1 Quelle/);

		// Keyboard: choose passage 1.2 from the list, then the card's button with Enter.
		const target = page.getByLabel('Verknüpfen mit Abschnitt');
		await target.focus();
		await target.selectOption({ label: '1.2 Wir stärken die Netzwerke vor Ort.' });
		const networkButton = cardItem(page, texts.network).getByRole('button', {
			name: /^Mit Abschnitt verknüpfen 1\.2/
		});
		await networkButton.focus();
		await page.keyboard.press('Enter');
		await expect(page.getByRole('status').filter({ hasText: 'verknüpft' })).toContainText(
			'ist mit Abschnitt 1.2 verknüpft.'
		);
		await expect(sourcesOf(second.page, '1.2')).toHaveText(/1 Quelle/);

		// Dragging a card onto passage 1.1; among the cards not yet taken up, so that the card and
		// the text are both in view. Once linked, it leaves that list.
		await page.setViewportSize({ width: 1280, height: 1400 });
		await page.getByLabel('nur noch nicht aufgegriffene').check();
		await expect(cardItem(page, texts.bureaucracy)).toHaveCount(0);
		// By hand rather than dragTo: a busy page may see the drop before a dragover, and an
		// editor that saw no dragover of ours refuses the drop. Two moves over the target give it one.
		const passage = text.getByText('Wir bauen Bürokratie ab.');
		// On the card's words, not on one of its buttons.
		await cardItem(page, texts.kiosk).hover({ position: { x: 30, y: 12 } });
		await page.mouse.down();
		await passage.hover();
		await passage.hover({ position: { x: 20, y: 5 } });
		await page.mouse.up();
		await expect(sourcesOf(page, '1.1')).toHaveText(/2 Quellen/);
		await expect(sourcesOf(second.page, '1.1')).toHaveText(/2 Quellen/);
		await expect(cardItem(page, texts.kiosk)).toHaveCount(0);
		await expect(cardItem(page, texts.insert)).toBeVisible();
		await page.getByLabel('nur noch nicht aufgegriffene').uncheck();
		await expect(cardItem(page, texts.kiosk)).toContainText('aufgegriffen in 1.1');

		// The margin: the cards with group, column and dots, and the way to the board.
		await page.setViewportSize({ width: 1280, height: 900 });
		await sourcesOf(page, '1.1').click();
		const dialog = page.getByRole('dialog', { name: /^Abschnitt 1\.1:/ });
		await expect(dialog).toHaveAccessibleName('Abschnitt 1.1: 2 Quellen aus der Konferenz');
		const bureaucracyEntry = dialog.getByRole('listitem').filter({ hasText: texts.bureaucracy });
		await expect(bureaucracyEntry).toContainText('Schon geschafft');
		await expect(bureaucracyEntry).toContainText('3 Punkte');
		await expect(
			bureaucracyEntry.getByRole('link', { name: 'Auf der Pinnwand ansehen' })
		).toHaveAttribute('href', new RegExp(`/pinnwand/${boardId}#karte-${bureaucracyCard}$`));
		await page.screenshot({ path: test.info().outputPath('quellen-dialog-desktop.png') });
		await expectAccessible(page);

		// Unlink, and undo it.
		await bureaucracyEntry.getByRole('button', { name: /^Verknüpfung lösen/ }).click();
		await expect(dialog.getByRole('status')).toContainText('ist gelöst');
		await expect(sourcesOf(second.page, '1.1')).toHaveText(/1 Quelle/);
		expect(activeLinks(server, id)).toHaveLength(2);
		await dialog.getByRole('button', { name: /^Rückgängig/ }).click();
		await expect(dialog.getByRole('status')).toContainText(
			'ist wieder mit Abschnitt 1.1 verknüpft'
		);
		await expect(sourcesOf(second.page, '1.1')).toHaveText(/2 Quellen/);
		await page.keyboard.press('Escape');

		// Insert a card as a new passage after 1.2: it becomes 1.3, linked to the card.
		await target.selectOption({ label: '1.2 Wir stärken die Netzwerke vor Ort.' });
		await cardItem(page, texts.insert)
			.getByRole('button', { name: /^Als Abschnitt einfügen/ })
			.click();
		await expect(page.getByRole('textbox', { name: /Text von/ })).toContainText(texts.insert);
		await expect(sourcesOf(page, '1.3')).toHaveText(/1 Quelle/);
		await expect(second.page.getByRole('textbox', { name: /Text von/ })).toContainText(
			texts.insert
		);
		await expect(sourcesOf(second.page, '1.3')).toHaveText(/1 Quelle/);
		await page.screenshot({
			path: test.info().outputPath('quellen-panel-desktop.png'),
			fullPage: true
		});
		await expectAccessible(page);
		expect(activeLinks(server, id).map((link) => link.card_id)).toEqual([
			bureaucracyCard,
			cardIdOf(server.dataDir, boardId, texts.network),
			cardIdOf(server.dataDir, boardId, texts.kiosk),
			cardIdOf(server.dataDir, boardId, texts.insert)
		]);

		// After a reload, everything is still there.
		await openPage(page, `/dokumente/${slug}`);
		await expect(sourcesOf(page, '1.1')).toHaveText(/2 Quellen/);
		await expect(sourcesOf(page, '1.2')).toHaveText(/1 Quelle/);
		await expect(sourcesOf(page, '1.3')).toHaveText(/1 Quelle/);

		// A viewer sees the sources, the names only where written on the card, and cannot unlink.
		await viewer.page.setViewportSize({ width: 375, height: 800 });
		await openPage(viewer.page, `/dokumente/${slug}`);
		await sourcesOf(viewer.page, '1.2').click();
		const seen = viewer.page.getByRole('dialog', { name: /Abschnitt 1\.2: 1 Quelle/ });
		await expect(seen).toContainText(texts.network);
		await expect(seen).toContainText('von Kim');
		await expect(seen.getByRole('button', { name: /Verknüpfung lösen/ })).toHaveCount(0);
		await viewer.page.screenshot({ path: test.info().outputPath('quellen-dialog-375.png') });
		await viewer.page.keyboard.press('Escape');
		await viewer.page.getByRole('button', { name: /Kommentare und Vorschläge anzeigen/ }).click();
		await openSourcesTab(viewer.page);
		await expect(
			cardItem(viewer.page, texts.bureaucracy).getByRole('button', { name: /verknüpfen/ })
		).toHaveCount(0);
		await viewer.page.screenshot({
			path: test.info().outputPath('quellen-panel-375.png'),
			fullPage: true
		});

		// The editor's panel on a phone, with its buttons: no wider than the phone.
		await page.setViewportSize({ width: 375, height: 800 });
		await openPage(page, `/dokumente/${slug}`);
		await page.getByRole('button', { name: /Kommentare und Vorschläge anzeigen/ }).click();
		await openSourcesTab(page);
		await expect(cardItem(page, texts.kiosk)).toContainText('aufgegriffen in 1.1');
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
			375
		);
		await page.screenshot({
			path: test.info().outputPath('quellen-panel-redaktion-375.png'),
			fullPage: true
		});

		// The way to the board in context: the card, marked and in view.
		await sourcesOf(viewer.page, '1.2').click();
		await seen.getByRole('link', { name: 'Auf der Pinnwand ansehen' }).click();
		const networkCard = viewer.page.locator(
			`#karte-${cardIdOf(server.dataDir, boardId, texts.network)}`
		);
		await expect(networkCard).toContainText(texts.network);
		await expect(networkCard).toBeInViewport();
	} finally {
		await editor.close();
		await second.close();
		await viewer.close();
		await Promise.all(people.map((person) => person.dispose()));
	}
});
