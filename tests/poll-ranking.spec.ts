// Rankings without order bias: each phone starts from its own shuffled order, the same on every
// load, and an untouched start order counts only when the person takes it as it is.
import { expectNoAxeViolations } from './support/axe';
import type { APIRequestContext, Browser, Page } from '@playwright/test';
import type { TestActor } from './support/actors';
import { expect, openPage, pageAs, pageWithState, test } from './support/fixtures';
import { joinAsParticipant, seededEventSlug } from './support/participants';
import { answer, consolePath, createQuestion, moderate, storedAnswers } from './support/polls';

const pollPath = `/teilnahme/${seededEventSlug}/umfrage`;
const themes = [
	'Wohnen',
	'Beratung',
	'Gesundheit',
	'Bildung',
	'Mobilität',
	'Kultur',
	'Sport',
	'Ehrenamt'
];

async function openRanking(
	editor: TestActor,
	baseURL: string,
	dataDir: string,
	prompt: string,
	options = themes
) {
	const questionId = await createQuestion(editor, baseURL, dataDir, {
		type: 'ranking',
		prompt,
		options: options.join('\n'),
		allowChange: 'ja'
	});
	await moderate(editor, baseURL, 'open', questionId);
	return questionId;
}

/** The order of the options as this person's page lists them first, read from its form fields. */
async function startOrder(person: APIRequestContext, questionId: string): Promise<string[]> {
	const html = await (await person.get(pollPath)).text();
	const form = new RegExp(`name="questionId" value="${questionId}"[\\s\\S]*?</form>`).exec(html);
	if (!form) throw new Error('Keine Rangfolge auf der Seite');
	return [...form[0].matchAll(/name="ranking" value="(\d+)"/g)].map((match) => match[1]);
}

async function labelsOn(page: Page, prompt: string): Promise<string[]> {
	const card = page.getByRole('article').filter({ hasText: prompt });
	return card.locator('.ranking__label').allTextContents();
}

async function phoneWithoutScript(browser: Browser, person: APIRequestContext, baseURL: string) {
	const context = await browser.newContext({
		baseURL,
		javaScriptEnabled: false,
		storageState: await person.storageState(),
		viewport: { width: 390, height: 844 }
	});
	return { page: await context.newPage(), close: () => context.close() };
}

test('each phone starts from its own shuffled order, the same again after reloading', async ({
	browser,
	actors,
	baseURL,
	server
}) => {
	const prompt = 'Welche Themen zuerst? (Startreihenfolge)';
	const questionId = await openRanking(actors.editor, baseURL!, server.dataDir, prompt);
	const [first, second] = await Promise.all(
		[0, 1].map(() => joinAsParticipant(baseURL!, server.dataDir, seededEventSlug))
	);
	const phone = await pageWithState(browser, first, baseURL!);
	await openPage(phone.page, pollPath);
	const shown = await labelsOn(phone.page, prompt);
	expect([...shown].sort()).toEqual([...themes].sort());
	await phone.page.reload();
	await phone.page.locator('html[data-hydrated="true"]').waitFor();
	expect(await labelsOn(phone.page, prompt)).toEqual(shown);

	const other = await startOrder(second, questionId);
	expect(other.map((index) => themes[Number(index)])).not.toEqual(shown);
	expect(await startOrder(second, questionId)).toEqual(other);

	await moderate(actors.editor, baseURL!, 'close', questionId);
	await phone.close();
	await Promise.all([first.dispose(), second.dispose()]);
});

test('an untouched start order counts only when taken as it is; results say how many rankings were given', async ({
	browser,
	actors,
	baseURL,
	server
}) => {
	test.slow();
	const prompt = 'Was soll der Kreis zuerst angehen? (Bestätigung)';
	const options = themes.slice(0, 4);
	const questionId = await openRanking(actors.editor, baseURL!, server.dataDir, prompt, options);
	const [sender, confirmer, mover, scriptless] = await Promise.all(
		[0, 1, 2, 3].map(() => joinAsParticipant(baseURL!, server.dataDir, seededEventSlug))
	);

	// Sent untouched, as a tap on "Antwort senden" would: refused, nothing stored.
	const untouched = await startOrder(sender, questionId);
	const refused = await answer(sender, baseURL!, { questionId, ranking: untouched });
	expect(refused.status()).toBe(400);
	expect(await refused.text()).toContain(
		'Bitte bringen Sie die Antworten in Ihre Reihenfolge oder bestätigen Sie „Reihenfolge so übernehmen“.'
	);
	expect(storedAnswers(server.dataDir, questionId)).toEqual([]);

	// Taken as it is, on purpose: counted.
	const phone = await pageWithState(browser, confirmer, baseURL!);
	await phone.page.setViewportSize({ width: 390, height: 844 });
	await openPage(phone.page, pollPath);
	const card = phone.page.getByRole('article').filter({ hasText: prompt });
	await expectNoAxeViolations(phone.page);
	await phone.page.setViewportSize({ width: 1280, height: 800 });
	await expectNoAxeViolations(phone.page);
	await card.getByLabel('Reihenfolge so übernehmen').check();
	await card.getByRole('button', { name: 'Antwort senden' }).click();
	await expect(card.getByText('Danke, Ihre Antwort ist gespeichert.')).toBeVisible();
	const confirmed = await startOrder(confirmer, questionId);
	expect(storedAnswers(server.dataDir, questionId).map((a) => a.choices)).toEqual([
		`[${confirmed.join(',')}]`
	]);

	// Arranged: counts without the box.
	const start = await startOrder(mover, questionId);
	const arranged = [start[3], ...start.slice(0, 3)];
	expect((await answer(mover, baseURL!, { questionId, ranking: arranged })).status()).toBe(200);

	// Without JavaScript the arrows work through the server, which stores nothing until sent.
	const plain = await phoneWithoutScript(browser, scriptless, baseURL!);
	await plain.page.goto(pollPath);
	const plainCard = plain.page.getByRole('article').filter({ hasText: prompt });
	const before = await labelsOn(plain.page, prompt);
	await expect(plainCard.getByLabel('Reihenfolge so übernehmen')).toBeVisible();
	await plainCard.getByRole('button', { name: `„${before[1]}“ nach oben (jetzt Platz 2)` }).click();
	await expect(plainCard.locator('.ranking__label')).toHaveText([
		before[1],
		before[0],
		...before.slice(2)
	]);
	await expect(plainCard.getByLabel('Reihenfolge so übernehmen')).toHaveCount(0);
	expect(storedAnswers(server.dataDir, questionId)).toHaveLength(2);
	await plainCard.getByRole('button', { name: 'Antwort senden' }).click();
	await expect(plain.page.getByText('Danke, Ihre Antwort ist gespeichert.')).toBeVisible();
	const moved = [before[1], before[0], ...before.slice(2)].map((label) => options.indexOf(label));
	expect(storedAnswers(server.dataDir, questionId).map((a) => a.choices)).toContain(
		JSON.stringify(moved)
	);
	await plain.close();

	// Three rankings given, and every result says so.
	expect(storedAnswers(server.dataDir, questionId)).toHaveLength(3);
	await moderate(actors.editor, baseURL!, 'results', questionId, { visible: 'ja' });
	await moderate(actors.editor, baseURL!, 'project', questionId);
	await moderate(actors.editor, baseURL!, 'close', questionId);
	const staff = await pageAs(browser, actors.editor, baseURL!);
	await openPage(staff.page, `${consolePath}/ergebnisse`);
	await expect(
		staff.page.getByRole('region', { name: new RegExp(prompt.slice(0, 20)) })
	).toContainText('3 Rangfolgen');
	await openPage(staff.page, `${consolePath}/projektion`);
	await expect(staff.page.getByTestId('answer-count')).toContainText('3 Rangfolgen');
	const svg = await actors.editor.request.get(`${consolePath}/${questionId}/diagramm.svg`);
	expect(await svg.text()).toContain('3 Rangfolgen');
	const csv = await (await actors.editor.request.get(`${consolePath}/antworten.csv`)).text();
	expect(csv.split('\r\n').filter((line) => line.includes('(Bestätigung)'))).toHaveLength(3);

	await Promise.all([phone.close(), staff.close()]);
	await Promise.all([sender, confirmer, mover, scriptless].map((person) => person.dispose()));
});
