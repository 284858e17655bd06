// A conference day on the boards, with a server of its own (one test restarts it): stacking
// keeps every word on phones, the moderator's board, the projection, the results page and every
// export; hidden dots stay off the projection until the reveal; groups under three people stay
// hidden; what the moderation deletes asks first or can be undone, after a restart too, and is
// in the event's activity log.
import { expectNoAxeViolations } from './support/axe';
import JSZip from 'jszip';
import MarkdownIt from 'markdown-it';
import type { APIRequestContext, Browser, Page } from '@playwright/test';
import { adminCredentials, serverEnvWithAdmin, signedInRequest } from './support/actors';
import { cardIdOf, columnIdsOf, rawCommand } from './support/boards';
import { queryDatabase } from './support/database';
import { expect, openPage, pageWithState, test } from './support/fixtures';
import {
	boardIdsOf,
	cookieHeader,
	joinAsParticipant,
	seededEventSlug as slug
} from './support/participants';
import { startServer, type AppServer } from './support/server';

const phone = { width: 390, height: 844 };
const desktop = { width: 1280, height: 900 };

let server: AppServer;
let admin: APIRequestContext;

test.beforeAll(async () => {
	server = await startServer({ env: serverEnvWithAdmin });
	admin = await signedInRequest(server.url, adminCredentials.email, adminCredentials.password);
});
test.afterAll(async () => {
	await admin.dispose();
	await server.dispose();
});

async function expectNoViolations(page: Page) {
	await expectNoAxeViolations(page);
}

async function openAs(
	browser: Browser,
	request: APIRequestContext,
	path: string,
	viewport = desktop
) {
	const session = await pageWithState(browser, request, server.url);
	await session.page.setViewportSize(viewport);
	await openPage(session.page, path);
	return session;
}

async function openBoard(
	browser: Browser,
	request: APIRequestContext,
	path: string,
	viewport = desktop
) {
	const session = await openAs(browser, request, path, viewport);
	await expect(session.page.getByText('Verbunden', { exact: true })).toBeVisible();
	return session;
}

const column = (page: Page, title: string) =>
	page.getByRole('region', { name: new RegExp(`^${title}`) });

/** A card on its own or a stack: the outer list item whose own text is `text`. */
const cardOnBoard = (page: Page, text: string) =>
	page
		.locator('ul.cards > li')
		.filter({ has: page.locator(':scope > .card-text', { hasText: text }) });

async function join(options: Parameters<typeof joinAsParticipant>[3]) {
	const request = await joinAsParticipant(server.url, server.dataDir, slug, options);
	return { request, cookie: await cookieHeader(request) };
}

async function send(boardId: string, cookie: string, command: object) {
	expect(
		await rawCommand(server.url, boardId, cookie, command),
		JSON.stringify(command)
	).toMatchObject({
		type: 'done'
	});
}

interface ShownBoard {
	columns: { title: string; cards: { text: string; votes: string; stack: string[] }[] }[];
	breakdowns: { title: string; lines: string[] }[];
}

/** What the results page shows of one board. */
function resultsPageBoard(page: Page, title: string): Promise<ShownBoard> {
	return page.getByRole('region', { name: title }).evaluate((section) => {
		const text = (node: Element | null) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
		return {
			columns: [...section.querySelectorAll('.columns > div')].map((column) => ({
				title: text(column.querySelector('h3')),
				cards: [...column.querySelectorAll('ol.cards > li')].map((li) => ({
					text: text(li.querySelector(':scope > .text')),
					votes: text(li.querySelector(':scope > .votes')),
					stack: [...li.querySelectorAll('ul.stack > li')].map(text)
				}))
			})),
			breakdowns: [...section.querySelectorAll('figure.breakdown')].map((figure) => ({
				title: text(figure.querySelector('figcaption')),
				lines: [
					...[...figure.querySelectorAll('tr')].map(
						(row) => `${text(row.querySelector('th'))}: ${text(row.querySelector('.value'))}`
					),
					...[...figure.querySelectorAll('p')].map(text)
				]
			}))
		};
	});
}

/** The same board as a CommonMark reader renders the Markdown export. */
async function markdownBoard(
	browser: Browser,
	markdown: string,
	title: string
): Promise<ShownBoard> {
	const reader = await browser.newPage();
	await reader.setContent(new MarkdownIt('commonmark').render(markdown));
	const shown = await reader.evaluate((board) => {
		const text = (node: Element | null) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
		const found: ShownBoard = { columns: [], breakdowns: [] };
		const breakdownTitles = ['Punkte nach Kommune', 'Punkte nach Art der Organisation'];
		let inBoard = false;
		for (const element of document.body.children) {
			if (element.tagName === 'H3' || element.tagName === 'H2') {
				if (inBoard) break;
				inBoard = text(element) === board;
				continue;
			}
			if (!inBoard) continue;
			if (element.tagName === 'H4') {
				if (breakdownTitles.includes(text(element))) {
					found.breakdowns.push({ title: text(element), lines: [] });
				} else found.columns.push({ title: text(element), cards: [] });
				continue;
			}
			const breakdown = found.breakdowns.at(-1);
			if (breakdown) {
				if (element.tagName === 'UL') breakdown.lines.push(...[...element.children].map(text));
				else breakdown.lines.push(text(element));
				continue;
			}
			if (element.tagName !== 'UL') continue;
			for (const li of element.children) {
				const own = text(li.firstChild as Element);
				const [, cardText, votes] = /^(.*) \((\d+ Punkte?)\)$/.exec(own) ?? [];
				found.columns.at(-1)!.cards.push({
					text: cardText,
					votes,
					stack: [...li.querySelectorAll('ul > li')].map(text)
				});
			}
		}
		return found;
	}, title);
	await reader.close();
	return shown;
}

test('stacking keeps every word on phones, board, projection, results and exports; a card comes out by keyboard', async ({
	browser
}) => {
	test.setTimeout(150_000);
	const boardId = boardIdsOf(server.dataDir, slug)[0];
	const [firstColumn, secondColumn] = columnIdsOf(server.dataDir, boardId);
	const adminCookie = await cookieHeader(admin);
	// Three people of Kamen's administration, and one person of a Träger from Selm.
	const kim = await join({
		displayName: 'Kim',
		affiliation: 'kamen',
		organisationType: 'verwaltung'
	});
	const ali = await join({ affiliation: 'kamen', organisationType: 'verwaltung' });
	const eva = await join({ affiliation: 'kamen', organisationType: 'verwaltung' });
	const tom = await join({ displayName: 'Tom', affiliation: 'selm', organisationType: 'traeger' });
	const top = 'Kommunale Zusammenarbeit ausbauen!';
	const under = 'Interkommunal *zusammen*arbeiten: Chan!Ge-Prinzipien';
	const other = '<b>Mehr</b> Beteiligung';
	await send(boardId, kim.cookie, { type: 'addCard', columnId: firstColumn, text: top });
	await send(boardId, tom.cookie, { type: 'addCard', columnId: firstColumn, text: under });
	await send(boardId, ali.cookie, { type: 'addCard', columnId: secondColumn, text: other });
	const [topId, underId, otherId] = [top, under, other].map((t) =>
		cardIdOf(server.dataDir, boardId, t)
	);
	await send(boardId, adminCookie, { type: 'startVoting', dots: 3, hidden: false });
	// Kim dots both cards that will be one stack; Tom puts all three of his dots on the board.
	for (const [who, cardId] of [
		[kim, topId],
		[kim, underId],
		[ali, underId],
		[eva, otherId],
		[tom, topId],
		[tom, underId],
		[tom, otherId]
	] as const) {
		await send(boardId, who.cookie, { type: 'vote', cardId });
	}

	const moderator = await openBoard(browser, admin, `/konferenzen/${slug}/pinnwand/${boardId}`);
	const kimPhone = await openBoard(
		browser,
		kim.request,
		`/teilnahme/${slug}/pinnwand/${boardId}`,
		phone
	);
	const wall = await pageWithState(browser, admin, server.url);
	await wall.page.setViewportSize({ width: 1280, height: 720 });
	await openPage(wall.page, `/konferenzen/${slug}/pinnwand/${boardId}/projektion`);

	// The moderator lays Tom's card on Kim's: a stack, nothing deleted.
	const card = cardOnBoard(moderator.page, under);
	await card.getByText('Aktionen').click();
	await card.getByLabel('Stapeln auf …').selectOption({ label: top });
	await card.getByRole('button', { name: 'Stapeln', exact: true }).click();
	const stack = cardOnBoard(moderator.page, top);
	await expect(stack).toContainText('Im Stapel: 1 weitere Karte');
	await expect(stack.locator('.stacked')).toContainText(under);
	// Kim dotted both cards: she counts once. Kim, Ali and Tom: 3 dots, not 5.
	await expect(stack.getByLabel('3 Punkte')).toBeVisible();
	// What just happened can be undone at once; focus is on it, as the card left.
	const undo = moderator.page.getByRole('button', { name: 'Rückgängig', exact: true });
	await expect(undo).toBeFocused();
	await expect(moderator.page.getByRole('status').filter({ has: undo })).toContainText(
		'hat „Interkommunal *zusammen*arbeiten: Chan!Ge-Prinzipien“ auf „Kommunale Zusammenarbeit ausbauen!“ gestapelt.'
	);
	await expect(column(moderator.page, 'Schon geschafft').locator('ul.cards > li')).toHaveCount(1);

	// Kim's phone shows both texts in one stack, and says which of her dots does not count.
	const kimStack = cardOnBoard(kimPhone.page, top);
	await expect(kimStack.locator('.stacked')).toContainText(under);
	await expect(kimStack).toContainText(
		'Einer Ihrer Punkte liegt doppelt in diesem Stapel und zählt nicht.'
	);
	await expect(kimStack.getByRole('button', { name: `Punkt zurücknehmen: ${top}` })).toContainText(
		'2 von Ihnen'
	);
	// The wall shows every word of the stack and its count.
	const wallStack = wall.page.locator('li.card').filter({ hasText: top });
	await expect(wallStack).toContainText(under);
	await expect(wallStack).toContainText('3 Punkte');

	await expectNoViolations(moderator.page);
	await expectNoViolations(kimPhone.page);

	// The results page: the stack with all its words; Tom alone is no group of his own.
	const results = await openAs(browser, admin, `/konferenzen/${slug}/ergebnisse`);
	const boardTitle = 'AG 1: Verankerung in den Kommunen';
	const shown = await resultsPageBoard(results.page, boardTitle);
	expect(shown.columns[0].cards).toEqual([{ text: top, votes: '3 Punkte', stack: [under] }]);
	expect(shown.columns[1].cards).toEqual([{ text: other, votes: '2 Punkte', stack: [] }]);
	expect(shown.breakdowns.map((b) => b.lines.filter((line) => line.includes(':')))).toEqual([
		['Stadt Kamen: 3'],
		['Verwaltung: 3']
	]);
	await expect(results.page.getByRole('region', { name: boardTitle })).not.toContainText('Träger');
	await expectNoViolations(results.page);
	await results.page.setViewportSize(phone);
	await expectNoViolations(results.page);

	// The Markdown, read by a CommonMark parser, shows exactly what the page shows.
	const markdown = await (await admin.get(`/konferenzen/${slug}/ergebnisse/md`)).text();
	expect(markdown).not.toContain('\\!');
	expect(await markdownBoard(browser, markdown, boardTitle)).toEqual(shown);
	const csv = await (await admin.get(`/konferenzen/${slug}/ergebnisse/csv`)).text();
	expect(csv).toContain(`${boardTitle};Karte im Stapel;Schon geschafft;${under};Tom;;${top}\r\n`);
	expect(csv).toContain(`${boardTitle};Punkte nach Art der Organisation;;Verwaltung;;3;\r\n`);
	expect(csv).not.toContain('Träger');
	const zip = await JSZip.loadAsync(
		await (await admin.get(`/konferenzen/${slug}/ergebnisse/docx`)).body()
	);
	const word = await zip.file('word/document.xml')!.async('string');
	for (const text of [
		top,
		'Interkommunal *zusammen*arbeiten',
		'Punkte nach Art der Organisation'
	]) {
		expect(word).toContain(text);
	}
	expect(word).not.toContain('Träger');

	// By keyboard only, the moderator takes Tom's card out of the stack again.
	const takeOut = moderator.page.getByRole('button', { name: `Aus dem Stapel nehmen: ${under}` });
	await takeOut.focus();
	await moderator.page.keyboard.press('Enter');
	await expect(column(kimPhone.page, 'Schon geschafft').locator('ul.cards > li')).toHaveCount(2);
	await expect(cardOnBoard(kimPhone.page, under)).toBeVisible();
	await expect(kimPhone.page.getByText('liegt doppelt')).toHaveCount(0);
	expect(
		queryDatabase(server.dataDir, 'select stacked_on_id from card where id = ?', underId)
	).toEqual([{ stacked_on_id: null }]);

	for (const session of [moderator, kimPhone, wall, results]) await session.close();
	for (const person of [kim, ali, eva, tom]) await person.request.dispose();
});

test('hidden dots stay off the projection; the reveal shows them on the wall and the phone', async ({
	browser
}) => {
	test.setTimeout(90_000);
	const boardId = boardIdsOf(server.dataDir, slug)[1];
	const [firstColumn] = columnIdsOf(server.dataDir, boardId);
	const adminCookie = await cookieHeader(admin);
	const lou = await join({ group: 1 });
	const sam = await join({ group: 1 });
	await send(boardId, lou.cookie, { type: 'addCard', columnId: firstColumn, text: 'Verdeckt' });
	const cardId = cardIdOf(server.dataDir, boardId, 'Verdeckt');

	// Everything the wall receives, from its first frame.
	const wall = await pageWithState(browser, admin, server.url);
	const states: {
		board: {
			votesRevealed: boolean;
			columns: { cards: { text: string; votes: number | null }[] }[];
		};
	}[] = [];
	wall.page.on('websocket', (socket) =>
		socket.on('framereceived', (frame) => {
			const message = JSON.parse(String(frame.payload));
			if (message.type === 'state') states.push(message);
		})
	);
	await wall.page.setViewportSize({ width: 1280, height: 720 });
	await openPage(wall.page, `/konferenzen/${slug}/pinnwand/${boardId}/projektion`);
	await expect(wall.page.getByText('Verdeckt')).toBeVisible();
	const before = states.length;

	await send(boardId, adminCookie, { type: 'startVoting', dots: 2, hidden: true });
	await send(boardId, lou.cookie, { type: 'vote', cardId });
	await send(boardId, sam.cookie, { type: 'vote', cardId });
	// A card written after both dots: the wall's state that shows it was made after both were
	// stored (bursts of pushes are folded, so how many states arrive is not fixed). None of the
	// states since voting started has a count in it.
	await send(boardId, sam.cookie, { type: 'addCard', columnId: firstColumn, text: 'Danach' });
	await expect(wall.page.getByText('Danach')).toBeVisible();
	const hidden = states.slice(before).filter((state) => !state.board.votesRevealed);
	expect(
		hidden.some((state) =>
			state.board.columns.some((column) => column.cards.some((card) => card.text === 'Danach'))
		)
	).toBe(true);
	expect(
		hidden.flatMap((s) => s.board.columns.flatMap((c) => c.cards.map((card) => card.votes)))
	).toEqual(hidden.flatMap((s) => s.board.columns.flatMap((c) => c.cards.map(() => null))));
	await expect(wall.page.getByText(/Punkte?$/)).toHaveCount(0);

	// One reveal, and the wall and Lou's phone show the same count.
	const louPhone = await openBoard(
		browser,
		lou.request,
		`/teilnahme/${slug}/pinnwand/${boardId}`,
		phone
	);
	await expect(cardOnBoard(louPhone.page, 'Verdeckt').getByLabel('2 Punkte')).toHaveCount(0);
	const moderator = await openBoard(browser, admin, `/konferenzen/${slug}/pinnwand/${boardId}`);
	await moderator.page.getByRole('button', { name: 'Stände zeigen' }).first().click();
	await expect(wall.page.locator('li.card').filter({ hasText: 'Verdeckt' })).toContainText(
		'2 Punkte'
	);
	await expect(cardOnBoard(louPhone.page, 'Verdeckt').getByLabel('2 Punkte')).toBeVisible();

	for (const session of [wall, louPhone, moderator]) await session.close();
	for (const person of [lou, sam]) await person.request.dispose();
});

test('what the moderation deletes asks first or can be undone, after a restart too, and is logged', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const boardId = boardIdsOf(server.dataDir, slug)[2];
	const [firstColumn] = columnIdsOf(server.dataDir, boardId);
	const adminCookie = await cookieHeader(admin);
	const lou = await join({ displayName: 'Lou', group: 2 });
	await send(boardId, lou.cookie, { type: 'addCard', columnId: firstColumn, text: 'Zum Löschen' });
	await send(boardId, lou.cookie, { type: 'addCard', columnId: firstColumn, text: 'Bleibt' });
	const doomed = cardIdOf(server.dataDir, boardId, 'Zum Löschen');
	await send(boardId, adminCookie, { type: 'startVoting', dots: 2, hidden: false });
	await send(boardId, lou.cookie, { type: 'vote', cardId: doomed });
	await send(boardId, adminCookie, { type: 'addColumn', title: 'Leer' });
	const count = (sql: string) => queryDatabase<{ n: number }>(server.dataDir, sql, boardId)[0].n;
	const votes = () => count('select count(*) as n from vote where board_id = ?');

	const path = `/konferenzen/${slug}/pinnwand/${boardId}`;
	let moderator = await openBoard(browser, admin, path);
	const card = cardOnBoard(moderator.page, 'Zum Löschen');
	await card.getByText('Aktionen').click();
	await card.getByRole('button', { name: 'Löschen', exact: true }).click();
	await expect(
		moderator.page.getByRole('button', { name: 'Rückgängig', exact: true })
	).toBeFocused();
	expect(count("select count(*) as n from card where board_id = ? and text = 'Zum Löschen'")).toBe(
		0
	);
	expect(votes()).toBe(0);

	// The undo is stored, not held by the page: it works after the server was restarted.
	await moderator.close();
	await server.stop();
	await server.restart();
	moderator = await openBoard(browser, admin, path);
	const recent = moderator.page.getByRole('region', { name: 'Zuletzt in der Moderation' });
	await recent
		.getByRole('button', {
			name: /^Rückgängig: .* hat die Karte „Zum Löschen“ mit 1 Punkt gelöscht\.$/
		})
		.click();
	await expect(cardOnBoard(moderator.page, 'Zum Löschen').getByLabel('1 Punkt')).toBeVisible();
	expect(count("select count(*) as n from card where board_id = ? and text = 'Zum Löschen'")).toBe(
		1
	);
	expect(votes()).toBe(1);

	// Deleting a column asks first; "Abbrechen" keeps it.
	const columns = () => count('select count(*) as n from board_column where board_id = ?');
	moderator.page.once('dialog', (dialog) => dialog.dismiss());
	await moderator.page.getByRole('button', { name: 'Löschen: Leer' }).click();
	await expect(moderator.page.getByRole('button', { name: 'Löschen: Leer' })).toBeVisible();
	expect(columns()).toBe(4);
	let question = '';
	moderator.page.once('dialog', (dialog) => {
		question = dialog.message();
		return dialog.accept();
	});
	await moderator.page.getByRole('button', { name: 'Löschen: Leer' }).click();
	await expect(moderator.page.getByRole('button', { name: 'Löschen: Leer' })).toHaveCount(0);
	expect(question).toBe('Die Spalte „Leer“ löschen?');
	expect(columns()).toBe(3);

	// Deleting all dots asks first, then can be undone by keyboard from the undo bar.
	moderator.page.once('dialog', (dialog) => dialog.accept());
	await moderator.page.getByRole('button', { name: 'Alle Punkte löschen' }).click();
	const undo = moderator.page.getByRole('button', { name: 'Rückgängig', exact: true });
	await expect(undo).toBeFocused();
	expect(votes()).toBe(0);
	await moderator.page.keyboard.press('Enter');
	await expect(cardOnBoard(moderator.page, 'Zum Löschen').getByLabel('1 Punkt')).toBeVisible();
	expect(votes()).toBe(1);
	await expect(undo).toHaveCount(0);
	await expectNoViolations(moderator.page);

	// The event's log, for the moderation: who, what, when, and what was undone.
	const results = await openAs(browser, admin, `/konferenzen/${slug}/ergebnisse`);
	const log = results.page.getByRole('region', { name: 'Protokoll der Moderation' });
	// This board's entries; another test stacks cards on another board of the event.
	const entries = log.getByRole('listitem').filter({ hasText: 'AG 3:' });
	await expect(entries).toHaveCount(5);
	const name = queryDatabase<{ name: string }>(
		server.dataDir,
		'select name from user where email = ?',
		adminCredentials.email
	)[0].name;
	await expect(entries.nth(0)).toContainText(
		`${name} hat das Löschen aller Punkte rückgängig gemacht.`
	);
	await expect(entries.nth(1)).toContainText(`${name} hat alle Punkte gelöscht (1 Punkt).`);
	await expect(entries.nth(1)).toContainText('rückgängig gemacht');
	await expect(entries.nth(2)).toContainText(`${name} hat die Spalte „Leer“ gelöscht.`);
	await expect(entries.nth(3)).toContainText(
		'hat das Löschen der Karte „Zum Löschen“ rückgängig gemacht.'
	);
	await expect(entries.nth(4)).toContainText('hat die Karte „Zum Löschen“ mit 1 Punkt gelöscht.');
	await expectNoViolations(results.page);
	await results.page.setViewportSize(phone);
	await expectNoViolations(results.page);

	for (const session of [moderator, results]) await session.close();
	await lou.request.dispose();
});
