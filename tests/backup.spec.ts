// Backup while the server runs, restore while it is stopped: the old state comes back, and
// editors that were open before the restore neither keep nor push back their newer text.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { adminCredentials, serverEnvWithAdmin, signedInRequest } from './support/actors';
import { queryDatabase } from './support/database';
import { expect, openPage, pageWithState, test } from './support/fixtures';
import { startServer } from './support/server';
import { connectDocument, eventually, sessionCookie } from './support/yjs-client';

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

test('back up while running, change, restore: the old state is back, for open editors too', async ({
	browser
}) => {
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

		expect(await server.stop()).toBe(0);
		const restored = await npmScript('restore', backupFile, server.dataDir);
		expect(restored.stdout).toContain('Wiederhergestellt');
		const scriptClosed = new Promise<number>((resolve) =>
			script.provider.once('closed', (event) => resolve(event.code))
		);
		await server.restart();

		// Both editors come back with their newer text and are sent away before they can send it.
		expect(await scriptClosed).toBe(4410);
		await expect(page.getByRole('status').filter({ hasText: 'Verbunden' })).toBeVisible();
		await expect(text).toContainText('Stand der Sicherung');
		await expect(text).not.toContainText('Nach der Sicherung geschrieben');
		expect(script.text()).toContain('Nach der Sicherung geschrieben');

		const fresh = connectDocument(server.url, id, cookie, { epoch: epochOf(server.dataDir) });
		await fresh.synced;
		expect(fresh.text()).toContain('Stand der Sicherung');
		expect(fresh.text()).not.toContain('Nach der Sicherung geschrieben');
		// The reloaded browser page edits the restored text, live as before.
		fresh.addParagraph('Nach der Wiederherstellung');
		await expect(text).toContainText('Nach der Wiederherstellung');
		await eventually(() => fresh.text().includes('Nach der Wiederherstellung'));
		fresh.destroy();
		script.destroy();
		await browserPage.close();
	} finally {
		await admin.dispose();
		await server.dispose();
		rmSync(backupDir, { recursive: true, force: true });
	}
});
