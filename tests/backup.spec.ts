// Backup while the server runs, restore while it is stopped: the old state comes back, and
// editors that were open before the restore neither keep nor push back their newer text.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { allowServerAway } from './support/browser-errors';
import { adminCredentials, serverEnvWithAdmin, signedInRequest } from './support/actors';
import { queryDatabase } from './support/database';
import { expect, openPage, pageWithState, test } from './support/fixtures';
import { startServer } from './support/server';
import { connectDocument, sessionCookie } from './support/yjs-client';

const run = promisify(execFile);

/** `npm run backup` / `npm run restore`, as an operator types them, for this server's data. */
async function npmScript(script: 'backup' | 'restore', file: string, dataDir: string) {
	return run('npm', ['run', '--silent', script, '--', file], {
		env: { ...process.env, DATA_DIR: dataDir }
	});
}

function epochOf(dataDir: string): string {
	return queryDatabase<{ value: string }>(
		dataDir,
		"select value from database_meta where key = 'database_epoch'"
	)[0].value;
}

test('back up while running, change, restore: the old state is back, everyone signs in again', async ({
	browser,
	browserErrors
}) => {
	allowServerAway(browserErrors);
	browserErrors.allow(
		'Die Wiederherstellung beendet jede Sitzung: die offenen Seiten werden bis zur neuen Anmeldung abgewiesen',
		/WebSocket connection to '[^']*\/collab\/[^']*' failed: HTTP Authentication failed|status of 401 \(Unauthorized\) \([^)]*\/dokumente\/leitbild\)$/
	);
	// A restore, a restart and the editor's reconnect back-off before it asks for a new sign-in.
	test.setTimeout(90_000);
	const server = await startServer({ env: serverEnvWithAdmin });
	const backupDir = mkdtempSync(path.join(tmpdir(), 'leitbild-sicherung-'));
	const backupFile = path.join(backupDir, 'sicherung.tar.gz');
	const admin = await signedInRequest(
		server.url,
		adminCredentials.email,
		adminCredentials.password
	);
	try {
		const cookie = await sessionCookie(admin);
		const [{ id }] = queryDatabase<{ id: string }>(
			server.dataDir,
			"select id from document where kind = 'leitbild'"
		);
		const browserPage = await pageWithState(browser, admin, server.url);
		const { page } = browserPage;
		await openPage(page, '/dokumente/leitbild');
		await expect(page.getByRole('status').filter({ hasText: 'Verbunden' })).toBeVisible();
		const text = page.getByRole('textbox', { name: /Text von/ });

		const script = connectDocument(server.url, id, cookie, { epoch: epochOf(server.dataDir) });
		await script.synced;
		script.addParagraph('Stand der Sicherung');
		await expect(text).toContainText('Stand der Sicherung');

		const backup = await npmScript('backup', backupFile, server.dataDir);
		expect(backup.stdout).toContain('Sicherung geschrieben');

		script.addParagraph('Nach der Sicherung geschrieben');
		await expect(text).toContainText('Nach der Sicherung geschrieben');

		// A restore under a running server would be overwritten by it: refused.
		const refused = await npmScript('restore', backupFile, server.dataDir).catch(
			(err: { code: number; stderr: string }) => err
		);
		expect(refused).toMatchObject({ code: 1 });
		expect((refused as { stderr: string }).stderr).toContain('Server');

		const epochBeforeRestore = epochOf(server.dataDir);
		expect(await server.stop()).toBe(0);
		const restored = await npmScript('restore', backupFile, server.dataDir);
		expect(restored.stdout).toContain('Wiederhergestellt');
		await server.restart();

		// Everyone signs in again: the sessions of the backup may have been signed out since.
		const oldSession = await admin.get('/dokumente', { maxRedirects: 0 });
		expect(oldSession.status()).toBe(303);
		expect(oldSession.headers().location).toMatch(/^\/anmelden\?weiter=/);
		// The open editor notices that its page is refused now and goes to sign in.
		await expect(page).toHaveURL(/\/anmelden\?weiter=%2Fdokumente%2Fleitbild/, { timeout: 20_000 });
		await page.getByLabel('E-Mail-Adresse').fill(adminCredentials.email);
		await page.getByLabel('Passwort').fill(adminCredentials.password);
		await page.getByRole('button', { name: 'Anmelden' }).click();
		await expect(page).toHaveURL(/\/dokumente\/leitbild$/);
		await expect(page.getByRole('status').filter({ hasText: 'Verbunden' })).toBeVisible();
		await expect(text).toContainText('Stand der Sicherung');
		await expect(text).not.toContainText('Nach der Sicherung geschrieben');
		// The script with the old cookie kept its newer text; none of it reached the database.
		expect(script.text()).toContain('Nach der Sicherung geschrieben');

		// Signed in afresh but holding a page from before the restore: sent away before it can
		// push its newer text back.
		const signedInAgain = await signedInRequest(
			server.url,
			adminCredentials.email,
			adminCredentials.password
		);
		const newCookie = await sessionCookie(signedInAgain);
		const stale = connectDocument(server.url, id, newCookie, { epoch: epochBeforeRestore });
		stale.addParagraph('Aus einer Seite von vor der Wiederherstellung');
		const staleClosed = new Promise<number>((resolve) =>
			stale.provider.once('closed', (event) => resolve(event.code))
		);
		expect(await staleClosed).toBe(4410);
		stale.destroy();

		const fresh = connectDocument(server.url, id, newCookie, { epoch: epochOf(server.dataDir) });
		await fresh.synced;
		expect(fresh.text()).toContain('Stand der Sicherung');
		expect(fresh.text()).not.toContain('Nach der Sicherung geschrieben');
		expect(fresh.text()).not.toContain('Aus einer Seite von vor der Wiederherstellung');
		// The browser page, signed in again, edits the restored text, live as before.
		fresh.addParagraph('Nach der Wiederherstellung');
		await expect(text).toContainText('Nach der Wiederherstellung');
		await expect
			.poll(() => fresh.text(), { timeout: 10_000 })
			.toContain('Nach der Wiederherstellung');
		await signedInAgain.dispose();
		fresh.destroy();
		script.destroy();
		await browserPage.close();
	} finally {
		await admin.dispose();
		await server.dispose();
		rmSync(backupDir, { recursive: true, force: true });
	}
});
