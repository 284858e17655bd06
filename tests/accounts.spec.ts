// Accounts end to end: sign-in, invitations, roles, resets, deactivation, restarts.
import { request as playwrightRequest } from '@playwright/test';
import {
	acceptInvitation,
	adminCredentials,
	invite,
	memberPassword,
	postForm,
	serverEnvWithAdmin,
	signedInRequest
} from './support/actors';
import { freshKamenMember } from './authz/targets';
import { queryDatabase, writeDatabase } from './support/database';
import { expect, openPage, pageAs, test } from './support/fixtures';
import { startServer } from './support/server';

test('sign in and out in the browser; the old cookie no longer works', async ({
	page,
	baseURL
}) => {
	await openPage(page, '/dokumente');
	await expect(page).toHaveURL(/\/anmelden\?weiter=%2Fdokumente$/);
	await page.getByLabel('E-Mail-Adresse').fill(adminCredentials.email);
	await page.getByLabel('Passwort').fill(adminCredentials.password);
	await page.getByRole('button', { name: 'Anmelden' }).click();
	await expect(page).toHaveURL(/\/dokumente$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dokumente');
	const cookies = await page.context().cookies();
	const session = cookies.find((cookie) => cookie.name === 'lw_sitzung')!;
	expect(session.httpOnly).toBe(true);
	expect(session.sameSite).toBe('Lax');

	await page.getByRole('button', { name: 'Abmelden' }).click();
	await expect(page.getByRole('status')).toContainText('Sie sind abgemeldet.');

	const replay = await playwrightRequest.newContext({
		baseURL,
		extraHTTPHeaders: { cookie: `lw_sitzung=${session.value}` }
	});
	const response = await replay.get('/dokumente', { maxRedirects: 0 });
	expect(response.status()).toBe(303);
	expect(response.headers().location).toContain('/anmelden');
	await replay.dispose();
});

test('a manager may not end their own membership: 403 with the reason, still active', async ({
	actors,
	server
}) => {
	const userId = (email: string) =>
		queryDatabase<{ id: string }>(server.dataDir, 'select id from user where email = ?', email)[0]
			.id;
	const activeIn = (id: string) =>
		queryDatabase<{ deactivated_at: number | null }>(
			server.dataDir,
			`select m.deactivated_at from membership m join organisation o on o.id = m.organisation_id
			 where m.user_id = ? and o.slug = 'kamen'`,
			id
		)[0].deactivated_at === null;
	const own = userId(actors.manager.email);
	const response = await postForm(
		actors.manager.request,
		server.url,
		'/verwaltung/organisationen/kamen?/deactivate',
		{ userId: own }
	);
	expect(response.status()).toBe(403);
	expect(await response.text()).toContain('Sie können sich nicht selbst deaktivieren.');
	expect(activeIn(own)).toBe(true);
	// Another member's membership the same manager ends (a new member: deactivating ends the
	// person's sessions, and the file's actors keep theirs).
	const { member: other } = await freshKamenMember({
		server,
		actors,
		actorName: 'manager',
		request: actors.manager.request
	});
	const allowed = await postForm(
		actors.manager.request,
		server.url,
		'/verwaltung/organisationen/kamen?/deactivate',
		{ userId: other }
	);
	expect(allowed.status()).toBe(200);
	expect(activeIn(other)).toBe(false);
});

test('a wrong password and an unknown e-mail get the same German answer', async ({
	page,
	browserErrors
}) => {
	browserErrors.allow(
		'Der Test meldet sich absichtlich falsch an: die Anmeldung antwortet mit 400',
		/status of 400 .*\/anmelden\)$/
	);
	await openPage(page, '/anmelden');
	for (const email of [adminCredentials.email, 'niemand@kreis-unna.test']) {
		await page.getByLabel('E-Mail-Adresse').fill(email);
		await page.getByLabel('Passwort').fill('ganz-falsches-passwort');
		await page.getByRole('button', { name: 'Anmelden' }).click();
		await expect(page.getByRole('alert')).toContainText(
			'E-Mail-Adresse oder Passwort sind nicht richtig.'
		);
	}
});

test('a forged session cookie counts as signed out', async ({ server }) => {
	const forged = await playwrightRequest.newContext({
		baseURL: server.url,
		extraHTTPHeaders: { cookie: 'lw_sitzung=abc.def' }
	});
	const response = await forged.get('/konto', { maxRedirects: 0 });
	expect(response.status()).toBe(303);
	expect(response.headers()['set-cookie']).toContain('lw_sitzung=;');
	await forged.dispose();
});

test('the admin invites a manager of Kamen, who invites their own staff', async ({
	browser,
	actors,
	baseURL
}) => {
	const admin = await pageAs(browser, actors.admin, baseURL!);
	await openPage(admin.page, '/verwaltung/organisationen/kamen');
	await admin.page.getByLabel('E-Mail-Adresse').fill('leitung@kamen.test');
	await admin.page.getByRole('checkbox', { name: 'Lesen' }).uncheck();
	await admin.page.getByRole('checkbox', { name: 'Mitglieder verwalten' }).check();
	await admin.page.getByRole('button', { name: 'Einladungslink erstellen' }).click();
	const managerLink = await admin.page.getByLabel('Einladungslink').inputValue();
	expect(managerLink).toMatch(/\/einladung\/[a-z0-9]{24}$/);
	await admin.close();

	const newcomer = await browser.newContext({ baseURL });
	const manager = await newcomer.newPage();
	await openPage(manager, new URL(managerLink).pathname);
	await expect(manager.getByText('bei Stadt Kamen mitzuarbeiten')).toBeVisible();
	await manager.getByLabel('Ihr Name').fill('Lena Leitung');
	await manager.getByLabel('Passwort', { exact: true }).fill('Kamen-Leitung-2026');
	await manager.getByLabel('Passwort wiederholen').fill('Kamen-Leitung-2026');
	await manager.getByRole('button', { name: 'Konto anlegen und Einladung annehmen' }).click();
	await expect(manager.getByRole('heading', { level: 1 })).toHaveText('Guten Tag, Lena Leitung');
	await expect(manager.getByRole('listitem').filter({ hasText: 'Stadt Kamen' })).toContainText(
		'Mitglieder verwalten'
	);

	await openPage(manager, '/verwaltung/organisationen/kamen');
	await expect(manager.getByRole('checkbox', { name: 'Administration' })).toHaveCount(0);
	await manager.getByLabel('E-Mail-Adresse').fill('redaktion@kamen.test');
	await manager.getByRole('checkbox', { name: 'Redaktion' }).check();
	await manager.getByRole('button', { name: 'Einladungslink erstellen' }).click();
	const editorLink = new URL(await manager.getByLabel('Einladungslink').inputValue()).pathname;

	const editorRequest = await acceptInvitation(
		baseURL!,
		editorLink,
		'Erik Redaktion',
		memberPassword
	);
	const start = await editorRequest.get('/');
	expect(await start.text()).toContain('Redaktion, Lesen');
	await editorRequest.dispose();

	const reuse = await postForm(newcomer.request, baseURL!, `${editorLink}?/create`, {
		name: 'Noch jemand',
		password: memberPassword,
		passwordRepeat: memberPassword
	});
	expect(reuse.status()).toBe(410);
	expect(await reuse.text()).toContain('bereits verwendet');
	await newcomer.close();
});

test('an expired invitation is refused and writes nothing', async ({ actors, server, page }) => {
	const link = await invite(actors.admin.request, server.url, 'selm', 'spaet@selm.test', [
		'viewer'
	]);
	writeDatabase(
		server.dataDir,
		"update account_link set expires_at = 0 where email = 'spaet@selm.test'"
	);
	await openPage(page, link);
	await expect(page.getByRole('alert')).toContainText('abgelaufen');
	const response = await postForm(page.request, server.url, `${link}?/create`, {
		name: 'Spät',
		password: memberPassword,
		passwordRepeat: memberPassword
	});
	expect(response.status()).toBe(410);
	expect(
		queryDatabase(server.dataDir, "select id from user where email = 'spaet@selm.test'")
	).toEqual([]);
});

test('bad input on an invitation gets a German message and creates nothing', async ({
	actors,
	server
}) => {
	for (const [fields, message] of [
		[{ email: 'keine-adresse', roles: ['viewer'] }, 'gültige E-Mail-Adresse'],
		[{ email: 'ok@kamen.test', roles: [] }, 'mindestens eine Rolle'],
		[{ email: 'ok@kamen.test', roles: ['chef'] }, 'Unbekannte Rolle'],
		[{ email: `${'x'.repeat(300)}@kamen.test`, roles: ['viewer'] }, 'zu lang']
	] as const) {
		const response = await postForm(
			actors.manager.request,
			server.url,
			'/verwaltung/organisationen/kamen?/invite',
			fields as unknown as Record<string, string | string[]>
		);
		expect(response.status()).toBe(400);
		expect(await response.text()).toContain(message);
	}
	expect(
		queryDatabase(server.dataDir, "select id from account_link where email = 'ok@kamen.test'")
	).toEqual([]);
});

test('a reset link works once', async ({ browser, actors, baseURL, server }) => {
	const link = await invite(actors.admin.request, server.url, 'werne', 'vergesslich@werne.test', [
		'viewer'
	]);
	(await acceptInvitation(server.url, link, 'Vera Vergesslich', memberPassword)).dispose();

	const admin = await pageAs(browser, actors.admin, baseURL!);
	await openPage(admin.page, '/verwaltung/organisationen/werne');
	await admin.page.getByText('Vera Vergesslich', { exact: true }).last().click();
	await admin.page.getByRole('link', { name: 'Konto von Vera Vergesslich' }).click();
	await admin.page
		.getByRole('button', { name: 'Link zum Zurücksetzen des Passworts erstellen' })
		.click();
	const resetPath = new URL(
		await admin.page.getByLabel('Link zum Zurücksetzen des Passworts').inputValue()
	).pathname;
	await admin.close();

	const visitor = await browser.newContext({ baseURL });
	const page = await visitor.newPage();
	await openPage(page, resetPath);
	await page.getByLabel('Neues Passwort', { exact: true }).fill('Neu-und-sicher-2026');
	await page.getByLabel('Neues Passwort wiederholen').fill('Neu-und-sicher-2026');
	await page.getByRole('button', { name: 'Passwort speichern' }).click();
	await expect(page.getByRole('status')).toContainText('Ihr neues Passwort ist gespeichert.');
	await openPage(page, resetPath);
	await expect(page.getByRole('alert')).toContainText('bereits verwendet');
	await visitor.close();

	(await signedInRequest(server.url, 'vergesslich@werne.test', 'Neu-und-sicher-2026')).dispose();
});

test('a viewer is refused on the admin page and on an admin action sent directly', async ({
	actors,
	server
}) => {
	const viewer = actors.viewer.request;
	expect((await viewer.get('/verwaltung/protokoll')).status()).toBe(403);
	const before = queryDatabase(server.dataDir, 'select count(*) as n from account_link');
	const action = await postForm(viewer, server.url, '/verwaltung/organisationen/kamen?/invite', {
		email: 'eingeschleust@kamen.test',
		roles: ['manager']
	});
	expect(action.status()).toBe(403);
	expect(queryDatabase(server.dataDir, 'select count(*) as n from account_link')).toEqual(before);
});

test('the manager of Kamen cannot invite into Unna', async ({ actors, server }) => {
	const response = await postForm(
		actors.manager.request,
		server.url,
		'/verwaltung/organisationen/unna?/invite',
		{ email: 'fremd@unna.test', roles: ['viewer'] }
	);
	expect(response.status()).toBe(403);
	expect(await response.text()).toContain('keine Berechtigung');
	expect(
		queryDatabase(server.dataDir, "select id from account_link where email = 'fremd@unna.test'")
	).toEqual([]);
});

test('a manager cannot give the admin role', async ({ actors, server }) => {
	const response = await postForm(
		actors.manager.request,
		server.url,
		'/verwaltung/organisationen/kamen?/invite',
		{ email: 'macht@kamen.test', roles: ['admin'] }
	);
	expect(response.status()).toBe(403);
});

test('deactivation ends an open session at once', async ({ browser, actors, baseURL, server }) => {
	const link = await invite(actors.manager.request, server.url, 'kamen', 'geht@kamen.test', [
		'viewer'
	]);
	const leaving = await acceptInvitation(server.url, link, 'Gerd Geht', memberPassword);
	expect((await leaving.get('/konto', { maxRedirects: 0 })).status()).toBe(200);

	const manager = await pageAs(browser, actors.manager, baseURL!);
	await openPage(manager.page, '/verwaltung/organisationen/kamen');
	await manager.page.getByText('Gerd Geht', { exact: true }).last().click();
	await manager.page.getByRole('button', { name: 'Gerd Geht in Stadt Kamen deaktivieren' }).click();
	await expect(manager.page.getByRole('status')).toContainText(
		'Gerd Geht ist in Stadt Kamen deaktiviert'
	);
	await manager.close();

	expect((await leaving.get('/konto', { maxRedirects: 0 })).status()).toBe(303);
	const again = await postForm(leaving, server.url, '/anmelden', {
		email: 'geht@kamen.test',
		password: memberPassword
	});
	expect(await again.text()).toContain('Ihr Zugang ist deaktiviert');
	await leaving.dispose();

	const log = await actors.admin.request.get('/verwaltung/protokoll');
	expect(await log.text()).toContain('Mitgliedschaft deaktiviert');
});

test('everyone can change their own name and password', async ({ browser, server, baseURL }) => {
	const link = await invite(
		await signedInRequest(server.url, adminCredentials.email, adminCredentials.password),
		server.url,
		'boenen',
		'selbst@boenen.test',
		['viewer']
	);
	(await acceptInvitation(server.url, link, 'Sam Selbst', memberPassword)).dispose();
	const other = await signedInRequest(server.url, 'selbst@boenen.test', memberPassword);

	const context = await browser.newContext({ baseURL });
	const page = await context.newPage();
	await openPage(page, '/anmelden');
	await page.getByLabel('E-Mail-Adresse').fill('selbst@boenen.test');
	await page.getByLabel('Passwort').fill(memberPassword);
	await page.getByRole('button', { name: 'Anmelden' }).click();
	await openPage(page, '/konto');
	await page.getByLabel('Name', { exact: true }).fill('Samira Selbst');
	await page.getByRole('button', { name: 'Name speichern' }).click();
	await expect(page.getByRole('status')).toContainText('Ihr Name ist gespeichert.');
	await expect(page.getByRole('link', { name: /Samira Selbst/ })).toBeVisible();

	await page.getByLabel('Bisheriges Passwort').fill(memberPassword);
	await page.getByLabel('Neues Passwort', { exact: true }).fill('Ganz-neu-2026-Bönen');
	await page.getByLabel('Neues Passwort wiederholen').fill('Ganz-neu-2026-Bönen');
	await page.getByRole('button', { name: 'Passwort ändern' }).click();
	await expect(page.getByRole('status')).toContainText('Ihr Passwort ist geändert.');
	// This browser stays signed in; the other session has ended.
	await openPage(page, '/konto');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mein Konto');
	expect((await other.get('/konto', { maxRedirects: 0 })).status()).toBe(303);
	await other.dispose();
	await context.close();
});

test.describe('with a server of its own', () => {
	test('failed sign-ins are slowed with a wait time, and released after it', async () => {
		const server = await startServer({ env: serverEnvWithAdmin });
		const request = await playwrightRequest.newContext({ baseURL: server.url });
		try {
			for (let attempt = 0; attempt < 6; attempt++) {
				const wrong = await postForm(request, server.url, '/anmelden', {
					email: adminCredentials.email,
					password: 'falsch-falsch-falsch'
				});
				expect(wrong.status()).toBe(400);
			}
			// During the wait not even the right password is checked.
			const waiting = await postForm(request, server.url, '/anmelden', adminCredentials);
			expect(waiting.status()).toBe(429);
			expect(waiting.headers()['retry-after']).toBe('1');
			expect(await waiting.text()).toContain(
				'Zu viele fehlgeschlagene Anmeldungen. Bitte warten Sie 1 Sekunde'
			);
			// Attempts during the wait are refused without being counted, so asking again is fair.
			await expect
				.poll(
					async () => (await postForm(request, server.url, '/anmelden', adminCredentials)).status(),
					{ intervals: [250], timeout: 5_000 }
				)
				.toBe(303);
		} finally {
			await request.dispose();
			await server.dispose();
		}
	});

	test('a restart keeps users and sessions', async () => {
		const server = await startServer({ env: serverEnvWithAdmin });
		try {
			const admin = await signedInRequest(
				server.url,
				adminCredentials.email,
				adminCredentials.password
			);
			const link = await invite(admin, server.url, 'luenen', 'bleibt@luenen.test', ['editor']);
			const member = await acceptInvitation(server.url, link, 'Bea Bleibt', memberPassword);
			await server.kill();
			await server.restart();
			const start = await member.get('/', { maxRedirects: 0 });
			expect(await start.text()).toContain('Guten Tag, Bea Bleibt');
			expect((await admin.get('/verwaltung/protokoll')).status()).toBe(200);
			expect(server.output()).not.toContain('Passwort:');
			await member.dispose();
			await admin.dispose();
		} finally {
			await server.dispose();
		}
	});

	test('without ADMIN_EMAIL a first admin is created with a password printed once', async () => {
		const server = await startServer();
		try {
			const printed = /E-Mail: +(\S+)\n +Passwort: +(\S+)/.exec(server.output());
			expect(printed, server.output()).not.toBeNull();
			const [, email, password] = printed!;
			(await signedInRequest(server.url, email, password)).dispose();
			await server.stop();
			await server.restart();
			expect(server.output().match(/Passwort: /g)).toHaveLength(1);
		} finally {
			await server.dispose();
		}
	});
});
