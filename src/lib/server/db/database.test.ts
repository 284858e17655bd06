import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from './database';
import { createTestDatabase } from './test-database';

describe('openDatabase', () => {
	let dir: string | undefined;
	afterEach(() => {
		if (dir) rmSync(dir, { recursive: true, force: true });
		dir = undefined;
	});

	it('applies the migrations', () => {
		const db = createTestDatabase();
		const tables = db.$client
			.prepare("select name from sqlite_master where type = 'table' order by name")
			.pluck()
			.all();
		expect(tables).toEqual(expect.arrayContaining(['organisation', 'seed_run']));
	});

	it('opens a file in WAL mode with synchronous=NORMAL, foreign keys and a busy timeout', () => {
		dir = mkdtempSync(path.join(tmpdir(), 'leitbild-db-'));
		const db = openDatabase({ file: path.join(dir, 'sub', 'app.db'), migrationsDir: 'drizzle' });
		expect(db.$client.pragma('journal_mode', { simple: true })).toBe('wal');
		expect(db.$client.pragma('synchronous', { simple: true })).toBe(1);
		expect(db.$client.pragma('foreign_keys', { simple: true })).toBe(1);
		expect(db.$client.pragma('busy_timeout', { simple: true })).toBe(5000);
		closeDatabase(db);
	});

	it('migrates an existing database again without harm', () => {
		dir = mkdtempSync(path.join(tmpdir(), 'leitbild-db-'));
		const file = path.join(dir, 'app.db');
		closeDatabase(openDatabase({ file, migrationsDir: 'drizzle' }));
		const again = openDatabase({ file, migrationsDir: 'drizzle' });
		const journal = JSON.parse(readFileSync('drizzle/meta/_journal.json', 'utf8'));
		expect(again.$client.prepare('select count(*) from __drizzle_migrations').pluck().get()).toBe(
			journal.entries.length
		);
		closeDatabase(again);
	});
});
