// The projector and the hall: results reach the wall only when the moderator shows them (or live,
// where chosen), and "dabei" and "verbunden" are the same two numbers on every screen.
import { expectNoAxeViolations } from './support/axe';
import type { Page } from '@playwright/test';
import WebSocket from 'ws';
import { postForm } from './support/actors';
import { queryDatabase } from './support/database';
import { expect, openPage, pageAs, pageWithState, test } from './support/fixtures';
import {
	boardIdsOf,
	cookieHeader,
	joinAsParticipant,
	seededEventSlug
} from './support/participants';
import { answer, consolePath, createQuestion, eventIdOf, moderate } from './support/polls';

const projectionPath = `${consolePath}/projektion`;

const sizes = [
	{ width: 1280, height: 800 },
	{ width: 390, height: 844 }
];

/** Every message the page's poll socket received, parsed. */
function recordPollFrames(page: Page) {
	const frames: string[] = [];
	page.on('websocket', (socket) => {
		if (!socket.url().includes('/collab/poll/')) return;
		socket.on('framereceived', ({ payload }) => frames.push(String(payload)));
	});
	return frames;
}

interface ProjectionFrame {
	type: string;
	state: {
		viewer: string;
		question: { id: string; respondents: number; tally: unknown } | null;
	};
}

test('the projector shows how many answered, and the result only once one reveal shows it there and on the phones', async ({
	browser,
	actors,
	baseURL,
	server
}) => {
	test.slow();
	const questionId = await createQuestion(actors.editor, baseURL!, server.dataDir, {
		type: 'single',
		prompt: 'Soll der Runde Tisch zweimal im Jahr tagen?',
		options: 'Ja\nNein\nWeiß nicht',
		allowChange: 'ja'
	});
	const presenter = await pageAs(browser, actors.editor, baseURL!);
	const frames = recordPollFrames(presenter.page);
	await openPage(presenter.page, projectionPath);

	const people = await Promise.all(
		[0, 1, 2].map(() => joinAsParticipant(baseURL!, server.dataDir, seededEventSlug))
	);
	const phone = await pageWithState(browser, people[0], baseURL!);
	await phone.page.setViewportSize(sizes[1]);
	await openPage(phone.page, `/teilnahme/${seededEventSlug}/umfrage`);

	await moderate(actors.editor, baseURL!, 'open', questionId);
	const card = phone.page.getByRole('article').filter({ hasText: 'Runde Tisch zweimal' });
	await card.getByRole('radio', { name: 'Ja' }).check();
	await card.getByRole('button', { name: 'Antwort senden' }).click();
	await expect(card.getByText('Danke, Ihre Antwort ist gespeichert.')).toBeVisible();
	for (const [person, choice] of [
		[people[1], '0'],
		[people[2], '1']
	] as const) {
		expect((await answer(person, baseURL!, { questionId, choice })).status()).toBe(200);
	}

	// The wall counts the answers and nothing else; neither do the phones show a result.
	const wall = presenter.page;
	await expect(wall.getByTestId('answer-count')).toContainText('3 Antworten');
	await expect(wall.getByRole('row')).toHaveCount(0);
	await expect(wall.locator('main')).not.toContainText('%');
	await expect(card.getByRole('heading', { name: 'Ergebnis' })).toHaveCount(0);
	await expect(
		wall.getByText('Das Ergebnis erscheint, sobald die Moderation es zeigt.')
	).toBeVisible();
	for (const size of sizes) {
		await wall.setViewportSize(size);
		await expectNoAxeViolations(wall);
	}

	// Not hidden by the page but never sent: neither the pushes nor the page's own data hold counts.
	const pushed = frames.map((frame) => JSON.parse(frame) as ProjectionFrame);
	expect(pushed.length).toBeGreaterThan(1);
	expect(pushed.every((frame) => frame.state.viewer === 'projection')).toBe(true);
	expect(pushed.some((frame) => frame.state.question?.respondents === 3)).toBe(true);
	for (const frame of frames) {
		expect(frame).not.toMatch(/"count"|"percent"|"firstPlaces"|"average"/);
	}
	const source = await (await actors.editor.request.get(projectionPath)).text();
	expect(source).not.toMatch(/count:|percent:|"count"|"percent"/);

	// One action: the result is on the wall and on the phone, neither reloaded.
	const before = frames.length;
	await moderate(actors.editor, baseURL!, 'results', questionId, { visible: 'ja' });
	await expect(wall.getByRole('row').filter({ hasText: 'Ja' })).toContainText('67 %');
	await expect(card.getByRole('heading', { name: 'Ergebnis' })).toBeVisible();
	await expect(card.getByRole('row').filter({ hasText: 'Ja' })).toContainText('67 %');
	const revealed = frames.slice(before).map((frame) => JSON.parse(frame) as ProjectionFrame);
	expect(revealed.some((frame) => frame.state.question?.tally)).toBe(true);
	for (const size of sizes) {
		await wall.setViewportSize(size);
		await expectNoAxeViolations(wall);
	}

	await moderate(actors.editor, baseURL!, 'close', questionId);
	await phone.close();
	await presenter.close();
	await Promise.all(people.map((person) => person.dispose()));
});

test('switched to live in the console, the projector shows the counts at once while phones wait', async ({
	browser,
	actors,
	baseURL,
	server
}) => {
	test.slow();
	const questionId = await createQuestion(actors.editor, baseURL!, server.dataDir, {
		type: 'multiple',
		prompt: 'Welche Formate wünschen Sie sich?',
		options: 'Werkstatt\nFachtag\nSprechstunde',
		allowChange: 'ja'
	});
	await moderate(actors.editor, baseURL!, 'open', questionId);
	const person = await joinAsParticipant(baseURL!, server.dataDir, seededEventSlug);
	expect((await answer(person, baseURL!, { questionId, choices: ['0', '2'] })).status()).toBe(200);

	const presenter = await pageAs(browser, actors.editor, baseURL!);
	await openPage(presenter.page, projectionPath);
	await expect(presenter.page.getByTestId('answer-count')).toContainText('1 Antwort');
	await expect(presenter.page.getByRole('row')).toHaveCount(0);

	const moderator = await pageAs(browser, actors.editor, baseURL!);
	for (const size of sizes) {
		await moderator.page.setViewportSize(size);
		await openPage(moderator.page, consolePath);
		await expectNoAxeViolations(moderator.page);
	}
	const card = moderator.page.getByRole('article').filter({ hasText: 'Welche Formate' });
	const setting = card.getByRole('group', { name: 'Ergebnis auf der Projektion' });
	await expect(setting.getByRole('radio', { name: 'erst nach Freigabe' })).toBeChecked();
	await setting.getByRole('radio', { name: 'live', exact: true }).check();
	await setting.getByRole('button', { name: /Übernehmen/ }).click();
	await expect(
		moderator.page.getByText('Die Projektion zeigt das Ergebnis dieser Frage live.')
	).toBeVisible();
	expect(
		queryDatabase(
			server.dataDir,
			'select projection_live from poll_question where id = ?',
			questionId
		)
	).toEqual([{ projection_live: 1 }]);

	await expect(presenter.page.getByRole('row').filter({ hasText: 'Werkstatt' })).toContainText(
		'100 %'
	);
	// The phones still wait for "Ergebnis zeigen".
	const phone = await pageWithState(browser, person, baseURL!);
	await openPage(phone.page, `/teilnahme/${seededEventSlug}/umfrage`);
	const question = phone.page.getByRole('article').filter({ hasText: 'Welche Formate' });
	await expect(question.getByText('Sie haben schon geantwortet.')).toBeVisible();
	await expect(question.getByRole('heading', { name: 'Ergebnis' })).toHaveCount(0);

	await moderate(actors.editor, baseURL!, 'close', questionId);
	await Promise.all([phone.close(), moderator.close(), presenter.close(), person.dispose()]);
});

/** A participant's live connection to one of the event's channels, open until closed. */
async function connect(baseURL: string, path: string, cookie: string): Promise<WebSocket> {
	const socket = new WebSocket(`${baseURL.replace(/^http/, 'ws')}${path}`, {
		origin: baseURL,
		headers: { cookie }
	});
	await new Promise((resolve, reject) => {
		socket.once('message', resolve);
		socket.once('error', reject);
	});
	return socket;
}

test('"dabei" and "verbunden" are the same numbers on the console, the event page and every projection', async ({
	browser,
	actors,
	baseURL,
	server
}) => {
	test.slow();
	const created = await postForm(actors.editor.request, baseURL!, '/konferenzen/neu', {
		title: 'Saalzählung',
		date: '2026-09-09',
		groupTitle: 'AG Zählung'
	});
	expect(created.status()).toBe(303);
	const [{ slug }] = queryDatabase<{ slug: string }>(
		server.dataDir,
		"select slug from event where title = 'Saalzählung'"
	);
	const eventId = eventIdOf(server.dataDir, slug);
	const [boardId] = boardIdsOf(server.dataDir, slug);
	const people = await Promise.all(
		[0, 1, 2].map(() => joinAsParticipant(baseURL!, server.dataDir, slug))
	);

	const screens = await Promise.all(
		[
			`/konferenzen/${slug}/umfragen`,
			`/konferenzen/${slug}/umfragen/projektion`,
			`/konferenzen/${slug}/pinnwand/${boardId}/projektion`
		].map(async (path) => {
			const session = await pageAs(browser, actors.editor, baseURL!);
			await openPage(session.page, path);
			return session;
		})
	);
	const shown = (text: string) =>
		Promise.all(screens.map(({ page }) => expect(page.getByTestId('attendance')).toHaveText(text)));
	await shown('3 dabei · 0 verbunden');

	// One on a board, one on the polls, one with no page open; the staff's screens do not count.
	const onBoard = await connect(
		baseURL!,
		`/collab/board/${boardId}`,
		await cookieHeader(people[0])
	);
	const onPolls = await connect(baseURL!, `/collab/poll/${eventId}`, await cookieHeader(people[1]));
	const alsoOnPolls = await connect(
		baseURL!,
		`/collab/poll/${eventId}`,
		await cookieHeader(people[0])
	);
	await shown('3 dabei · 2 verbunden');

	const staff = await pageAs(browser, actors.editor, baseURL!);
	for (const path of [`/konferenzen/${slug}`, `/konferenzen/${slug}/projektion`]) {
		await openPage(staff.page, path);
		await expect(staff.page.getByTestId('attendance')).toHaveText('3 dabei · 2 verbunden');
	}
	for (const size of sizes) {
		await staff.page.setViewportSize(size);
		await openPage(staff.page, `/konferenzen/${slug}`);
		await expectNoAxeViolations(staff.page);
	}

	// Leaving one channel is not leaving: the first person is still on the polls.
	onBoard.close();
	onPolls.close();
	await shown('3 dabei · 1 verbunden');
	alsoOnPolls.close();
	await shown('3 dabei · 0 verbunden');

	// A fourth joins: counted at once, without anyone's page open.
	people.push(await joinAsParticipant(baseURL!, server.dataDir, slug));
	await shown('4 dabei · 0 verbunden');

	await Promise.all([...screens, staff].map((session) => session.close()));
	await Promise.all(people.map((person) => person.dispose()));
});
