// Working-group boards: participants on their phones write cards, move them by keyboard and vote;
// the moderator locks the board; the server refuses what the rules do not allow.
import { expectNoAxeViolations } from './support/axe';
import type { Browser, Page } from '@playwright/test';
import { postForm } from './support/actors';
import { rawCommand } from './support/boards';
import { queryDatabase } from './support/database';
import { expect, openPage, pageAs, pageWithState, test } from './support/fixtures';
import { allowRefusedPage } from './support/browser-errors';
import { boardIdsOf, cookieHeader, joinAsParticipant } from './support/participants';
import { asCsvField, readCsv, readXlsx } from './support/spreadsheets';

const slug = 'zukunftskonferenz';

async function participantPage(browser: Browser, baseURL: string, dataDir: string, name: string) {
	const request = await joinAsParticipant(baseURL, dataDir, slug, { displayName: name, group: 1 });
	const session = await pageWithState(browser, request, baseURL);
	await session.page.setViewportSize({ width: 390, height: 844 });
	return { ...session, request };
}

async function openBoard(page: Page, path: string) {
	await openPage(page, path);
	await expect(page.getByText('Verbunden', { exact: true })).toBeVisible();
}

function column(page: Page, title: string) {
	return page.getByRole('region', { name: new RegExp(`^${title}`) });
}

test('two participants write, move by keyboard and vote live; the lock stops them', async ({
	browser,
	actors,
	baseURL,
	server
}) => {
	// Three people, a vote, a lock and two accessibility scans: longer than most tests.
	test.setTimeout(90_000);
	const boardId = boardIdsOf(server.dataDir, slug)[1];
	const moderator = await pageAs(browser, actors.editor, baseURL!);
	await openBoard(moderator.page, `/konferenzen/${slug}/pinnwand/${boardId}`);
	await expect(moderator.page.getByRole('heading', { level: 1 })).toHaveText(
		'AG 2: Strukturen vor Ort'
	);

	const kim = await participantPage(browser, baseURL!, server.dataDir, 'Kim');
	const lou = await participantPage(browser, baseURL!, server.dataDir, '');
	for (const person of [kim, lou]) {
		await openPage(person.page, `/teilnahme/${slug}`);
		await person.page.getByRole('link', { name: /Pinnwand AG 2.*\(Ihre Gruppe\)/ }).click();
		await expect(person.page.getByText('Verbunden', { exact: true })).toBeVisible();
	}

	await kim.page
		.getByLabel('Neue Karte in „Schon geschafft“')
		.fill('Sozialbericht 2024 erschienen');
	await kim.page.getByRole('button', { name: 'Karte anheften' }).first().click();
	await lou.page.getByLabel('Neue Karte in „Dringend nötig“').fill('<b>Mehr</b> Beteiligung');
	await column(lou.page, 'Dringend nötig').getByRole('button', { name: 'Karte anheften' }).click();

	// Each sees the other's card at once, as text.
	await expect(column(lou.page, 'Schon geschafft')).toContainText('Sozialbericht 2024 erschienen');
	await expect(column(lou.page, 'Schon geschafft')).toContainText('Kim');
	await expect(column(kim.page, 'Dringend nötig')).toContainText('<b>Mehr</b> Beteiligung');
	await expect(column(kim.page, 'Dringend nötig')).toContainText('anonym');
	await expect(moderator.page.getByText('3 Personen auf der Pinnwand')).toBeVisible();

	// Kim moves her card with the keyboard only: the actions menu, then "Verschieben nach …".
	const card = column(kim.page, 'Schon geschafft').getByRole('listitem').first();
	await card.getByText('Aktionen').focus();
	await kim.page.keyboard.press('Enter');
	await card.getByLabel('Verschieben nach …').focus();
	await card.getByLabel('Verschieben nach …').selectOption({ label: 'Nächste Schritte' });
	await card.getByRole('button', { name: 'Verschieben', exact: true }).focus();
	await kim.page.keyboard.press('Enter');
	await expect(column(lou.page, 'Nächste Schritte')).toContainText('Sozialbericht 2024 erschienen');
	await expect(column(moderator.page, 'Schon geschafft')).not.toContainText('Sozialbericht');
	// Lou may not change Kim's card: no actions for it.
	await expect(
		column(lou.page, 'Nächste Schritte')
			.getByRole('group')
			.or(column(lou.page, 'Nächste Schritte').getByText('Aktionen'))
	).toHaveCount(0);

	// Dot voting: two dots each; counts arrive live.
	await moderator.page.getByLabel('Punkte je Person').fill('2');
	await moderator.page.getByRole('button', { name: 'Abstimmung starten' }).click();
	await expect(kim.page.getByText('Abstimmung: noch 2 von 2 Punkten')).toBeVisible();
	await kim.page.getByRole('button', { name: 'Punkt geben: <b>Mehr</b> Beteiligung' }).click();
	await kim.page.getByRole('button', { name: 'Punkt geben: <b>Mehr</b> Beteiligung' }).click();
	await expect(kim.page.getByText('Abstimmung: noch 0 von 2 Punkten')).toBeVisible();
	await expect(
		kim.page.getByRole('button', { name: 'Punkt geben: Sozialbericht 2024 erschienen' })
	).toBeDisabled();
	await lou.page
		.getByRole('button', { name: 'Punkt geben: Sozialbericht 2024 erschienen' })
		.click();
	await expect(column(lou.page, 'Dringend nötig').getByLabel('2 Punkte')).toBeVisible();
	await expect(column(kim.page, 'Nächste Schritte').getByLabel('1 Punkt')).toBeVisible();

	// The server holds the limit whatever a client sends.
	const kimCookies = await cookieHeader(kim.request);
	const cards = queryDatabase<{ id: string; text: string }>(
		server.dataDir,
		'select id, text from card where board_id = ?',
		boardId
	);
	const sozial = cards.find((c) => c.text.startsWith('Sozialbericht'))!;
	const beyond = await rawCommand(baseURL!, boardId, kimCookies, {
		type: 'vote',
		cardId: sozial.id
	});
	expect(beyond).toMatchObject({ type: 'refused', message: 'Sie haben alle 2 Punkte vergeben.' });

	// Locked: the UI says so and the server refuses a participant's command sent directly.
	await moderator.page.getByRole('button', { name: 'Pinnwand sperren' }).click();
	await expect(
		lou.page.getByRole('status').filter({ hasText: 'Sie können lesen, aber gerade nichts ändern.' })
	).toBeVisible();
	await expect(lou.page.getByRole('button', { name: 'Karte anheften' })).toHaveCount(0);
	const before = queryDatabase(
		server.dataDir,
		'select id, text, column_id from card where board_id = ? order by id',
		boardId
	);
	const refused = await rawCommand(baseURL!, boardId, kimCookies, {
		type: 'addCard',
		columnId: queryDatabase<{ id: string }>(
			server.dataDir,
			'select id from board_column where board_id = ?',
			boardId
		)[0].id,
		text: 'trotzdem'
	});
	expect(refused).toMatchObject({ type: 'refused', message: expect.stringContaining('gesperrt') });
	const edit = await rawCommand(baseURL!, boardId, kimCookies, {
		type: 'editCard',
		cardId: sozial.id,
		text: 'geändert'
	});
	expect(edit).toMatchObject({ type: 'refused' });
	expect(
		queryDatabase(
			server.dataDir,
			'select id, text, column_id from card where board_id = ? order by id',
			boardId
		)
	).toEqual(before);
	// A participant cannot unlock it either.
	expect(
		await rawCommand(baseURL!, boardId, kimCookies, { type: 'lock', locked: false })
	).toMatchObject({
		type: 'refused',
		message: 'Das darf nur die Moderation.'
	});

	await expectNoAxeViolations(moderator.page);
	await expectNoAxeViolations(lou.page);

	// The documentation lists the cards by dots, from what is stored.
	const markdown = await actors.editor.request.get(`/konferenzen/${slug}/ergebnisse/md`);
	expect(markdown.headers()['content-type']).toContain('text/markdown');
	const text = await markdown.text();
	const section = text.slice(text.indexOf('### AG 2'), text.indexOf('### AG 3'));
	expect(section).toContain('\\<b>Mehr\\</b> Beteiligung (2 Punkte)');
	expect(section).toContain('Sozialbericht 2024 erschienen (1 Punkt)');
	expect(section.indexOf('#### Nächste Schritte')).toBeLessThan(section.indexOf('Sozialbericht'));
	const word = await actors.editor.request.get(`/konferenzen/${slug}/ergebnisse/docx`);
	expect(word.headers()['content-type']).toContain('wordprocessingml');
	expect((await word.body()).subarray(0, 2).toString()).toBe('PK');
	// The table as a workbook: the same rows as the CSV, the dots as numbers.
	const workbook = await actors.editor.request.get(`/konferenzen/${slug}/ergebnisse/xlsx`);
	expect(workbook.headers()['content-type']).toContain('spreadsheetml');
	const sheet = await readXlsx(await workbook.body());
	expect(sheet).toMatchObject({ name: 'Ergebnisse', boldHeader: true, frozenRows: 1 });
	const csv = await (await actors.editor.request.get(`/konferenzen/${slug}/ergebnisse/csv`)).text();
	expect(sheet.rows.map((row) => row.map((cell) => asCsvField(cell, false)))).toEqual(readCsv(csv));
	const dotted = sheet.rows.find((row) => row[3].value === '<b>Mehr</b> Beteiligung')!;
	expect(dotted[5]).toEqual({ value: 2, type: 'number' });
	await openPage(moderator.page, `/konferenzen/${slug}/ergebnisse`);
	await expect(
		moderator.page.getByRole('region', { name: 'AG 2: Strukturen vor Ort' })
	).toContainText('<b>Mehr</b> Beteiligung 2 Punkte');
	await openBoard(moderator.page, `/konferenzen/${slug}/pinnwand/${boardId}`);

	await moderator.page.getByRole('button', { name: 'Pinnwand entsperren' }).click();
	await moderator.page.getByRole('button', { name: 'Abstimmung beenden' }).click();
	for (const session of [kim, lou, moderator]) await session.close();
	await kim.request.dispose();
	await lou.request.dispose();
});

test('a participant of another event reaches neither the board page nor its socket', async ({
	browser,
	actors,
	baseURL,
	server,
	browserErrors
}) => {
	const created = await postForm(actors.editor.request, baseURL!, '/konferenzen/neu', {
		title: 'Fremde Konferenz',
		date: '2026-07-07',
		groupTitle: 'AG Fremd'
	});
	expect(created.status()).toBe(303);
	const stranger = await joinAsParticipant(baseURL!, server.dataDir, 'fremde-konferenz');
	const boardId = boardIdsOf(server.dataDir, slug)[0];
	const session = await pageWithState(browser, stranger, baseURL!);
	const response = await session.page.goto(`/teilnahme/${slug}/pinnwand/${boardId}`);
	allowRefusedPage(browserErrors, response);
	expect(response?.status()).toBe(403);
	// Their own event's URL with this board: not a board of that event.
	const mixed = await session.page.goto(`/teilnahme/fremde-konferenz/pinnwand/${boardId}`);
	allowRefusedPage(browserErrors, mixed);
	expect(mixed?.status()).toBe(404);
	const socket = await rawCommand(baseURL!, boardId, await cookieHeader(stranger), {
		type: 'lock',
		locked: true
	});
	expect(socket).toEqual({ closed: 401 });
	await session.close();
	await stranger.dispose();
});

test('a moderator drags a card to another column', async ({ browser, actors, baseURL, server }) => {
	const boardId = boardIdsOf(server.dataDir, slug)[2];
	const moderator = await pageAs(browser, actors.editor, baseURL!);
	await openBoard(moderator.page, `/konferenzen/${slug}/pinnwand/${boardId}`);
	await moderator.page.getByLabel('Neue Karte in „Schon geschafft“').fill('Zum Ziehen');
	await column(moderator.page, 'Schon geschafft')
		.getByRole('button', { name: 'Karte anheften' })
		.click();
	const card = column(moderator.page, 'Schon geschafft')
		.getByRole('listitem')
		.filter({ hasText: 'Zum Ziehen' });
	await expect(card).toBeVisible();
	await card.dragTo(column(moderator.page, 'Nächste Schritte'));
	await expect(column(moderator.page, 'Nächste Schritte')).toContainText('Zum Ziehen');
	await expect(column(moderator.page, 'Schon geschafft')).not.toContainText('Zum Ziehen');
	await moderator.close();
});

test('cards and column names with control or direction characters are refused, nothing is stored', async ({
	browser,
	actors,
	baseURL,
	server
}) => {
	const boardId = boardIdsOf(server.dataDir, slug)[1];
	const [firstColumn] = queryDatabase<{ id: string }>(
		server.dataDir,
		'select id from board_column where board_id = ? order by sort_order',
		boardId
	);
	const snapshot = () => ({
		cards: queryDatabase(
			server.dataDir,
			'select id, text from card where board_id = ? order by id',
			boardId
		),
		columns: queryDatabase(
			server.dataDir,
			'select id, title from board_column where board_id = ? order by id',
			boardId
		)
	});
	const writer = await joinAsParticipant(baseURL!, server.dataDir, slug, { group: 1 });
	const participant = await cookieHeader(writer);
	const moderator = await cookieHeader(actors.editor.request);
	const own = await rawCommand(baseURL!, boardId, participant, {
		type: 'addCard',
		columnId: firstColumn.id,
		text: 'Mehr Bänke\nمساحات خضراء أكثر 🙂'
	});
	expect(own).toMatchObject({ type: 'done' });
	const before = snapshot();
	const ownCard = (before.cards as { id: string; text: string }[]).find(
		(card) => card.text === 'Mehr Bänke\nمساحات خضراء أكثر 🙂'
	);
	expect(ownCard, 'Die gültige Karte mit Zeilenumbruch ist gespeichert').toBeDefined();

	const hostile: Record<string, string> = {
		NUL: '\u0000',
		BEL: '\u0007',
		'U+202E RLO': '\u202e',
		'U+2066 LRI': '\u2066',
		'U+2069 PDI': '\u2069',
		'einzelnes Surrogat': '\ud800',
		'U+FFFF': '\uffff'
	};
	const refusals: Record<string, unknown> = {};
	for (const [name, character] of Object.entries(hostile)) {
		refusals[`addCard ${name}`] = await rawCommand(baseURL!, boardId, participant, {
			type: 'addCard',
			columnId: firstColumn.id,
			text: `Mehr${character}Bänke`
		});
		refusals[`editCard ${name}`] = await rawCommand(baseURL!, boardId, participant, {
			type: 'editCard',
			cardId: ownCard!.id,
			text: `Mehr${character}Bänke`
		});
		refusals[`addColumn ${name}`] = await rawCommand(baseURL!, boardId, moderator, {
			type: 'addColumn',
			title: `Ideen${character}`
		});
		refusals[`renameColumn ${name}`] = await rawCommand(baseURL!, boardId, moderator, {
			type: 'renameColumn',
			columnId: firstColumn.id,
			title: `Ideen${character}`
		});
	}
	for (const [what, answer] of Object.entries(refusals)) {
		expect(answer, what).toMatchObject({
			type: 'refused',
			message: what.includes('Column')
				? 'Bitte geben Sie den Spaltennamen ohne Steuerzeichen an.'
				: 'Bitte schreiben Sie die Karte ohne Steuerzeichen.'
		});
	}
	expect(snapshot()).toEqual(before);

	// The phone says why, in German, and keeps the text for correcting.
	const phone = await participantPage(browser, baseURL!, server.dataDir, 'Rana');
	await openBoard(phone.page, `/teilnahme/${slug}/pinnwand/${boardId}`);
	const field = phone.page.getByLabel('Neue Karte in „Schon geschafft“');
	await field.fill('Umgekehrt \u202eetxeT');
	await column(phone.page, 'Schon geschafft')
		.getByRole('button', { name: 'Karte anheften' })
		.click();
	await expect(
		phone.page.getByText('Bitte schreiben Sie die Karte ohne Steuerzeichen.')
	).toBeVisible();
	await expect(field).toHaveValue('Umgekehrt \u202eetxeT');
	expect(snapshot()).toEqual(before);
	await phone.close();
	await phone.request.dispose();
	await writer.dispose();
});
