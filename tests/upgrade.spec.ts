// Upgrades without surprises: a database from the first landed migration, with the people and
// organisations it could hold, is migrated by today's server, and every staff page loads on it;
// `npm run migrate` migrates alone; a database written by a newer version is refused untouched.
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
	copyFileSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	statSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { hashPassword } from '../src/lib/server/auth/password';
import { signedInRequest } from './support/actors';
import { queryDatabase } from './support/database';
import { expect, openPage, pageWithState, test } from './support/fixtures';
import { startServer } from './support/server';

const run = promisify(execFile);

interface JournalEntry {
	idx: number;
	tag: string;
	when: number;
}
const journal = JSON.parse(readFileSync('drizzle/meta/_journal.json', 'utf8')) as {
	entries: JournalEntry[];
};
const workspace = JSON.parse(readFileSync('src/lib/server/workspace/kreis-unna.json', 'utf8')) as {
	organisations: { slug: string; name: string; shortName: string; kind: string; ags?: string }[];
};

/** The oldest landed migration set: the first migration, as the first installations ran it. */
const oldestMigrations = 1;

const oldAdmin = {
	id: 'alt-admin',
	email: 'verwaltung@kreis-unna.invalid',
	name: 'Ada Altbestand',
	password: 'Altes-Passwort-2026'
};
const oldEditor = {
	id: 'alt-redaktion',
	email: 'redaktion@bergkamen.invalid',
	name: 'Bert Bestand'
};

/** A copy of drizzle/ holding only the first `count` migrations. */
function migrationsUpTo(count: number, dir: string): string {
	const folder = path.join(dir, 'drizzle');
	mkdirSync(path.join(folder, 'meta'), { recursive: true });
	const entries = journal.entries.slice(0, count);
	for (const entry of entries) {
		copyFileSync(`drizzle/${entry.tag}.sql`, path.join(folder, `${entry.tag}.sql`));
	}
	writeFileSync(
		path.join(folder, 'meta', '_journal.json'),
		JSON.stringify({ ...journal, entries })
	);
	return folder;
}

/** A data directory as an installation of the first migration left it, with its data. */
async function oldInstallation(): Promise<string> {
	const dataDir = mkdtempSync(path.join(tmpdir(), 'leitbild-alt-'));
	const sqlite = new Database(path.join(dataDir, 'app.db'));
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('foreign_keys = ON');
	migrate(drizzle(sqlite), { migrationsFolder: migrationsUpTo(oldestMigrations, dataDir) });
	rmSync(path.join(dataDir, 'drizzle'), { recursive: true });
	const insertOrganisation = sqlite.prepare(
		`insert into organisation (id, slug, name, short_name, kind, ags, adopting, sort_order)
		 values (?, ?, ?, ?, ?, ?, 1, ?)`
	);
	workspace.organisations.forEach((org, index) =>
		insertOrganisation.run(
			`org-${org.slug}`,
			org.slug,
			org.name,
			org.shortName,
			org.kind,
			org.ags ?? null,
			index
		)
	);
	sqlite.prepare("insert into seed_run (name) values ('organisations')").run();
	const insertUser = sqlite.prepare(
		'insert into user (id, email, name, password_hash) values (?, ?, ?, ?)'
	);
	insertUser.run(oldAdmin.id, oldAdmin.email, oldAdmin.name, await hashPassword(oldAdmin.password));
	insertUser.run(oldEditor.id, oldEditor.email, oldEditor.name, await hashPassword('Egal-2026-x'));
	const insertMembership = sqlite.prepare(
		'insert into membership (user_id, organisation_id, roles) values (?, ?, ?)'
	);
	insertMembership.run(oldAdmin.id, 'org-kreis-unna', '["admin"]');
	insertMembership.run(oldEditor.id, 'org-bergkamen', '["editor"]');
	sqlite
		.prepare(
			"insert into audit_entry (event, subject_user_id, organisation_id) values ('admin-created', ?, 'org-kreis-unna')"
		)
		.run(oldAdmin.id);
	sqlite.close();
	return dataDir;
}

function appliedCount(dataDir: string): number {
	return queryDatabase<{ n: number }>(dataDir, 'select count(*) as n from __drizzle_migrations')[0]
		.n;
}

test('a database of the first migration: the server migrates it, every staff page loads, the data is there', async ({
	browser
}) => {
	test.setTimeout(90_000);
	const dataDir = await oldInstallation();
	expect(appliedCount(dataDir)).toBe(oldestMigrations);
	const server = await startServer({ dataDir });
	try {
		expect(appliedCount(dataDir)).toBe(journal.entries.length);
		const migrated = journal.entries.slice(oldestMigrations).map((entry) => entry.tag);
		expect(server.output()).toContain(
			`"event":"db.migrated","applied":${JSON.stringify(migrated)}`
		);
		// The old administration is still the administration: no second one was made up.
		expect(server.output()).not.toContain('app.admin_created');
		const admin = await signedInRequest(server.url, oldAdmin.email, oldAdmin.password);
		const { page, close } = await pageWithState(browser, admin, server.url);
		const [event] = queryDatabase<{ id: string; slug: string }>(
			dataDir,
			'select id, slug from event order by created_at limit 1'
		);
		const [board] = queryDatabase<{ id: string }>(
			dataDir,
			'select id from board where event_id = ? limit 1',
			event.id
		);
		const pages = [
			'/',
			'/dokumente',
			'/dokumente/leitbild',
			'/dokumente/leitbild/fassungen',
			'/dokumente/leitbild/verlauf',
			'/dokumente/leitbild/konsens',
			'/konferenzen',
			`/konferenzen/${event.slug}`,
			`/konferenzen/${event.slug}/bearbeiten`,
			`/konferenzen/${event.slug}/pinnwand/${board.id}`,
			`/konferenzen/${event.slug}/umfragen`,
			`/konferenzen/${event.slug}/ergebnisse`,
			'/beschluesse',
			'/beschluesse/leitbild/bergkamen',
			'/verwaltung',
			'/verwaltung/organisationen/kreis-unna',
			'/verwaltung/organisationen/bergkamen',
			`/verwaltung/personen/${oldEditor.id}`,
			'/verwaltung/protokoll',
			'/verwaltung/e-mail',
			'/verwaltung/rueckmeldungen',
			'/konto'
		];
		try {
			for (const pagePath of pages) {
				const response = await openPage(page, pagePath);
				expect(response?.status(), pagePath).toBe(200);
				await expect(page.locator('.error-page'), pagePath).toHaveCount(0);
				await expect(page.locator('h1').first(), pagePath).toBeVisible();
			}
			// The old people and their organisations, as they were.
			await openPage(page, '/verwaltung/organisationen/bergkamen');
			await expect(page.getByRole('link', { name: oldEditor.name, exact: true })).toBeVisible();
			await openPage(page, `/verwaltung/personen/${oldEditor.id}`);
			await expect(page.getByText(oldEditor.email).first()).toBeVisible();
			await openPage(page, '/konto');
			await expect(page.getByText(oldAdmin.email).first()).toBeVisible();
		} finally {
			await close();
			await admin.dispose();
		}
		const [{ organisations }] = queryDatabase<{ organisations: number }>(
			dataDir,
			'select count(*) as organisations from organisation'
		);
		expect(organisations).toBe(workspace.organisations.length);
		const audit = queryDatabase<{ event: string }>(
			dataDir,
			'select event from audit_entry where subject_user_id = ?',
			oldAdmin.id
		);
		expect(audit.map((row) => row.event)).toContain('admin-created');
	} finally {
		await server.dispose();
	}
});

test('npm run migrate applies the missing migrations and nothing else', async () => {
	const dataDir = await oldInstallation();
	try {
		const { stdout } = await run('npm', ['run', '--silent', 'migrate'], {
			env: { ...process.env, DATA_DIR: dataDir }
		});
		for (const entry of journal.entries.slice(oldestMigrations)) {
			expect(stdout).toContain(`Migration angewendet: ${entry.tag}`);
		}
		expect(stdout).not.toContain(`Migration angewendet: ${journal.entries[0].tag}`);
		expect(appliedCount(dataDir)).toBe(journal.entries.length);
		// No seeds, no first admin: that is the server's start.
		expect(
			queryDatabase(dataDir, "select name from seed_run where name != 'organisations'")
		).toEqual([]);
		expect(queryDatabase(dataDir, 'select id from document')).toEqual([]);
		expect(queryDatabase<{ n: number }>(dataDir, 'select count(*) as n from user')[0].n).toBe(2);

		const again = await run('npm', ['run', '--silent', 'migrate'], {
			env: { ...process.env, DATA_DIR: dataDir }
		});
		expect(again.stdout).not.toContain('Migration angewendet');
		expect(again.stdout).toContain('schon auf dem neuesten Stand');
	} finally {
		rmSync(dataDir, { recursive: true, force: true });
	}
});

test('a database written by a newer version: the server refuses to start, npm run migrate refuses too, the database stays untouched', async () => {
	const dataDir = await oldInstallation();
	try {
		await run('npm', ['run', '--silent', 'migrate'], {
			env: { ...process.env, DATA_DIR: dataDir }
		});
		const file = path.join(dataDir, 'app.db');
		const newer = new Database(file);
		const when = journal.entries.at(-1)!.when + 86_400_000;
		newer
			.prepare('insert into __drizzle_migrations (hash, created_at) values (?, ?)')
			.run('9'.repeat(64), when);
		newer.close();
		const digest = () => createHash('sha256').update(readFileSync(file)).digest('hex');
		const before = digest();

		let failure = '';
		try {
			const started = await startServer({ dataDir });
			await started.stop();
		} catch (err) {
			failure = (err as Error).message;
		}
		expect(failure).toMatch(/Server exited with 1 before it was ready/);
		expect(failure).toContain('wurde von einer neueren Version der Leitbild-Werkstatt migriert');
		expect(failure).toContain('was migrated by a newer version of Leitbild-Werkstatt');
		expect(failure).toContain(new Date(when).toISOString());
		expect(failure).toContain(journal.entries.at(-1)!.tag);

		expect(digest()).toBe(before);

		// npm run migrate refuses it just as well.
		const migrating = await run('npm', ['run', '--silent', 'migrate'], {
			env: { ...process.env, DATA_DIR: dataDir }
		}).then(
			() => ({ code: 0, stderr: '' }),
			(err: { code: number; stderr: string }) => err
		);
		expect(migrating.code).toBe(1);
		expect(migrating.stderr).toContain(
			'wurde von einer neueren Version der Leitbild-Werkstatt migriert'
		);
		expect(digest()).toBe(before);
		const wal = path.join(dataDir, 'app.db-wal');
		expect(existsSync(wal) ? statSync(wal).size : 0, 'nichts ins WAL geschrieben').toBe(0);
		expect(
			queryDatabase(dataDir, "select name from seed_run where name != 'organisations'")
		).toEqual([]);
	} finally {
		rmSync(dataDir, { recursive: true, force: true });
	}
});
