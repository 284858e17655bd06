// E-mail end to end (#20.2) against a local SMTP sink: an invitation arrives and its link works,
// the choice of mails under "Mein Konto", a refused mail is retried, shown as failed to the
// admins and delivered after "Erneut versuchen", and a mail queued before a SIGKILL goes out
// exactly once after the restart.
import { createHmac } from 'node:crypto';
import type { APIRequestContext } from '@playwright/test';
import {
	acceptInvitation,
	adminCredentials,
	invite,
	memberPassword,
	postForm,
	serverEnvWithAdmin,
	signedInRequest
} from './support/actors';
import { queryDatabase } from './support/database';
import { expect, openPage, pageWithState, test as base } from './support/fixtures';
import { metricNow } from './support/metrics';
import { startServer, type AppServer } from './support/server';
import { startSmtpSink, type SmtpSink } from './support/smtp-sink';

const from = 'Leitbild-Werkstatt <werkstatt@kreis-unna.test>';

function mailEnv(sink: SmtpSink, extra: Record<string, string> = {}) {
	return { ...serverEnvWithAdmin, SMTP_URL: sink.url, SMTP_FROM: from, ...extra };
}

interface OutboxRow {
	state: string;
	attempts: number;
	last_error: string | null;
}

/** The one-click link's token as the mail would carry it, signed with this database's key. */
async function unsubscribeTokenOf(server: AppServer, userId: string, kind: string) {
	// A well-formed link with a wrong signature is refused, and makes the server set its key.
	const probe = await fetch(`${server.url}/e-mail-abbestellen/${userId}.${kind}.${'0'.repeat(32)}`);
	expect(probe.status).toBe(404);
	const [{ value }] = queryDatabase<{ value: string }>(
		server.dataDir,
		"select value from database_meta where key = 'mail_unsubscribe_key'"
	);
	const signature = createHmac('sha256', Buffer.from(value, 'hex'))
		.update(`${userId}\n${kind}`)
		.digest()
		.subarray(0, 16)
		.toString('hex');
	return `${userId}.${kind}.${signature}`;
}

function outbox(server: AppServer, recipient: string): OutboxRow[] {
	return queryDatabase<OutboxRow>(
		server.dataDir,
		'select state, attempts, last_error from mail_outbox where recipient = ?',
		recipient
	);
}

// A server of this file's own, mail on: a refused mail gets two quick attempts.
const test = base.extend<object, { sink: SmtpSink; server: AppServer; admin: APIRequestContext }>({
	sink: [
		// eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a function asks for
		async ({}, use) => {
			const sink = await startSmtpSink();
			await use(sink);
			await sink.stop();
		},
		{ scope: 'worker' }
	],
	server: [
		async ({ sink }, use) => {
			const server = await startServer({
				fromTemplate: true,
				env: mailEnv(sink, { MAIL_MAX_ATTEMPTS: '2', MAIL_RETRY_BASE_SECONDS: '0.2' })
			});
			await use(server);
			await server.dispose();
		},
		{ scope: 'worker' }
	],
	admin: [
		async ({ server }, use) => {
			const admin = await signedInRequest(
				server.url,
				adminCredentials.email,
				adminCredentials.password
			);
			await use(admin);
			await admin.dispose();
		},
		{ scope: 'worker' }
	]
});

test('an invitation arrives by e-mail and its link creates the account in the browser', async ({
	server,
	sink,
	admin,
	browser
}) => {
	const email = 'post@kamen.test';
	const { page, close } = await pageWithState(browser, admin, server.url);
	await openPage(page, '/verwaltung/organisationen/kamen');
	await expect(page.getByText('Die Person erhält die Einladung per E-Mail')).toBeVisible();
	await page.getByLabel('E-Mail-Adresse').fill(email);
	await page.getByRole('checkbox', { name: 'Redaktion' }).check();
	await page.getByRole('button', { name: 'Einladungslink erstellen' }).click();
	await expect(page.getByText(`Die Einladung wurde an ${email} gesendet.`)).toBeVisible();
	const shown = await page.getByLabel('Einladungslink').inputValue();
	await close();

	const mails = await sink.waitForMails(1);
	const mail = mails.find((m) => m.subject?.includes('Kamen'))!;
	expect(mail.to).toMatchObject({ value: [{ address: email }] });
	expect(mail.subject).toBe('Einladung in die Leitbild-Werkstatt: Stadt Kamen');
	expect(mail.text).toContain(shown);
	expect(mail.text).toContain('Rollen: Redaktion');
	expect(mail.html).toContain(`href="${shown}"`);
	expect(mail.html).not.toMatch(/<img|<script|<link/);

	// The link from the mail, opened by the invited person in a browser of their own.
	const link = /http:\/\/\S+\/einladung\/[a-z0-9]+/.exec(mail.text ?? '')![0];
	const context = await browser.newContext();
	const invited = await context.newPage();
	await openPage(invited, link);
	await invited.getByLabel('Ihr Name').fill('Paula Post');
	await invited.getByLabel('Passwort', { exact: true }).fill('Post-Passwort-2026');
	await invited.getByLabel('Passwort wiederholen').fill('Post-Passwort-2026');
	await invited.getByRole('button', { name: 'Konto anlegen und Einladung annehmen' }).click();
	await invited.waitForURL(`${server.url}/`);

	// Under "Mein Konto" she turns the mentions off; the choice is stored and shown again.
	await openPage(invited, '/konto');
	const mentions = invited.getByRole('checkbox', { name: 'Erwähnungen (@Name) in Kommentaren' });
	await expect(mentions).toBeChecked();
	await expect(
		invited.getByRole('checkbox', { name: /Wöchentliche Zusammenfassung/ })
	).not.toBeChecked();
	await mentions.uncheck();
	await invited.getByRole('button', { name: 'Auswahl speichern' }).click();
	await expect(invited.getByText('Ihre Auswahl der E-Mails ist gespeichert.')).toBeVisible();
	await openPage(invited, '/konto');
	await expect(mentions).not.toBeChecked();
	await expect(invited.getByRole('checkbox', { name: /Antworten auf meine/ })).toBeChecked();

	// The one-click link of a mail turns one kind off without signing in.
	const paula = queryDatabase<{ id: string }>(
		server.dataDir,
		'select id from user where email = ?',
		email
	)[0].id;
	const token = await unsubscribeTokenOf(server, paula, 'comment-reply');
	const stranger = await browser.newContext({ baseURL: server.url });
	const unsubscribe = await stranger.newPage();
	await openPage(unsubscribe, `/e-mail-abbestellen/${token}`);
	await expect(
		unsubscribe.getByText('Sie erhalten zurzeit E-Mails über: Antworten auf meine Kommentare.')
	).toBeVisible();
	await unsubscribe.getByRole('button', { name: 'Diese E-Mails abbestellen' }).click();
	await expect(
		unsubscribe.getByText('Sie erhalten keine E-Mails mehr über: Antworten auf meine Kommentare.')
	).toBeVisible();
	await stranger.close();
	await openPage(invited, '/konto');
	await expect(invited.getByRole('checkbox', { name: /Antworten auf meine/ })).not.toBeChecked();
	await context.close();
	expect(
		queryDatabase(
			server.dataDir,
			`select p.kind, p.enabled from mail_preference p join user u on u.id = p.user_id
			 where u.email = ? and p.enabled = 0 order by p.kind`,
			email
		)
	).toEqual([
		{ kind: 'comment-reply', enabled: 0 },
		{ kind: 'mention', enabled: 0 },
		{ kind: 'weekly-digest', enabled: 0 }
	]);
	expect(outbox(server, email)).toEqual([{ state: 'sent', attempts: 1, last_error: null }]);
});

test('a refused mail is retried, shown as failed with its reason, and sent after "Erneut versuchen"', async ({
	server,
	sink,
	admin,
	browser
}) => {
	const email = 'abgewiesen@unna.test';
	sink.refuse(true);
	const before = sink.mails.length;
	const failures = (outcome: string) =>
		metricNow(server.url, 'leitbild_mail_delivery_failures_total', { outcome });
	const inOutbox = (state: string) =>
		metricNow(server.url, 'leitbild_mail_outbox_messages', { state });
	const [retriedBefore, failedBefore, sentBefore] = [
		await failures('retry'),
		await failures('failed'),
		await inOutbox('sent')
	];
	const response = await postForm(admin, server.url, '/verwaltung/organisationen/unna?/invite', {
		email,
		roles: ['viewer']
	});
	expect(response.status()).toBe(200);
	await expect.poll(() => outbox(server, email)[0]?.state).toBe('failed');
	expect(outbox(server, email)[0]).toMatchObject({ attempts: 2 });
	expect(outbox(server, email)[0].last_error).toContain('451');
	// The operators see both attempts fail, and the mail waiting as failed.
	expect(await failures('retry')).toBe(retriedBefore + 1);
	expect(await failures('failed')).toBe(failedBefore + 1);
	expect(await inOutbox('failed')).toBeGreaterThanOrEqual(1);
	sink.refuse(false);

	const { page, close } = await pageWithState(browser, admin, server.url);
	await openPage(page, '/verwaltung');
	await page.getByRole('link', { name: 'E-Mail-Ausgang' }).click();
	await expect(page.getByRole('heading', { name: 'E-Mail-Ausgang', level: 1 })).toBeVisible();
	const row = page.getByRole('row').filter({ hasText: email });
	await expect(row).toContainText('fehlgeschlagen');
	await expect(row).toContainText('451');
	await row.getByRole('button', { name: 'Erneut versuchen' }).click();
	await expect(page.getByText('Die E-Mail wird erneut gesendet.')).toBeVisible();

	const mails = await sink.waitForMails(before + 1);
	expect(mails.filter((m) => (m.to as { text: string }).text === email)).toHaveLength(1);
	await expect.poll(() => outbox(server, email)[0]?.state).toBe('sent');
	expect(await inOutbox('sent')).toBe(sentBefore + 1);
	await openPage(page, '/verwaltung/e-mail');
	await expect(page.getByRole('row').filter({ hasText: email })).toContainText('gesendet');
	await close();
});

test('"Passwort vergessen" mails a link to the account, and says the same for an unknown address', async ({
	server,
	sink,
	admin,
	browser
}) => {
	const email = 'vergessen@werne.test';
	const invitation = await invite(admin, server.url, 'werne', email, ['viewer']);
	await (
		await acceptInvitation(server.url, invitation, 'Vera Vergessen', memberPassword)
	).dispose();
	const context = await browser.newContext({ baseURL: server.url });
	const page = await context.newPage();
	await openPage(page, '/anmelden');
	await page.getByRole('link', { name: 'Passwort vergessen?' }).click();
	await expect(page.getByRole('heading', { name: 'Passwort vergessen', level: 1 })).toBeVisible();
	await page.getByLabel('E-Mail-Adresse').fill('niemand@kamen.test');
	await page.getByRole('button', { name: 'Link anfordern' }).click();
	const answer = page.getByText('Wenn es zu dieser Adresse ein Konto gibt');
	await expect(answer).toBeVisible();
	const forUnknown = await page.locator('main').innerText();

	const before = sink.mails.length;
	await openPage(page, '/passwort-vergessen');
	await page.getByLabel('E-Mail-Adresse').fill(email);
	await page.getByRole('button', { name: 'Link anfordern' }).click();
	await expect(answer).toBeVisible();
	expect(await page.locator('main').innerText()).toBe(forUnknown);

	const mails = await sink.waitForMails(before + 1);
	const mail = mails.find((m) => m.subject === 'Neues Passwort für die Leitbild-Werkstatt')!;
	expect((mail.to as { text: string }).text).toBe(email);
	expect(mails.filter((m) => (m.to as { text: string }).text === 'niemand@kamen.test')).toEqual([]);
	const link = /http:\/\/\S+\/passwort-zuruecksetzen\/[a-z0-9]+/.exec(mail.text ?? '')![0];
	await openPage(page, link);
	await page.getByLabel('Neues Passwort', { exact: true }).fill('Neues-Passwort-Vera-2026');
	await page.getByLabel('Neues Passwort wiederholen').fill('Neues-Passwort-Vera-2026');
	await page.getByRole('button', { name: 'Passwort speichern' }).click();
	await expect(page.getByText('Ihr neues Passwort ist gespeichert.')).toBeVisible();
	await context.close();
	const signedIn = await signedInRequest(server.url, email, 'Neues-Passwort-Vera-2026');
	await signedIn.dispose();
});

test('a mail queued before a SIGKILL is sent exactly once after the restart', async () => {
	const sink = await startSmtpSink({ down: true });
	// The first attempt fails at once (nobody listens); the next would come a second later.
	const server = await startServer({ env: mailEnv(sink, { MAIL_RETRY_BASE_SECONDS: '1' }) });
	try {
		const email = 'absturz@selm.test';
		const admin = await signedInRequest(
			server.url,
			adminCredentials.email,
			adminCredentials.password
		);
		const response = await postForm(admin, server.url, '/verwaltung/organisationen/selm?/invite', {
			email,
			roles: ['viewer']
		});
		await admin.dispose();
		expect(response.status()).toBe(200);
		await expect
			.poll(() => outbox(server, email)[0], { intervals: [20] })
			.toMatchObject({ state: 'queued', attempts: 1 });

		await server.kill();
		await sink.start();
		await server.restart();
		const [mail] = await sink.waitForMails(1);
		expect(mail.subject).toBe('Einladung in die Leitbild-Werkstatt: Stadt Selm');
		await expect.poll(() => outbox(server, email)[0]?.state).toBe('sent');
		expect(sink.mails).toHaveLength(1);
		expect(outbox(server, email)).toEqual([{ state: 'sent', attempts: 2, last_error: null }]);
	} finally {
		await server.dispose();
		await sink.stop();
	}
});
