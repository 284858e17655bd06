// A participant's conference on a phone in Arabic (right to left, preset by the browser) and in
// Einfache Sprache (chosen from the menu): join by code, write a card on the group's board,
// answer a question of every type. Every page in the chosen language, mirrored for Arabic,
// without axe violations and without sideways scrolling (#24).
import type { Page, TestInfo } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expectNoAxeViolations } from './support/axe';
import { queryDatabase } from './support/database';
import { expect, openPage, pageWithState, test } from './support/fixtures';
import { boardIdsOf, joinCodeOf, seededEventSlug } from './support/participants';
import { expectFitsPhone, phoneDevice } from './support/phone';
import { createQuestion, moderate } from './support/polls';

type Area = 'participant' | 'join' | 'board' | 'poll';

/** The texts a page in `locale` shows, as its translators wrote them (plain messages only). */
function textsOf(locale: string) {
	const read = (area: Area) =>
		JSON.parse(readFileSync(`messages/${area}/${locale}.json`, 'utf8')) as Record<string, unknown>;
	const all = { ...read('participant'), ...read('join'), ...read('board'), ...read('poll') };
	return (key: string): string => {
		const text = all[key];
		if (typeof text !== 'string') throw new Error(`${key} ist in ${locale} keine einfache Meldung`);
		return text;
	};
}

async function check(page: Page, label: string, testInfo: TestInfo) {
	await expectNoAxeViolations(page, label);
	await expectFitsPhone(page, label, testInfo);
}

const journeys = [
	{ locale: 'ar', dir: 'rtl', browserLocale: 'ar-SA', cardText: 'مواعيد استشارة في المساء' },
	{ locale: 'de-x-es', dir: 'ltr', browserLocale: 'de-DE', cardText: 'Beratung am Abend' }
] as const;

for (const journey of journeys) {
	test(`a phone's conference in ${journey.locale}: join, write a card, answer every question type`, async ({
		browser,
		baseURL,
		server,
		actors
	}, testInfo) => {
		test.slow();
		const t = textsOf(journey.locale);
		const kinds: ({ type: string; prompt: string } & Record<string, string>)[] = [
			{ type: 'single', prompt: `Sprache ${journey.locale}: Termin?`, options: 'Februar\nMärz' },
			{
				type: 'multiple',
				prompt: `Sprache ${journey.locale}: Themen?`,
				options: 'Beratung\nWohnen\nGesundheit'
			},
			{
				type: 'scale',
				prompt: `Sprache ${journey.locale}: Zufrieden?`,
				scaleMin: '1',
				scaleMax: '5',
				scaleMinLabel: 'gar nicht',
				scaleMaxLabel: 'sehr'
			},
			{
				type: 'ranking',
				prompt: `Sprache ${journey.locale}: Reihenfolge?`,
				options: 'Wohnen\nBeratung\nGesundheit'
			},
			{ type: 'text', prompt: `Sprache ${journey.locale}: Was nehmen Sie mit?` }
		];
		const questions: string[] = [];
		for (const fields of kinds) {
			const id = await createQuestion(actors.editor, baseURL!, server.dataDir, {
				...fields,
				allowChange: 'ja'
			});
			await moderate(actors.editor, baseURL!, 'open', id);
			questions.push(id);
		}

		const { page, close } = await pageWithState(browser, undefined, baseURL!, {
			...phoneDevice,
			locale: journey.browserLocale
		});
		await openPage(page, '/join');
		if (journey.locale === 'de-x-es') {
			// Nobody's browser asks for Einfache Sprache: chosen from the menu.
			await page.locator('details.language-menu summary').click();
			await page.getByRole('link', { name: 'Einfache Sprache' }).click();
			await page.locator('html[data-hydrated="true"]').waitFor();
		}
		const html = page.locator('html');
		await expect(html).toHaveAttribute('lang', journey.locale);
		await expect(html).toHaveAttribute('dir', journey.dir);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('join_title'));
		await check(page, `/join (${journey.locale})`, testInfo);

		// Join by code, with the working group.
		await page.getByLabel(t('join_code_label')).fill(joinCodeOf(server.dataDir, seededEventSlug));
		await page.getByRole('button', { name: t('join_code_submit') }).click();
		await expect(page).toHaveURL(/\/join\/[A-Z0-9]+$/);
		await page.locator('html[data-hydrated="true"]').waitFor();
		await check(page, `/join/code (${journey.locale})`, testInfo);
		await page.getByRole('radio').first().check();
		await page.getByRole('button', { name: t('join_submit'), exact: true }).click();
		await expect(
			page.getByRole('status').filter({ hasText: t('join_welcome_title') })
		).toBeVisible();
		await expect(html).toHaveAttribute('lang', journey.locale);
		await check(page, `/teilnahme (${journey.locale})`, testInfo);

		// A card on the group's board.
		const [boardId] = boardIdsOf(server.dataDir, seededEventSlug);
		await openPage(page, `/teilnahme/${seededEventSlug}/pinnwand/${boardId}`);
		await expect(html).toHaveAttribute('dir', journey.dir);
		const [before, after] = t('board_new_card_label').split('{column}');
		const newCard = page.getByLabel(new RegExp(`^${before}`)).first();
		expect(after.length).toBeGreaterThan(0);
		await newCard.fill(journey.cardText);
		await page
			.getByRole('button', { name: t('board_pin_card') })
			.first()
			.click();
		await expect(page.getByText(journey.cardText, { exact: true })).toBeVisible();
		await check(page, `/pinnwand (${journey.locale})`, testInfo);

		// Every question type, answered through the page.
		await openPage(page, `/teilnahme/${seededEventSlug}/umfrage`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('poll_heading'));
		await check(page, `/umfrage (${journey.locale})`, testInfo);
		for (const [index, kind] of kinds.entries()) {
			const card = page.getByRole('article').filter({ hasText: kind.prompt });
			if (kind.type === 'single' || kind.type === 'scale') {
				await card.getByRole('radio').first().check();
			} else if (kind.type === 'multiple') {
				await card.getByRole('checkbox').first().check();
			} else if (kind.type === 'ranking') {
				await card.getByLabel(t('poll_ranking_confirm')).check();
			} else {
				await card.getByLabel(t('poll_text_label')).fill(journey.cardText);
			}
			await card.getByRole('button', { name: t('poll_submit_send') }).click();
			await expect(card.getByText(t('poll_saved_title'))).toBeVisible();
			const stored = queryDatabase<{ n: number }>(
				server.dataDir,
				'select count(*) as n from poll_answer where question_id = ?',
				questions[index]
			);
			expect(stored[0].n, kind.type).toBe(1);
		}
		await check(page, `/umfrage beantwortet (${journey.locale})`, testInfo);
		await close();
	});
}
