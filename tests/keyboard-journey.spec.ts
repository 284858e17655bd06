// The main flows with the keyboard alone (WCAG 2.1.1): every control is reached with Tab in the
// page's own order and worked with Enter, Space, arrows and typing. No clicks, no focus() calls.
import type { Locator, Page } from '@playwright/test';
import { postForm } from './support/actors';
import { queryDatabase } from './support/database';
import { createDocument } from './support/documents';
import { expect, openPage, pageAs, test } from './support/fixtures';
import { joinCodeOf, seededEventSlug } from './support/participants';

/** Presses Tab until the target has the focus; fails when the page's tab order never gets there. */
async function tabTo(page: Page, target: Locator, limit = 120) {
	for (let i = 0; i < limit; i++) {
		await page.keyboard.press('Tab');
		if (await target.evaluate((element) => element === document.activeElement)) return;
	}
	throw new Error(`Mit Tab nicht erreichbar: ${target}`);
}

async function settled(page: Page) {
	await page.locator('html[data-hydrated="true"]').waitFor();
}

test('sign in, write, comment, propose, add and move a card, answer a poll, record an adoption step', async ({
	browser,
	actors,
	baseURL,
	server
}) => {
	test.setTimeout(120_000);
	const doc = await createDocument(server, actors.editor, 'Tastaturprobe');

	// Sign in.
	const staff = await browser.newContext({ baseURL });
	const page = await staff.newPage();
	await openPage(page, '/anmelden');
	await tabTo(page, page.getByLabel('E-Mail-Adresse'));
	await page.keyboard.type(actors.editor.email);
	await tabTo(page, page.getByLabel('Passwort'));
	await page.keyboard.type(actors.editor.password);
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Guten Tag');

	// To the document through the navigation, and write in it.
	await settled(page);
	await tabTo(page, page.getByRole('navigation').getByRole('link', { name: 'Dokumente' }));
	await page.keyboard.press('Enter');
	await settled(page);
	await tabTo(page, page.getByRole('link', { name: 'Tastaturprobe' }));
	await page.keyboard.press('Enter');
	await expect(page.getByRole('status').filter({ hasText: 'Verbunden' })).toBeVisible();
	const text = page.getByRole('textbox', { name: /Text von/ });
	await tabTo(page, text);
	const sentence = 'Wir beraten Familien dort, wo sie leben.';
	await page.keyboard.type(sentence);
	await expect(text).toContainText(sentence);
	await expect(page.getByRole('status').filter({ hasText: 'gespeichert' })).toBeVisible();

	// Comment on "Familien": select with Shift and the arrows, jump to the comment field.
	// Selecting changes nothing, so it may be tried again: on a busy machine the editor can miss
	// a caret move made while it redraws.
	await expect(async () => {
		await page.keyboard.press('ControlOrMeta+End');
		for (let i = 0; i < ' dort, wo sie leben.'.length; i++) await page.keyboard.press('ArrowLeft');
		for (let i = 0; i < 'Familien'.length; i++) await page.keyboard.press('Shift+ArrowLeft');
		await expect(page.locator('#new-comment-selection')).toHaveText('Markierte Stelle: Familien', {
			timeout: 1000
		});
	}).toPass();
	await page.keyboard.press('Control+Alt+KeyM');
	await expect(page.getByLabel('Ihr Kommentar zur markierten Stelle')).toBeFocused();
	await page.keyboard.type('Auch Alleinerziehende nennen?');
	await tabTo(page, page.getByRole('button', { name: 'Kommentieren' }));
	await page.keyboard.press('Enter');
	await expect(
		page.getByRole('listitem').filter({ has: page.locator('blockquote', { hasText: 'Familien' }) })
	).toContainText('Auch Alleinerziehende nennen?');

	// Propose an addition in suggestion mode, then accept it from the list of proposals.
	await tabTo(page, page.getByRole('button', { name: 'Vorschlagen' }));
	await page.keyboard.press('Enter');
	await expect(text).toBeFocused();
	await page.keyboard.press('ControlOrMeta+End');
	await page.keyboard.press('ArrowLeft');
	await page.keyboard.type(' gemeinsam');
	const proposal = page.locator('li[id^="vorschlag-"]').filter({ hasText: 'gemeinsam' });
	await expect(proposal.locator('ins')).toHaveText('Vorgeschlagen: gemeinsam');
	await tabTo(page, proposal.getByRole('button', { name: 'Annehmen' }));
	await page.keyboard.press('Enter');
	// Accepted: no longer a proposal, but the text itself.
	await expect(text.locator('.proposal')).toHaveCount(0);
	await expect(text).toContainText('Wir beraten Familien dort, wo sie leben gemeinsam.');
	await staff.close();

	// A participant joins by code, writes a card on the group's board and moves it.
	const phone = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 } });
	const participant = await phone.newPage();
	await openPage(participant, '/join');
	await tabTo(participant, participant.getByLabel('Code der Veranstaltung'));
	await participant.keyboard.type(joinCodeOf(server.dataDir, seededEventSlug));
	await participant.keyboard.press('Enter');
	await settled(participant);
	await tabTo(participant, participant.getByRole('radio', { name: /^AG 1/ }));
	await participant.keyboard.press('Space');
	await tabTo(participant, participant.getByRole('button', { name: 'Teilnehmen' }));
	await participant.keyboard.press('Enter');
	await expect(participant.getByRole('heading', { level: 1 })).toBeVisible();
	await settled(participant);
	await tabTo(participant, participant.getByRole('link', { name: /Pinnwand AG 1/ }).first());
	await participant.keyboard.press('Enter');
	await expect(participant.getByText('Verbunden', { exact: true })).toBeVisible();
	await tabTo(participant, participant.getByLabel('Neue Karte in „Schon geschafft“'));
	await participant.keyboard.type('Familienbüro in jeder Kommune');
	const column = (title: string) =>
		participant.getByRole('region', { name: new RegExp(`^${title}`) });
	await tabTo(
		participant,
		column('Schon geschafft').getByRole('button', { name: 'Karte anheften' })
	);
	await participant.keyboard.press('Enter');
	const card = column('Schon geschafft')
		.getByRole('listitem')
		.filter({ hasText: 'Familienbüro in jeder Kommune' });
	await expect(card).toBeVisible();
	await tabTo(participant, card.getByText('Aktionen'));
	await participant.keyboard.press('Enter');
	const destination = card.getByLabel('Verschieben nach …');
	await tabTo(participant, destination);
	const options = await destination.locator('option').allTextContents();
	const steps = options.indexOf('Nächste Schritte') - options.indexOf(await selected(destination));
	for (let i = 0; i < steps; i++) await participant.keyboard.press('ArrowDown');
	expect(await selected(destination)).toBe('Nächste Schritte');
	await tabTo(participant, card.getByRole('button', { name: 'Verschieben', exact: true }));
	await participant.keyboard.press('Enter');
	await expect(column('Nächste Schritte')).toContainText('Familienbüro in jeder Kommune');

	// The moderation opens a question; the participant answers it by keyboard.
	const consolePath = `/konferenzen/${seededEventSlug}/umfragen`;
	const prompt = 'Tastaturfrage: Wann treffen wir uns wieder?';
	expect(
		(
			await postForm(actors.editor.request, baseURL!, `${consolePath}?/create`, {
				type: 'single',
				prompt,
				options: 'Im Frühjahr\nIm Herbst',
				allowChange: 'ja'
			})
		).status()
	).toBe(200);
	const [question] = queryDatabase<{ id: string }>(
		server.dataDir,
		'select id from poll_question where prompt = ?',
		prompt
	);
	await postForm(actors.editor.request, baseURL!, `${consolePath}?/open`, {
		questionId: question.id
	});
	await openPage(participant, `/teilnahme/${seededEventSlug}/umfrage`);
	const form = participant.getByRole('group', { name: /Tastaturfrage/ });
	await tabTo(participant, form.getByRole('radio').first());
	await participant.keyboard.press('ArrowDown');
	await expect(form.getByRole('radio', { name: 'Im Herbst' })).toBeChecked();
	await tabTo(
		participant,
		participant
			.getByRole('article')
			.filter({ has: form })
			.getByRole('button', { name: 'Antwort senden' })
	);
	await participant.keyboard.press('Enter');
	await expect(participant.getByText('Danke, Ihre Antwort ist gespeichert.')).toBeVisible();
	await phone.close();

	// Kamen's signatory records that the administration prepares the frozen text.
	await postForm(actors.editor.request, baseURL!, `/dokumente/${doc.slug}/fassungen?/freeze`, {
		name: 'Für die Räte'
	});
	const signatory = await pageAs(browser, actors.signatory, baseURL!);
	const signing = signatory.page;
	await openPage(signing, `/beschluesse/${doc.slug}/kamen`);
	const record = signing.locator('form[action="?/record"]');
	const stage = record.getByLabel('Schritt', { exact: true });
	await tabTo(signing, stage);
	const stages = await stage.locator('option').allTextContents();
	const down =
		stages.indexOf('In Vorbereitung (Verwaltung)') - stages.indexOf(await selected(stage));
	for (let i = 0; i < down; i++) await signing.keyboard.press('ArrowDown');
	await expect(stage).toHaveValue('in-vorbereitung');
	// A date field takes its parts as typed digits, in the order of the browser's locale.
	await tabTo(signing, record.getByLabel('Datum'));
	await signing.keyboard.type('02112026');
	await tabTo(signing, record.getByLabel('Gremium', { exact: true }));
	await signing.keyboard.type('Verwaltung Kamen');
	await tabTo(signing, record.getByRole('button', { name: 'Schritt erfassen' }));
	await signing.keyboard.press('Enter');
	await expect(signing.getByRole('status').filter({ hasText: /erfasst/ })).toBeVisible();
	const recorded = queryDatabase<{ stage: string; body_name: string }>(
		server.dataDir,
		`select stage, body_name from adoption_step
		 join organisation on organisation.id = adoption_step.organisation_id
		 where organisation.slug = 'kamen' and document_id = ?`,
		doc.id
	);
	expect(recorded).toEqual([{ stage: 'in-vorbereitung', body_name: 'Verwaltung Kamen' }]);
	await signatory.close();
});

async function selected(select: Locator): Promise<string> {
	return select.evaluate((element) => {
		const list = element as HTMLSelectElement;
		return list.options[list.selectedIndex]?.textContent ?? '';
	});
}
