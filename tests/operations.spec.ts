// The admins' operations page ("Betrieb", #26): the build, the database, the last backup and the
// live connections of the running server, with the warnings an operator should act on; for
// admins only.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expectNoAxeViolations } from './support/axe';
import { expect, openPage, pageAs, pageWithState, test } from './support/fixtures';
import { seededEventSlug } from './support/participants';

const run = promisify(execFile);
const pagePath = '/verwaltung/betrieb';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
const migrationFiles = readdirSync('drizzle')
	.filter((file) => file.endsWith('.sql'))
	.sort();

test('an admin sees the running server, and the warning of a missing backup until one is made', async ({
	browser,
	actors,
	participant,
	baseURL,
	server
}) => {
	const { page, close } = await pageAs(browser, actors.admin, baseURL!);
	const phone = await pageWithState(browser, participant, baseURL!);
	const backupDir = mkdtempSync(path.join(tmpdir(), 'leitbild-betrieb-'));
	try {
		await openPage(page, '/verwaltung');
		await page.getByRole('link', { name: 'Betrieb' }).click();
		await expect(page.getByRole('heading', { name: 'Betrieb', level: 1 })).toBeVisible();
		const fact = (name: string) => page.locator(`[data-fact="${name}"]`);

		await expect(fact('version')).toHaveText(version);
		// The build was made in this git checkout: its commit is known.
		await expect(fact('commit')).toHaveText(/^[0-9a-f]{7,}$/);
		await expect(fact('node')).toHaveText(/^v\d+\.\d+\.\d+$/);
		await expect(fact('migrations')).toHaveAttribute('data-applied', String(migrationFiles.length));
		await expect(fact('migrations')).toContainText(migrationFiles.at(-1)!.replace(/\.sql$/, ''));
		expect(Number(await fact('database-size').getAttribute('data-bytes'))).toBeGreaterThan(0);
		await expect(fact('disk')).toContainText('%');

		// The test server is reached over http and sends no mail: both are said.
		const warnings = page.getByRole('region', { name: 'Hinweise' });
		const warning = (title: string) =>
			warnings.getByRole('status').filter({ has: page.locator('.kern-title', { hasText: title }) });
		await expect(warning('Die Adresse der Werkstatt ist nicht verschlüsselt')).toBeVisible();
		await expect(warning('E-Mail ist nicht eingerichtet')).toBeVisible();
		await expect(warning('Noch keine Sicherung')).toBeVisible();
		await expect(fact('last-backup')).toHaveText('noch keine');

		// A participant on their phone: once their live channel brought its first message, the
		// event is listed with one person connected.
		const firstMessage = phone.page
			.waitForEvent('websocket', (ws) => ws.url().includes('/collab/poll/'))
			.then((ws) => ws.waitForEvent('framereceived'));
		await openPage(phone.page, `/teilnahme/${seededEventSlug}`);
		await firstMessage;
		await openPage(page, pagePath);
		const eventRow = page.getByRole('row', { name: /Zukunftskonferenz Kreis Unna/ });
		await expect(eventRow.getByRole('cell')).toHaveText('1');
		expect(Number(await fact('connections').innerText())).toBeGreaterThanOrEqual(1);
		// The table of connected events is only there while someone is: the route table's scan of
		// the page may not have seen it.
		await expectNoAxeViolations(page, 'Betrieb mit verbundenen Teilnehmenden');

		const before = new Date();
		const backup = await run(
			'npm',
			['run', '--silent', 'backup', '--', path.join(backupDir, 'sicherung.tar.gz')],
			{ env: { ...process.env, DATA_DIR: server.dataDir } }
		);
		expect(backup.stdout).toContain('Sicherung geschrieben');

		await openPage(page, pagePath);
		await expect(warning('Die Adresse der Werkstatt ist nicht verschlüsselt')).toBeVisible();
		await expect(warning('Noch keine Sicherung')).toHaveCount(0);
		const backupTime = await fact('last-backup').locator('time').getAttribute('datetime');
		expect(new Date(backupTime!).getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
	} finally {
		await phone.close();
		await close();
		rmSync(backupDir, { recursive: true, force: true });
	}
});

test('members who are not admins are refused the page and see no link to it', async ({
	browser,
	actors,
	baseURL
}) => {
	for (const name of ['manager', 'editor'] as const) {
		const response = await actors[name].request.get(pagePath, { maxRedirects: 0 });
		expect(response.status(), name).toBe(403);
		const { page, close } = await pageAs(browser, actors[name], baseURL!);
		try {
			await openPage(page, '/verwaltung');
			await expect(page.getByRole('heading', { name: 'Verwaltung', level: 1 })).toBeVisible();
			await expect(page.getByRole('link', { name: 'Betrieb' })).toHaveCount(0);
		} finally {
			await close();
		}
	}
});

test('an anonymous visitor is sent to sign in', async ({ page }) => {
	await page.goto(pagePath);
	await expect(page).toHaveURL(/\/anmelden\?weiter=%2Fverwaltung%2Fbetrieb$/);
	await expect(page.getByText('Die Adresse der Werkstatt')).toHaveCount(0);
});
