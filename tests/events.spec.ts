// Events and participants: an editor prepares a conference, the room joins by code without an
// account, and each participant reaches only their own event.
import jsQR from 'jsqr';
import { postForm, serverEnvWithAdmin } from './support/actors';
import { queryDatabase, writeDatabase } from './support/database';
import { expect, openPage, pageAs, test } from './support/fixtures';
import { allowRefusedPage } from './support/browser-errors';
import { boardIdsOf, joinAsParticipant, joinCodeOf } from './support/participants';
import { startServer } from './support/server';
import type { Browser } from '@playwright/test';

async function anonymousPhone(browser: Browser, baseURL: string, phone = false) {
	const context = await browser.newContext({
		baseURL,
		...(phone ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } : {})
	});
	return { context, page: await context.newPage() };
}

test('an editor creates an event and two people join it by code, one on a phone', async ({
	browser,
	actors,
	baseURL,
	server
}) => {
	const editor = await pageAs(browser, actors.editor, baseURL!);
	await openPage(editor.page, '/konferenzen');
	await editor.page.getByRole('link', { name: 'Neue Veranstaltung' }).click();
	await editor.page.locator('html[data-hydrated="true"]').waitFor();
	await editor.page.getByLabel('Titel', { exact: true }).fill('Entwicklungskonferenz Süd');
	await editor.page.getByLabel('Datum').fill('2026-03-04');
	await editor.page.getByLabel('Ort').fill('Schwerte');
	await editor.page.getByLabel('Ablauf').fill('Begrüßung\nArbeitsgruppen\nAbschluss');
	await editor.page.getByLabel('Titel der 1. Arbeitsgruppe').fill('AG Wohnen');
	await editor.page.getByLabel('Leitfrage der 1. Arbeitsgruppe').fill('Was brauchen Familien?');
	await editor.page.getByRole('button', { name: 'Weitere Arbeitsgruppe' }).click();
	await expect(editor.page.getByLabel('Titel der 2. Arbeitsgruppe')).toBeFocused();
	await editor.page.keyboard.type('AG Bildung');
	await editor.page.getByRole('button', { name: 'Veranstaltung anlegen' }).click();
	await expect(editor.page).toHaveURL(/\/konferenzen\/entwicklungskonferenz-sued\?angelegt$/);
	await expect(editor.page.getByRole('heading', { level: 1 })).toHaveText(
		'Entwicklungskonferenz Süd'
	);
	await expect(editor.page.getByText('Anmeldung offen')).toBeVisible();
	const code = joinCodeOf(server.dataDir, 'entwicklungskonferenz-sued');
	await expect(editor.page.getByLabel(`Code: ${code.split('').join(' ')}`)).toBeVisible();

	// One joins on a phone by typing the code in lower case, anonymously.
	const phone = await anonymousPhone(browser, baseURL!, true);
	await openPage(phone.page, '/join');
	await phone.page.getByLabel('Code der Veranstaltung').fill(code.toLowerCase());
	await phone.page.getByRole('button', { name: 'Beitreten' }).click();
	await expect(phone.page).toHaveURL(new RegExp(`/join/${code}$`));
	await phone.page.locator('html[data-hydrated="true"]').waitFor();
	await phone.page.getByRole('radio', { name: 'AG Bildung' }).check();
	await phone.page.getByRole('button', { name: 'Teilnehmen' }).click();
	await expect(phone.page).toHaveURL(/\/teilnahme\/entwicklungskonferenz-sued/);
	await expect(phone.page.getByText('Sie nehmen anonym teil.')).toBeVisible();
	await expect(phone.page.getByRole('region', { name: 'Ihre Arbeitsgruppe' })).toContainText(
		'AG Bildung'
	);
	await expect(phone.page.getByRole('list').filter({ hasText: 'Begrüßung' })).toContainText(
		'Abschluss'
	);

	// The other opens the link and gives a name.
	const laptop = await anonymousPhone(browser, baseURL!);
	await openPage(laptop.page, `/join/${code}`);
	await laptop.page.getByLabel('Name').fill('Jo <b>Beispiel</b>');
	await laptop.page.getByRole('radio', { name: 'AG Wohnen' }).check();
	await laptop.page.getByRole('button', { name: 'Teilnehmen' }).click();
	await expect(laptop.page.getByText('Willkommen, Jo <b>Beispiel</b>.')).toBeVisible();
	await expect(laptop.page.getByRole('region', { name: 'Ihre Arbeitsgruppe' })).toContainText(
		'Was brauchen Familien?'
	);

	// The moderator sees them in their groups.
	await editor.page.reload();
	await expect(editor.page.getByTestId('attendance')).toContainText('2 dabei');
	const rows = queryDatabase<{ display_name: string | null; token_hash: string }>(
		server.dataDir,
		`select display_name, token_hash from participant join event on event.id = participant.event_id
		 where event.slug = 'entwicklungskonferenz-sued' order by display_name`
	);
	expect(rows.map((row) => row.display_name)).toEqual([null, 'Jo <b>Beispiel</b>']);
	const cookies = await laptop.context.cookies();
	const cookie = cookies.find((c) => c.name.startsWith('lw_teilnahme_'))!;
	expect(cookie.httpOnly).toBe(true);
	expect(rows.map((row) => row.token_hash)).not.toContain(cookie.value.split('.')[0]);

	await phone.context.close();
	await laptop.context.close();
	await editor.close();
});

test('a participant reaches only their own event, never member pages', async ({
	browser,
	baseURL,
	server,
	actors,
	browserErrors
}) => {
	const other = await postForm(actors.editor.request, baseURL!, '/konferenzen/neu', {
		title: 'Andere Konferenz',
		date: '2026-05-05',
		groupTitle: 'AG X'
	});
	expect(other.status()).toBe(303);
	const participant = await joinAsParticipant(baseURL!, server.dataDir, 'zukunftskonferenz');
	const context = await browser.newContext({
		baseURL,
		storageState: await participant.storageState()
	});
	const page = await context.newPage();
	await openPage(page, '/teilnahme/zukunftskonferenz');
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Zukunftskonferenz');

	const foreign = await page.goto('/teilnahme/andere-konferenz');
	allowRefusedPage(browserErrors, foreign);
	expect(foreign?.status()).toBe(403);
	await expect(page.getByText('Sie nehmen an dieser Veranstaltung nicht teil.')).toBeVisible();
	await expect(page.getByRole('link', { name: 'Code eingeben und teilnehmen' })).toBeVisible();

	for (const memberPage of ['/dokumente', '/konferenzen/zukunftskonferenz', '/konto']) {
		await page.goto(memberPage);
		await expect(page, memberPage).toHaveURL(/\/anmelden\?weiter=/);
	}
	await context.close();
	await participant.dispose();
});

test('closed joining is said plainly; a rotated code stops working; the re-entry code moves a participant', async ({
	browser,
	actors,
	baseURL,
	browserErrors,
	server
}) => {
	const created = await postForm(actors.editor.request, baseURL!, '/konferenzen/neu', {
		title: 'Konferenz mit Wiedereinstieg',
		date: '2026-06-06',
		groupTitle: 'AG 1'
	});
	expect(created.status()).toBe(303);
	const slug = 'konferenz-mit-wiedereinstieg';
	const first = await anonymousPhone(browser, baseURL!, true);
	await openPage(first.page, `/join/${joinCodeOf(server.dataDir, slug)}`);
	await first.page.getByRole('radio', { name: 'AG 1' }).check();
	await first.page.getByRole('button', { name: 'Teilnehmen' }).click();
	const reentry = (await first.page.locator('.reentry-code').innerText()).trim();
	expect(reentry).toMatch(/^[A-Z0-9]{8}$/);

	const editor = await pageAs(browser, actors.editor, baseURL!);
	await openPage(editor.page, `/konferenzen/${slug}`);
	await editor.page.getByRole('button', { name: 'Anmeldung schließen' }).click();
	await expect(editor.page.getByText('Anmeldung geschlossen', { exact: true })).toBeVisible();

	const second = await anonymousPhone(browser, baseURL!, true);
	await openPage(second.page, `/join/${joinCodeOf(server.dataDir, slug)}`);
	await expect(second.page.getByText('Anmeldung geschlossen')).toBeVisible();
	await expect(second.page.getByRole('button', { name: 'Teilnehmen' })).toHaveCount(0);
	const refused = await postForm(
		second.context.request,
		baseURL!,
		`/join/${joinCodeOf(server.dataDir, slug)}?/join`,
		{ workingGroupId: '' }
	);
	expect(refused.status()).toBe(403);

	// With joining closed, the re-entry code still moves the identity to the second device.
	await second.page.getByLabel('Wiedereinstiegscode').fill(reentry.toLowerCase());
	await second.page.getByRole('button', { name: 'Weitermachen' }).click();
	await expect(second.page).toHaveURL(new RegExp(`/teilnahme/${slug}$`));
	await expect(second.page.getByRole('region', { name: 'Ihre Arbeitsgruppe' })).toContainText(
		'AG 1'
	);
	const response = await first.page.goto(`/teilnahme/${slug}`);
	allowRefusedPage(browserErrors, response);
	expect(response?.status(), 'first device is out').toBe(403);

	// A new code: the old one is gone, and says nothing about whether it ever existed.
	const oldCode = joinCodeOf(server.dataDir, slug);
	editor.page.once('dialog', (dialog) => dialog.accept());
	await editor.page.getByRole('button', { name: 'Neuen Code erzeugen' }).click();
	await expect(editor.page.getByText('Der alte Code gilt nicht mehr.')).toBeVisible();
	const newCode = joinCodeOf(server.dataDir, slug);
	expect(newCode).not.toBe(oldCode);
	const old = await second.page.goto(`/join/${oldCode}`);
	allowRefusedPage(browserErrors, old);
	expect(old?.status()).toBe(404);
	await expect(
		second.page.getByText('Zu diesem Code finden wir keine Veranstaltung.')
	).toBeVisible();

	await first.context.close();
	await second.context.close();
	await editor.close();
});

test('a copied event has the same working groups and a new code', async ({
	browser,
	actors,
	baseURL,
	server
}) => {
	const editor = await pageAs(browser, actors.editor, baseURL!);
	await openPage(editor.page, '/konferenzen/zukunftskonferenz');
	await editor.page.getByRole('button', { name: 'Als Vorlage kopieren' }).click();
	await expect(editor.page).toHaveURL(
		/\/konferenzen\/zukunftskonferenz-kopie.*\/bearbeiten\?kopie$/
	);
	const slug = new URL(editor.page.url()).pathname.split('/')[2];
	await editor.page.locator('html[data-hydrated="true"]').waitFor();
	await editor.page.getByLabel('Titel', { exact: true }).fill('1. Entwicklungskonferenz');
	await editor.page.getByLabel('Datum').fill('2026-09-10');
	await editor.page.getByRole('button', { name: 'Änderungen speichern' }).click();
	await expect(editor.page.getByRole('heading', { level: 1 })).toHaveText(
		'1. Entwicklungskonferenz'
	);

	const groups = (eventSlug: string) =>
		queryDatabase<{ title: string; question: string }>(
			server.dataDir,
			`select working_group.title, working_group.question from working_group
			 join event on event.id = working_group.event_id where event.slug = ?
			 order by working_group.sort_order`,
			eventSlug
		);
	expect(groups(slug)).toEqual(groups('zukunftskonferenz'));
	expect(groups(slug)).toHaveLength(5);
	expect(joinCodeOf(server.dataDir, slug)).not.toBe(
		joinCodeOf(server.dataDir, 'zukunftskonferenz')
	);
	const [participants] = queryDatabase<{ n: number }>(
		server.dataDir,
		'select count(*) as n from participant join event on event.id = participant.event_id where event.slug = ?',
		slug
	);
	expect(participants.n).toBe(0);

	// Archived, it is closed for joining.
	await editor.page.getByRole('button', { name: 'Archivieren' }).click();
	await expect(editor.page.getByText('Anmeldung geschlossen', { exact: true })).toBeVisible();
	await editor.close();
});

test('every projection shows a QR code that decodes to the join URL, and the short address', async ({
	browser,
	actors,
	baseURL,
	server
}) => {
	// Three projections, each drawn to a canvas and its pixels decoded: slow on a loaded machine.
	test.setTimeout(60_000);
	const editor = await pageAs(browser, actors.editor, baseURL!);
	const code = joinCodeOf(server.dataDir, 'zukunftskonferenz');
	const projections = [
		'/konferenzen/zukunftskonferenz/projektion',
		'/konferenzen/zukunftskonferenz/umfragen/projektion',
		`/konferenzen/zukunftskonferenz/pinnwand/${boardIdsOf(server.dataDir, 'zukunftskonferenz')[0]}/projektion`
	];
	for (const path of projections) {
		await openPage(editor.page, path);
		await expect(editor.page.getByLabel(`Code: ${code.split('').join(' ')}`)).toBeVisible();
		await expect(
			editor.page.getByText(`${new URL(server.url).host}/join`, { exact: true })
		).toBeVisible();
		if (path === projections[0]) {
			// The test server runs on localhost: the moderator is warned that phones cannot reach it.
			await expect(
				editor.page.getByText('Handys im Saal erreichen diese Adresse nicht')
			).toBeVisible();
		}

		// Draw the SVG onto a canvas in the browser and decode its pixels here.
		const image = await editor.page
			.getByRole('img', { name: /^QR-Code/ })
			.locator('svg')
			.evaluate(async (svg) => {
				const size = 400;
				const blob = new Blob([new XMLSerializer().serializeToString(svg)], {
					type: 'image/svg+xml'
				});
				const url = URL.createObjectURL(blob);
				const img = new Image(size, size);
				img.src = url;
				await img.decode();
				const canvas = document.createElement('canvas');
				canvas.width = size;
				canvas.height = size;
				const context = canvas.getContext('2d')!;
				context.fillStyle = '#fff';
				context.fillRect(0, 0, size, size);
				context.drawImage(img, 0, 0, size, size);
				URL.revokeObjectURL(url);
				return { size, data: Array.from(context.getImageData(0, 0, size, size).data) };
			});
		const decoded = jsQR(Uint8ClampedArray.from(image.data), image.size, image.size);
		expect(decoded?.data, path).toBe(`${server.url}/join/${code}`);
	}
	await editor.close();
});

test('wrong codes are refused alike and slowed per address; right ones never are', async () => {
	const server = await startServer({ env: { JOIN_FREE_FAILURES: '30' } });
	try {
		const code = joinCodeOf(server.dataDir, 'zukunftskonferenz');
		const before = queryDatabase<{ n: number }>(
			server.dataDir,
			'select count(*) as n from participant'
		);
		const post = (value: string) =>
			fetch(`${server.url}/join`, {
				method: 'POST',
				body: new URLSearchParams({ code: value }),
				headers: { origin: server.url, accept: 'text/html' },
				redirect: 'manual'
			});
		// A whole room joining from one router is never slowed down.
		for (let i = 0; i < 40; i++) expect((await post(code)).status).toBe(303);
		const malformed = await post('0O1');
		const unknown = await post('AAAAAA');
		expect(malformed.status).toBe(400);
		expect(await malformed.text()).toContain('sechsstelligen Code');
		expect(unknown.status).toBe(404);
		expect(await unknown.text()).toMatch(/Zu diesem Code finden wir keine Veranstaltung/);
		// Thirty wrong codes are free; the thirty-first starts a wait of a second.
		for (let i = 0; i < 30; i++) expect((await post('AAAAAA')).status).toBe(404);
		const waiting = await post('AAAAAA');
		expect(waiting.status).toBe(429);
		expect(waiting.headers.get('retry-after')).toBe('1');
		expect(await waiting.text()).toContain(
			'Zu viele falsche Codes von diesem Anschluss. Bitte warten Sie 1 Sekunde'
		);
		// The room's own code still works while the wrong ones wait, and the wait ends.
		expect((await post(code)).status).toBe(303);
		// Guesses during the wait are refused without being counted, so asking again is fair.
		await expect
			.poll(async () => (await post('AAAAAA')).status, { intervals: [250], timeout: 5_000 })
			.toBe(404);
		expect(queryDatabase(server.dataDir, 'select count(*) as n from participant')).toEqual(before);
	} finally {
		await server.dispose();
	}
});

test('participant identities of a long-archived event are deleted at start-up, the event stays', async () => {
	const server = await startServer({
		env: { ...serverEnvWithAdmin, PARTICIPANT_RETENTION_DAYS: '30' }
	});
	try {
		const participant = await joinAsParticipant(server.url, server.dataDir, 'zukunftskonferenz');
		await participant.dispose();
		const count = () =>
			queryDatabase<{ n: number }>(server.dataDir, 'select count(*) as n from participant')[0].n;
		expect(count()).toBe(1);
		// Archived 31 days ago, as if the conference were long over.
		const archivedAt = Date.now() - 31 * 24 * 60 * 60 * 1000;
		writeDatabase(
			server.dataDir,
			"update event set archived_at = ?, joining_open = 0 where slug = 'zukunftskonferenz'",
			archivedAt
		);
		await server.stop();
		await server.restart();
		expect(count()).toBe(0);
		expect(queryDatabase(server.dataDir, 'select slug from event')).toEqual([
			{ slug: 'zukunftskonferenz' }
		]);
	} finally {
		await server.dispose();
	}
});
