// Live polls: the moderator opens a question, phones in the room answer, and the projector's
// counts grow without reloading; the database keeps one answer per person and question.
import { expectNoAxeViolations } from './support/axe';
import type { APIRequestContext, Browser, Page } from '@playwright/test';
import WebSocket from 'ws';
import { postForm } from './support/actors';
import { queryDatabase } from './support/database';
import { expect, openPage, pageAs, pageWithState, test } from './support/fixtures';
import { duplicateIds } from './support/page-ids';
import { asCsvField, readCsv, readXlsx } from './support/spreadsheets';
import { joinAsParticipant, seededEventSlug } from './support/participants';
import { answerPath, consolePath, createQuestion, moderate, storedAnswers } from './support/polls';

async function phone(
	browser: Browser,
	participant: APIRequestContext,
	baseURL: string,
	small: boolean
) {
	const session = await pageWithState(browser, participant, baseURL);
	if (small) await session.page.setViewportSize({ width: 390, height: 844 });
	return session;
}

/** Marks the window so a reload would show: the mark is gone after one. */
async function markWindow(page: Page) {
	await page.evaluate(() => ((window as unknown as { pollMark: number }).pollMark = 1));
}

async function stillSameWindow(page: Page) {
	expect(await page.evaluate(() => (window as unknown as { pollMark?: number }).pollMark)).toBe(1);
}

test('set to live, the projector counts grow to the right totals without reloading', async ({
	browser,
	actors,
	baseURL,
	server
}) => {
	// Four browsers on two busy cores.
	test.slow();
	const questionId = await createQuestion(actors.editor, baseURL!, server.dataDir, {
		type: 'single',
		prompt: 'Welcher Termin passt für die nächste Entwicklungskonferenz?',
		options: 'Februar\nMärz\nApril',
		allowChange: 'ja',
		projection: 'live'
	});
	expect(
		queryDatabase(
			server.dataDir,
			'select projection_live from poll_question where id = ?',
			questionId
		)
	).toEqual([{ projection_live: 1 }]);

	const presenter = await pageAs(browser, actors.editor, baseURL!);
	await openPage(presenter.page, `${consolePath}/projektion`);
	await markWindow(presenter.page);

	const people = await Promise.all(
		[0, 1, 2].map(() => joinAsParticipant(baseURL!, server.dataDir, seededEventSlug))
	);
	const phones = await Promise.all(
		people.map((person, index) => phone(browser, person, baseURL!, index === 0))
	);
	for (const { page } of phones) {
		await openPage(page, `/teilnahme/${seededEventSlug}`);
		await markWindow(page);
	}

	await moderate(actors.editor, baseURL!, 'open', questionId);

	// The open question reaches the phones' home pages and the projector by itself.
	await expect(presenter.page.getByRole('heading', { level: 1 })).toHaveText(
		'Welcher Termin passt für die nächste Entwicklungskonferenz?'
	);
	await expect(presenter.page.getByTestId('answer-count')).toContainText('0 Antworten');
	const choices = ['März', 'März', 'April'];
	for (const [index, { page }] of phones.entries()) {
		const region = page.getByRole('region', { name: 'Jetzt geöffnet' });
		await expect(region).toContainText('Welcher Termin passt');
		await stillSameWindow(page);
		await region.getByRole('link', { name: 'Jetzt antworten' }).first().click();
		await page.locator('html[data-hydrated="true"]').waitFor();
		const form = page.getByRole('group', { name: /Welcher Termin passt/ });
		await form.getByRole('radio', { name: choices[index] }).check();
		await page
			.getByRole('article')
			.filter({ has: form })
			.getByRole('button', { name: 'Antwort senden' })
			.click();
		await expect(page.getByText('Danke, Ihre Antwort ist gespeichert.')).toBeVisible();
	}

	await expect(presenter.page.getByTestId('answer-count')).toContainText('3 Antworten');
	const rows = presenter.page.getByRole('row');
	await expect(rows.filter({ hasText: 'März' })).toContainText('2');
	await expect(rows.filter({ hasText: 'März' })).toContainText('67 %');
	await expect(rows.filter({ hasText: 'April' })).toContainText('33 %');
	await stillSameWindow(presenter.page);

	// One changes their mind: still three answers, now split differently.
	const first = phones[0].page;
	await first.getByRole('radio', { name: 'Februar' }).check();
	await first.getByRole('button', { name: 'Antwort ändern' }).click();
	await expect(rows.filter({ hasText: 'Februar' })).toContainText('33 %');
	await expect(presenter.page.getByTestId('answer-count')).toContainText('3 Antworten');
	expect(storedAnswers(server.dataDir, questionId)).toHaveLength(3);

	await moderate(actors.editor, baseURL!, 'close', questionId);
	await expect(presenter.page.getByText('Abstimmung beendet')).toBeVisible();

	for (const session of phones) await session.close();
	await Promise.all(people.map((person) => person.dispose()));
	await presenter.close();
});

test('a second answer over HTTP replaces or is refused as configured, never counted twice', async ({
	actors,
	baseURL,
	server
}) => {
	const changeable = await createQuestion(actors.editor, baseURL!, server.dataDir, {
		type: 'multiple',
		prompt: 'Was soll der Kreis zuerst angehen? (änderbar)',
		options: 'Beratung\nWohnen\nGesundheit',
		maxChoices: '2',
		allowChange: 'ja'
	});
	const final = await createQuestion(actors.editor, baseURL!, server.dataDir, {
		type: 'ranking',
		prompt: 'Reihenfolge der Themen (endgültig)',
		options: 'Beratung\nWohnen\nGesundheit'
	});
	await moderate(actors.editor, baseURL!, 'open', changeable);
	await moderate(actors.editor, baseURL!, 'open', final);
	const person = await joinAsParticipant(baseURL!, server.dataDir, seededEventSlug);
	const answer = (fields: Record<string, string | string[]>) =>
		postForm(person, baseURL!, answerPath, fields);

	expect((await answer({ questionId: changeable, choices: ['0', '1'] })).status()).toBe(200);
	expect((await answer({ questionId: changeable, choices: ['2'] })).status()).toBe(200);
	expect(storedAnswers(server.dataDir, changeable).map((a) => a.choices)).toEqual(['[2]']);

	// Bad input changes nothing.
	expect((await answer({ questionId: changeable, choices: ['0', '1', '2'] })).status()).toBe(400);
	expect((await answer({ questionId: changeable, choices: ['9'] })).status()).toBe(400);
	expect((await answer({ questionId: final, ranking: ['0', '0', '1'] })).status()).toBe(400);
	expect(storedAnswers(server.dataDir, final)).toEqual([]);

	// Taken as it is, whichever order this person happened to start from.
	const confirmOrder = 'ja';
	expect(
		(await answer({ questionId: final, ranking: ['2', '0', '1'], confirmOrder })).status()
	).toBe(200);
	const refused = await answer({ questionId: final, ranking: ['0', '1', '2'], confirmOrder });
	expect(refused.status()).toBe(409);
	expect(await refused.text()).toContain('Die Antwort lässt sich nicht ändern.');
	expect(storedAnswers(server.dataDir, final).map((a) => a.choices)).toEqual(['[2,0,1]']);

	await moderate(actors.editor, baseURL!, 'close', changeable);
	const closed = await answer({ questionId: changeable, choices: ['0'] });
	expect(closed.status()).toBe(409);
	expect(await closed.text()).toContain('Diese Frage ist nicht geöffnet.');
	expect(storedAnswers(server.dataDir, changeable).map((a) => a.choices)).toEqual(['[2]']);

	await moderate(actors.editor, baseURL!, 'close', final);
	await person.dispose();
});

test('the results page, CSV and SVG show the stored numbers, broken down only for groups of three', async ({
	browser,
	actors,
	baseURL,
	server
}) => {
	const questionId = await createQuestion(actors.editor, baseURL!, server.dataDir, {
		type: 'scale',
		prompt: 'Wie zufrieden sind Sie mit dem Ort?',
		scaleMin: '1',
		scaleMax: '5',
		scaleMinLabel: 'gar nicht',
		scaleMaxLabel: 'sehr',
		allowChange: 'ja'
	});
	await moderate(actors.editor, baseURL!, 'open', questionId);
	const values = ['5', '4', '4', '2'];
	const people = await Promise.all(
		values.map(() => joinAsParticipant(baseURL!, server.dataDir, seededEventSlug))
	);
	for (const [index, person] of people.entries()) {
		const response = await postForm(person, baseURL!, answerPath, {
			questionId,
			value: values[index]
		});
		expect(response.status()).toBe(200);
	}
	await moderate(actors.editor, baseURL!, 'close', questionId);
	// A second question, so the page holds two charts.
	const second = await createQuestion(actors.editor, baseURL!, server.dataDir, {
		type: 'single',
		prompt: 'Kommen Sie wieder?',
		options: 'Ja\nNein',
		allowChange: 'ja'
	});
	await moderate(actors.editor, baseURL!, 'open', second);
	await moderate(actors.editor, baseURL!, 'close', second);

	const viewer = await pageAs(browser, actors.viewer, baseURL!);
	await openPage(viewer.page, `${consolePath}/ergebnisse`);
	const section = viewer.page.getByRole('region', { name: /Wie zufrieden sind Sie mit dem Ort/ });
	await expect(section).toContainText('4 Antworten · Durchschnitt 3,8');
	await expect(section.getByRole('row', { name: /^4 2 50 %$/ })).toBeVisible();
	// Nobody said where they come from: one group "Ohne Angabe" of four.
	await section.getByText('Aufschlüsselung').click();
	await expect(
		section.getByRole('table', { name: 'Nach Kommune oder Kreis' }).getByRole('columnheader')
	).toContainText(['Antwort', 'Ohne Angabe (n = 4)']);

	const csv = await actors.viewer.request.get(`${consolePath}/antworten.csv`);
	expect(csv.headers()['content-type']).toContain('text/csv');
	const lines = (await csv.text()).split('\r\n').filter((line) => line.includes('Ort?'));
	expect(lines.map((line) => line.split(';')[3]).sort()).toEqual(['2', '4', '4', '5']);

	// The workbook has the same rows, typed: the scale values are numbers, the times dates (as
	// Berlin's clock showed them), each equal to what the database holds.
	const workbook = await actors.viewer.request.get(`${consolePath}/antworten.xlsx`);
	expect(workbook.headers()['content-type']).toContain('spreadsheetml');
	const sheet = await readXlsx(await workbook.body());
	expect(sheet).toMatchObject({ name: 'Antworten', boldHeader: true, frozenRows: 1 });
	expect(sheet.rows.map((row) => row.map((cell) => asCsvField(cell, true)))).toEqual(
		readCsv(await csv.text())
	);
	const ours = sheet.rows.filter((row) => row[1].value === 'Wie zufrieden sind Sie mit dem Ort?');
	expect(ours.map((row) => row[3].type)).toEqual(['number', 'number', 'number', 'number']);
	expect(ours.map((row) => row[3].value).sort()).toEqual([2, 4, 4, 5]);
	const berlin = new Intl.DateTimeFormat('sv-SE', {
		timeZone: 'Europe/Berlin',
		dateStyle: 'short',
		timeStyle: 'medium'
	});
	const stored = queryDatabase<{ updated_at: number }>(
		server.dataDir,
		'select updated_at from poll_answer where question_id = ?',
		questionId
	).map((row) => berlin.format(new Date(row.updated_at)));
	expect(ours.every((row) => row[7].type === 'date')).toBe(true);
	expect(ours.map((row) => asCsvField(row[7], true)).sort()).toEqual(stored.sort());

	const svg = await actors.viewer.request.get(`${consolePath}/${questionId}/diagramm.svg`);
	expect(svg.headers()['content-type']).toContain('image/svg+xml');
	const drawing = await svg.text();
	expect(drawing).toContain('4: 2 (50 %)');
	expect(drawing).toContain('Durchschnitt 3,8');

	// A report inlines the downloaded chart of every question into one page: no id twice.
	const charts = await Promise.all(
		(
			await viewer.page
				.locator('a[href$="/diagramm.svg"]')
				.evaluateAll((links) => links.map((link) => link.getAttribute('href')!))
		).map(async (href) => (await actors.viewer.request.get(href)).text())
	);
	expect(charts.length).toBeGreaterThan(1);
	await viewer.page.evaluate((svgs) => {
		for (const svg of svgs) {
			document.body.insertAdjacentHTML('beforeend', svg.replace(/^<\?xml[^>]*>/, ''));
		}
	}, charts);
	expect(await duplicateIds(viewer.page)).toEqual([]);

	await viewer.close();
	await Promise.all(people.map((person) => person.dispose()));
});

test('a phone ranks by keyboard, sees results when shown, and every view passes axe', async ({
	browser,
	actors,
	baseURL,
	server
}) => {
	test.slow();
	const ranking = await createQuestion(actors.editor, baseURL!, server.dataDir, {
		type: 'ranking',
		prompt: 'Bitte ordnen Sie die Themen',
		options: 'Wohnen\nBeratung\nGesundheit',
		allowChange: 'ja'
	});
	const text = await createQuestion(actors.editor, baseURL!, server.dataDir, {
		type: 'text',
		prompt: 'Was nehmen Sie mit?',
		allowChange: 'ja'
	});
	await moderate(actors.editor, baseURL!, 'open', ranking);
	await moderate(actors.editor, baseURL!, 'open', text);

	const person = await joinAsParticipant(baseURL!, server.dataDir, seededEventSlug);
	const { page, close } = await phone(browser, person, baseURL!, true);
	await openPage(page, `/teilnahme/${seededEventSlug}/umfrage`);
	await expectNoAxeViolations(page);

	const card = page.getByRole('article').filter({ hasText: 'Bitte ordnen Sie die Themen' });
	// The start order is this person's own shuffle; the last one is moved to the top.
	const options = ['Wohnen', 'Beratung', 'Gesundheit'];
	const start = await card.locator('.ranking__label').allTextContents();
	const last = start[2];
	await card.getByRole('button', { name: `„${last}“ nach oben (jetzt Platz 3)` }).focus();
	await page.keyboard.press('Enter');
	await expect(
		card.getByRole('button', { name: `„${last}“ nach oben (jetzt Platz 2)` })
	).toBeFocused();
	await page.keyboard.press('Enter');
	// At the top the "up" button is disabled: focus moves to "down" of the same option.
	await expect(
		card.getByRole('button', { name: `„${last}“ nach unten (jetzt Platz 1)` })
	).toBeFocused();
	await expect(page.getByText(`„${last}“ ist jetzt auf Platz 1.`)).toBeAttached();
	// Moved, it counts without the confirmation, which is gone.
	await expect(card.getByLabel('Reihenfolge so übernehmen')).toHaveCount(0);
	await card.getByRole('button', { name: 'Antwort senden' }).click();
	await expect(card.getByText('Danke, Ihre Antwort ist gespeichert.')).toBeVisible();
	const ranked = [last, start[0], start[1]].map((label) => options.indexOf(label));
	expect(storedAnswers(server.dataDir, ranking).map((a) => a.choices)).toEqual([
		JSON.stringify(ranked)
	]);

	const textCard = page.getByRole('article').filter({ hasText: 'Was nehmen Sie mit?' });
	await textCard.getByLabel('Ihre Antwort').fill('<b>Netzwerke</b> stärken');
	await textCard.getByRole('button', { name: 'Antwort senden' }).click();
	await expect(textCard.getByText('Danke, Ihre Antwort ist gespeichert.')).toBeVisible();
	// What people answer is stored, never logged.
	expect(server.output()).not.toContain('Netzwerke</b> stärken');

	// The moderator shows the results: they appear on the phone, as text, without reloading.
	const response = await postForm(actors.editor.request, baseURL!, `${consolePath}?/results`, {
		questionId: text,
		visible: 'ja'
	});
	expect(response.status()).toBe(200);
	await expect(textCard.getByRole('heading', { name: 'Ergebnis' })).toBeVisible();
	await expect(
		textCard.getByRole('listitem').filter({ hasText: '<b>Netzwerke</b> stärken' })
	).toBeVisible();
	await expectNoAxeViolations(page);
	await close();

	const presenter = await pageAs(browser, actors.editor, baseURL!);
	await openPage(presenter.page, `${consolePath}/projektion`);
	await expect(presenter.page.getByRole('heading', { level: 1 })).toHaveText('Was nehmen Sie mit?');
	await expect(presenter.page.getByText('Netzwerke', { exact: true }).first()).toBeVisible();
	await expectNoAxeViolations(presenter.page);
	await presenter.close();

	for (const id of [ranking, text]) await moderate(actors.editor, baseURL!, 'close', id);
	await person.dispose();
});

async function cookieHeader(request: APIRequestContext): Promise<string> {
	const { cookies } = await request.storageState();
	return cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ');
}

/** Opens the poll channel and resolves with the first state pushed, or the refusal's status. */
function firstPush(
	baseURL: string,
	eventId: string,
	cookie: string,
	view = ''
): Promise<
	| { status: number }
	| { closed: number }
	| { state: { viewer: string; questions: { prompt: string; tally: unknown }[] } }
> {
	return new Promise((resolve, reject) => {
		const url = `${baseURL.replace(/^http/, 'ws')}/collab/poll/${eventId}${view}`;
		const socket = new WebSocket(url, { origin: baseURL, headers: { cookie } });
		socket.once('message', (data) => {
			resolve(JSON.parse(String(data)));
			socket.close();
		});
		socket.once('close', (code) => resolve({ closed: code }));
		socket.once('unexpected-response', (_request, response) => {
			resolve({ status: response.statusCode ?? 0 });
			socket.terminate();
		});
		socket.once('error', reject);
	});
}

test('the poll channel tells participants only their view, staff everything, strangers nothing', async ({
	actors,
	baseURL,
	server
}) => {
	const [{ id: eventId }] = queryDatabase<{ id: string }>(
		server.dataDir,
		'select id from event where slug = ?',
		seededEventSlug
	);
	const hidden = await createQuestion(actors.editor, baseURL!, server.dataDir, {
		type: 'single',
		prompt: 'Kanalprobe',
		options: 'Ja\nNein',
		allowChange: 'ja'
	});
	await moderate(actors.editor, baseURL!, 'open', hidden);
	const person = await joinAsParticipant(baseURL!, server.dataDir, seededEventSlug);

	const asParticipant = await firstPush(baseURL!, eventId, await cookieHeader(person));
	expect('state' in asParticipant && asParticipant.state.viewer).toBe('participant');
	if ('state' in asParticipant) {
		const probe = asParticipant.state.questions.find((q) => q.prompt === 'Kanalprobe');
		expect(probe?.tally, 'results hidden until the moderator shows them').toBeNull();
	}
	const asEditor = await firstPush(baseURL!, eventId, await cookieHeader(actors.editor.request));
	expect('state' in asEditor && asEditor.state.viewer).toBe('staff');
	expect(await firstPush(baseURL!, eventId, '')).toEqual({ status: 401 });
	// The projector's view is staff's; a phone asking for it is turned away.
	const projector = await firstPush(
		baseURL!,
		eventId,
		await cookieHeader(actors.editor.request),
		'/projektion'
	);
	expect('state' in projector && projector.state.viewer).toBe('projection');
	expect(await firstPush(baseURL!, eventId, await cookieHeader(person), '/projektion')).toEqual({
		closed: 4403
	});
	expect(
		await firstPush(baseURL!, eventId, await cookieHeader(actors.editor.request), '/anders')
	).toEqual({ status: 404 });

	const other = await postForm(actors.editor.request, baseURL!, '/konferenzen/neu', {
		title: 'Umfrage-Gegenprobe',
		date: '2026-05-05',
		groupTitle: 'AG X'
	});
	expect(other.status()).toBe(303);
	const stranger = await joinAsParticipant(baseURL!, server.dataDir, 'umfrage-gegenprobe');
	expect(await firstPush(baseURL!, eventId, await cookieHeader(stranger))).toEqual({ status: 401 });

	await moderate(actors.editor, baseURL!, 'close', hidden);
	await Promise.all([person.dispose(), stranger.dispose()]);
});

test('the moderator prepares, opens, moderates and resets a question in the console', async ({
	browser,
	actors,
	baseURL,
	server
}) => {
	test.slow();
	const moderator = await pageAs(browser, actors.editor, baseURL!);
	const { page } = moderator;
	await openPage(page, `/konferenzen/${seededEventSlug}`);
	await page.getByRole('link', { name: 'Umfragen moderieren' }).click();
	await page.locator('html[data-hydrated="true"]').waitFor();
	await expect(page.getByText('Live verbunden')).toBeVisible();

	await page.getByLabel('Art der Frage').selectOption('text');
	await page.getByLabel('Frage', { exact: true }).fill('Konsolenprobe: Was fehlt?');
	await page.getByRole('button', { name: 'Frage anlegen' }).click();
	const card = page.getByRole('article').filter({ hasText: 'Konsolenprobe: Was fehlt?' });
	await expect(card.getByText('Entwurf')).toBeVisible();
	await card.getByRole('button', { name: 'Öffnen' }).click();
	await expect(card.getByText('Offen', { exact: true })).toBeVisible();
	await expect(card.getByText('Auf der Projektion', { exact: true })).toBeVisible();

	const [row] = queryDatabase<{ id: string }>(
		server.dataDir,
		"select id from poll_question where prompt = 'Konsolenprobe: Was fehlt?'"
	);
	const person = await joinAsParticipant(baseURL!, server.dataDir, seededEventSlug);
	const response = await postForm(person, baseURL!, answerPath, {
		questionId: row.id,
		text: 'Kauft alle Lose!'
	});
	expect(response.status()).toBe(200);

	// The answer arrives without reloading; the moderator hides it.
	await expect(card.getByText('1 Antwort', { exact: true })).toBeVisible();
	await card.getByRole('button', { name: 'Ausblenden' }).click();
	await expect(card.getByText('(ausgeblendet)')).toBeVisible();
	const [stored] = queryDatabase<{ hidden_at: number | null }>(
		server.dataDir,
		'select hidden_at from poll_answer where question_id = ?',
		row.id
	);
	expect(stored.hidden_at).not.toBeNull();

	await card.getByText('Zurücksetzen …').click();
	await card.getByLabel('Ja, alle Antworten dieser Frage löschen (1)').check();
	await card.getByRole('button', { name: 'Antworten löschen' }).click();
	await expect(card.getByText('Entwurf')).toBeVisible();
	await expect(card.getByText('0 Antworten', { exact: true })).toBeVisible();
	expect(storedAnswers(server.dataDir, row.id)).toEqual([]);

	await card.getByText('Frage löschen …').click();
	await card.getByLabel('Ja, Frage mit allen Antworten löschen').check();
	await card.getByRole('button', { name: 'Frage löschen' }).click();
	await expect(page.getByText('Die Frage und ihre Antworten sind gelöscht.')).toBeVisible();
	await expect(card).toHaveCount(0);

	await person.dispose();
	await moderator.close();
});

test('seventy phones answer at once; the pushed totals and the CSV agree', async ({
	actors,
	baseURL,
	server
}) => {
	test.slow();
	const [{ id: eventId }] = queryDatabase<{ id: string }>(
		server.dataDir,
		'select id from event where slug = ?',
		seededEventSlug
	);
	const questionId = await createQuestion(actors.editor, baseURL!, server.dataDir, {
		type: 'multiple',
		prompt: 'Saalprobe mit siebzig Handys',
		options: 'Vernetzung\nBeteiligung\nSozialplanung',
		allowChange: 'ja'
	});
	await moderate(actors.editor, baseURL!, 'open', questionId);
	const people = await Promise.all(
		Array.from({ length: 70 }, () => joinAsParticipant(baseURL!, server.dataDir, seededEventSlug))
	);

	// The projector's view of it: the staff state pushed over the channel.
	const wall = new WebSocket(`${baseURL!.replace(/^http/, 'ws')}/collab/poll/${eventId}`, {
		origin: baseURL,
		headers: { cookie: await cookieHeader(actors.editor.request) }
	});
	let shown = 0;
	wall.on('message', (data) => {
		const { state } = JSON.parse(String(data)) as {
			state: { questions: { id: string; tally: { respondents: number } }[] };
		};
		shown = state.questions.find((q) => q.id === questionId)?.tally.respondents ?? shown;
	});
	await new Promise((resolve) => wall.once('open', resolve));

	const statuses = await Promise.all(
		people.map((person, index) =>
			postForm(person, baseURL!, answerPath, {
				questionId,
				choices: index % 2 ? ['0', '2'] : ['1']
			}).then((response) => response.status())
		)
	);
	expect(statuses.every((status) => status === 200)).toBe(true);
	await expect.poll(() => shown, { timeout: 3000 }).toBe(70);

	const csv = await (await actors.editor.request.get(`${consolePath}/antworten.csv`)).text();
	const lines = csv.split('\r\n').filter((line) => line.includes('Saalprobe'));
	expect(lines).toHaveLength(70);
	expect(lines.filter((line) => line.includes('Vernetzung | Sozialplanung'))).toHaveLength(35);

	wall.close();
	await moderate(actors.editor, baseURL!, 'close', questionId);
	await Promise.all(people.map((person) => person.dispose()));
});
