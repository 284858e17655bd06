import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from './database';
import { DatabaseTooNewError, knownMigrations } from './migrations';

const known = knownMigrations('drizzle');

function sha256(file: string): string {
	return createHash('sha256').update(readFileSync(file)).digest('hex');
}

describe('migrations', () => {
	let dir: string;
	let file: string;
	beforeEach(() => {
		dir = mkdtempSync(path.join(tmpdir(), 'leitbild-migrations-'));
		file = path.join(dir, 'app.db');
	});
	afterEach(() => rmSync(dir, { recursive: true, force: true }));

	it('reports the migrations an opening applied, and none the second time', () => {
		const reports: string[][] = [];
		const onMigrated = (applied: string[]) => reports.push(applied);
		closeDatabase(openDatabase({ file, migrationsDir: 'drizzle', onMigrated }));
		closeDatabase(openDatabase({ file, migrationsDir: 'drizzle', onMigrated }));
		expect(reports[0]).toEqual(known.map((migration) => migration.tag));
		expect(reports[0][0]).toBe('0000_init');
		expect(reports[1]).toEqual([]);
	});

	it('refuses a database written by a newer version, naming both sides, and leaves it as it was', () => {
		closeDatabase(openDatabase({ file, migrationsDir: 'drizzle' }));
		const newer = new Database(file);
		const when = known.at(-1)!.when + 86_400_000;
		newer
			.prepare('insert into __drizzle_migrations (hash, created_at) values (?, ?)')
			.run('f'.repeat(64), when);
		newer.close();
		const before = sha256(file);

		let refusal: unknown;
		try {
			openDatabase({ file, migrationsDir: 'drizzle' });
		} catch (err) {
			refusal = err;
		}
		expect(refusal).toBeInstanceOf(DatabaseTooNewError);
		const message = (refusal as Error).message;
		expect(message).toContain('von einer neueren Version');
		expect(message).toContain('was migrated by a newer version');
		expect(message).toContain(new Date(when).toISOString());
		expect(message).toContain(known.at(-1)!.tag);
		expect(sha256(file)).toBe(before);
	});

	it('opens a database migrated by an older version and brings it up to date', () => {
		const old = new Database(file);
		old.exec(
			readFileSync('drizzle/0000_init.sql', 'utf8').replaceAll('--> statement-breakpoint', '')
		);
		old.exec(
			'create table __drizzle_migrations (id integer primary key, hash text, created_at numeric)'
		);
		old
			.prepare('insert into __drizzle_migrations (hash, created_at) values (?, ?)')
			.run('x', known[0].when);
		old.close();
		const applied: string[] = [];
		const db = openDatabase({
			file,
			migrationsDir: 'drizzle',
			onMigrated: (tags) => applied.push(...tags)
		});
		closeDatabase(db);
		expect(applied).toEqual(known.slice(1).map((migration) => migration.tag));
	});
});
