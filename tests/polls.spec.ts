// Live polls: the moderator opens a question, phones in the room answer, and the projector's
// counts grow without reloading; the database keeps one answer per person and question.
import AxeBuilder from '@axe-core/playwright';
import type { APIRequestContext, Browser, Page } from '@playwright/test';
import { postForm, type TestActor } from './support/actors';
import { queryDatabase } from './support/database';
import { expect, openPage, pageAs, pageWithState, test } from './support/fixtures';
import { joinAsParticipant, seededEventSlug } from './support/participants';

const consolePath = `/konferenzen/${seededEventSlug}/umfragen`;
const answerPath = `/teilnahme/${seededEventSlug}/umfrage?/answer`;

async function createQuestion(
	editor: TestActor,
	baseURL: string,
	dataDir: string,
	fields: Record<string, string>
): Promise<string> {
	const response = await postForm(editor.request, baseURL, `${consolePath}?/create`, fields);
	expect(response.status(), 'Frage angelegt').toBe(200);
	const [row] = queryDatabase<{ id: string }>(
		dataDir,
		'select id from poll_question where prompt = ? order by created_at desc limit 1',
		fields.prompt
	);
	return row.id;
}

async function moderate(editor: TestActor, baseURL: string, action: string, questionId: string) {
	const response = await postForm(editor.request, baseURL, `${consolePath}?/${action}`, {
		questionId
	});
	expect(response.status(), action).toBe(200);
}

function storedAnswers(dataDir: string, questionId: string) {
	return queryDatabase<{ choices: string | null; participant_id: string }>(
		dataDir,
		'select choices, participant_id from poll_answer where question_id = ?',
		questionId
	);
}

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

async function axeViolations(page: Page) {
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.analyze();
	return results.violations;
}

/** Marks the window so a reload would show: the mark is gone after one. */
async function markWindow(page: Page) {
	await page.evaluate(() => ((window as unknown as { pollMark: number }).pollMark = 1));
}

async function stillSameWindow(page: Page) {
	expect(await page.evaluate(() => (window as unknown as { pollMark?: number }).pollMark)).toBe(1);
}

test('phones answer while the projector counts grow to the right totals without reloading', async ({
	browser,
	actors,
	baseURL,
	server
}) => {
	const questionId = await createQuestion(actors.editor, baseURL!, server.dataDir, {
		type: 'single',
		prompt: 'Welcher Termin passt für die nächste Entwicklungskonferenz?',
		options: 'Februar\nMärz\nApril',
		allowChange: 'ja'
	});

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

	expect((await answer({ questionId: final, ranking: ['2', '0', '1'] })).status()).toBe(200);
	const refused = await answer({ questionId: final, ranking: ['0', '1', '2'] });
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

	const svg = await actors.viewer.request.get(`${consolePath}/${questionId}/diagramm.svg`);
	expect(svg.headers()['content-type']).toContain('image/svg+xml');
	const drawing = await svg.text();
	expect(drawing).toContain('4: 2 (50 %)');
	expect(drawing).toContain('Durchschnitt 3,8');

	await viewer.close();
	await Promise.all(people.map((person) => person.dispose()));
});

test('a phone ranks by keyboard, sees results when shown, and every view passes axe', async ({
	browser,
	actors,
	baseURL,
	server
}) => {
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
	expect(await axeViolations(page)).toEqual([]);

	const card = page.getByRole('article').filter({ hasText: 'Bitte ordnen Sie die Themen' });
	await card.getByRole('button', { name: '„Gesundheit“ nach oben (jetzt Platz 3)' }).focus();
	await page.keyboard.press('Enter');
	await expect(
		card.getByRole('button', { name: '„Gesundheit“ nach oben (jetzt Platz 2)' })
	).toBeFocused();
	await page.keyboard.press('Enter');
	// At the top the "up" button is disabled: focus moves to "down" of the same option.
	await expect(
		card.getByRole('button', { name: '„Gesundheit“ nach unten (jetzt Platz 1)' })
	).toBeFocused();
	await expect(page.getByText('„Gesundheit“ ist jetzt auf Platz 1.')).toBeAttached();
	await card.getByRole('button', { name: 'Antwort senden' }).click();
	await expect(card.getByText('Danke, Ihre Antwort ist gespeichert.')).toBeVisible();
	expect(storedAnswers(server.dataDir, ranking).map((a) => a.choices)).toEqual(['[2,0,1]']);

	const textCard = page.getByRole('article').filter({ hasText: 'Was nehmen Sie mit?' });
	await textCard.getByLabel('Ihre Antwort').fill('<b>Netzwerke</b> stärken');
	await textCard.getByRole('button', { name: 'Antwort senden' }).click();
	await expect(textCard.getByText('Danke, Ihre Antwort ist gespeichert.')).toBeVisible();

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
	expect(await axeViolations(page)).toEqual([]);
	await close();

	const presenter = await pageAs(browser, actors.editor, baseURL!);
	await openPage(presenter.page, `${consolePath}/projektion`);
	await expect(presenter.page.getByRole('heading', { level: 1 })).toHaveText('Was nehmen Sie mit?');
	await expect(presenter.page.getByText('Netzwerke', { exact: true }).first()).toBeVisible();
	expect(await axeViolations(presenter.page)).toEqual([]);
	await presenter.close();

	for (const id of [ranking, text]) await moderate(actors.editor, baseURL!, 'close', id);
	await person.dispose();
});
