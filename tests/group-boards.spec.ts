// Each group writes on its own board: a participant's start page leads with their group's board,
// the other groups' boards are readable but refuse their cards and dots (in the page and on the
// server), and the moderator can switch this off per event.
import { expectNoAxeViolations } from './support/axe';
import type { APIRequestContext } from '@playwright/test';
import { adminCredentials, serverEnvWithAdmin, signedInRequest } from './support/actors';
import { sendBoardCommands } from './support/board-socket';
import { queryDatabase } from './support/database';
import { expect, openPage, pageWithState, test } from './support/fixtures';
import {
	boardIdsOf,
	cookieHeader,
	joinAsParticipant,
	seededEventSlug as slug
} from './support/participants';
import { startServer, type AppServer } from './support/server';

const otherGroupsBoard =
	'Auf dieser Pinnwand schreibt eine andere Arbeitsgruppe. Sie können sie lesen; Karten und Punkte geben Sie auf der Pinnwand Ihrer Gruppe.';

let server: AppServer;
let admin: APIRequestContext;

// The setting is switched off in here: a server of this file's own keeps other tests unaffected.
test.beforeAll(async () => {
	server = await startServer({ env: serverEnvWithAdmin });
	admin = await signedInRequest(server.url, adminCredentials.email, adminCredentials.password);
});
test.afterAll(async () => {
	await admin.dispose();
	await server.dispose();
});

function cardsOf(boardId: string) {
	return queryDatabase<{ text: string }>(
		server.dataDir,
		'select text from card where board_id = ? order by text',
		boardId
	).map((row) => row.text);
}

function firstColumnOf(boardId: string) {
	return queryDatabase<{ id: string }>(
		server.dataDir,
		'select id from board_column where board_id = ? order by sort_order limit 1',
		boardId
	)[0].id;
}

test('a participant writes on their group’s board and reads the others’', async ({ browser }) => {
	test.setTimeout(90_000);
	const [own, other] = boardIdsOf(server.dataDir, slug);
	const kim = await joinAsParticipant(server.url, server.dataDir, slug, {
		displayName: 'Kim',
		group: 0
	});
	const ole = await joinAsParticipant(server.url, server.dataDir, slug, {
		displayName: 'Ole',
		group: 1
	});
	const oleAnswers = await sendBoardCommands(server.url, other, await cookieHeader(ole), [
		{ type: 'addCard', columnId: firstColumnOf(other), text: 'Karte der AG 2' }
	]);
	expect(oleAnswers[0].type).toBe('done');
	await sendBoardCommands(server.url, other, await cookieHeader(admin), [
		{ type: 'startVoting', dots: 3, hidden: false }
	]);

	const { page, close } = await pageWithState(browser, kim, server.url);
	for (const size of [
		{ width: 390, height: 844 },
		{ width: 1280, height: 900 }
	]) {
		await page.setViewportSize(size);
		await openPage(page, `/teilnahme/${slug}`);
		// The page leads with the own group and its board; the others are marked as for reading.
		const group = page.getByRole('region', { name: 'Ihre Arbeitsgruppe' });
		await expect(group.getByRole('link')).toHaveText(
			'Pinnwand AG 1: Verankerung in den Kommunen (Ihre Gruppe)'
		);
		const links = await page.getByRole('link', { name: /^Pinnwand / }).allTextContents();
		expect(links[0]).toContain('(Ihre Gruppe)');
		expect(links.slice(1)).toEqual([
			'Pinnwand AG 2: Strukturen vor Ort (nur lesen)',
			'Pinnwand AG 3 (nur lesen)',
			'Pinnwand AG 4 (nur lesen)',
			'Pinnwand AG 5 (nur lesen)'
		]);
		await expectNoAxeViolations(page);
	}

	// The other group's board: readable, no way to write or vote, and said so.
	await page.getByRole('link', { name: /^Pinnwand AG 2/ }).click();
	await expect(page.getByText('Verbunden', { exact: true })).toBeVisible();
	await expect(page.getByRole('status').filter({ hasText: 'Nur lesen' })).toContainText(
		otherGroupsBoard
	);
	await expect(page.getByText('Karte der AG 2')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Karte anheften' })).toHaveCount(0);
	await expect(page.getByRole('button', { name: /^Punkt geben/ })).toHaveCount(0);
	await expectNoAxeViolations(page);

	// The server refuses the same, whatever the phone sends, and stores nothing.
	const cardId = queryDatabase<{ id: string }>(
		server.dataDir,
		'select id from card where board_id = ?',
		other
	)[0].id;
	const refused = await sendBoardCommands(server.url, other, await cookieHeader(kim), [
		{ type: 'addCard', columnId: firstColumnOf(other), text: 'Fremd geschrieben' },
		{ type: 'vote', cardId }
	]);
	expect(refused).toEqual([
		{ type: 'refused', ref: 0, message: otherGroupsBoard, code: 'other_group' },
		{ type: 'refused', ref: 1, message: otherGroupsBoard, code: 'other_group' }
	]);
	expect(cardsOf(other)).toEqual(['Karte der AG 2']);
	expect(queryDatabase<{ n: number }>(server.dataDir, 'select count(*) as n from vote')[0].n).toBe(
		0
	);

	// On the own board Kim writes.
	await openPage(page, `/teilnahme/${slug}`);
	await page.getByRole('link', { name: /\(Ihre Gruppe\)$/ }).click();
	await expect(page.getByText('Verbunden', { exact: true })).toBeVisible();
	await page.getByLabel('Neue Karte in „Schon geschafft“').fill('Kims Karte');
	await page.getByRole('button', { name: 'Karte anheften' }).first().click();
	await expect.poll(() => cardsOf(own)).toEqual(['Kims Karte']);

	// Switched off in the event form, everyone writes everywhere.
	const moderator = await pageWithState(browser, admin, server.url);
	await openPage(moderator.page, `/konferenzen/${slug}/bearbeiten`);
	const setting = moderator.page.getByLabel(
		'Teilnehmende schreiben nur auf der Pinnwand ihrer Gruppe'
	);
	await expect(setting).toBeChecked();
	await expectNoAxeViolations(moderator.page);
	const boardsBefore = boardIdsOf(server.dataDir, slug);
	await setting.uncheck();
	await moderator.page.getByRole('button', { name: 'Speichern' }).click();
	await moderator.page.waitForURL(/gespeichert/);
	await moderator.close();
	expect(boardIdsOf(server.dataDir, slug)).toEqual(boardsBefore);
	const allowed = await sendBoardCommands(server.url, other, await cookieHeader(kim), [
		{ type: 'addCard', columnId: firstColumnOf(other), text: 'Jetzt überall' }
	]);
	expect(allowed[0].type).toBe('done');
	await openPage(page, `/teilnahme/${slug}`);
	await expect(page.getByRole('link', { name: /nur lesen/ })).toHaveCount(0);
	await close();
	for (const request of [kim, ole]) await request.dispose();
});
