// Opens the SQLite database the way every part of the app needs it: WAL, durable enough to
// survive a killed process, foreign keys enforced, and migrated to the current schema.
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { AppDatabase } from './app-database';
import { withChangesOnCommit } from './changes';
import { appliedMigrations, appliedTags, knownMigrations, refuseNewerDatabase } from './migrations';
import * as schema from './schema';

export type { AppDatabase };

export interface OpenDatabaseOptions {
	/** A file path, or ':memory:' for tests. */
	file: string;
	migrationsDir: string;
	/** Told the tags of the migrations this opening applied (none when it was up to date). */
	onMigrated?: (applied: string[]) => void;
}

/**
 * Opens and migrates. A database that a newer version migrated is refused with
 * DatabaseTooNewError before anything is written to it: the check reads through a read-only
 * connection, which neither switches the journal mode nor checkpoints on closing.
 */
export function openDatabase({
	file,
	migrationsDir,
	onMigrated
}: OpenDatabaseOptions): AppDatabase {
	const known = knownMigrations(migrationsDir);
	if (file !== ':memory:' && existsSync(file)) {
		const reader = new Database(file, { readonly: true, fileMustExist: true });
		try {
			refuseNewerDatabase(file, reader, known);
		} finally {
			reader.close();
		}
	}
	if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
	const sqlite = new Database(file);
	sqlite.pragma('journal_mode = WAL');
	// NORMAL in WAL mode loses nothing when the process dies; only a power cut can lose the
	// last transactions.
	sqlite.pragma('synchronous = NORMAL');
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma('busy_timeout = 5000');
	const db = drizzle(sqlite, { schema });
	const before = new Set(appliedTags(known, appliedMigrations(sqlite)));
	migrate(db, { migrationsFolder: migrationsDir });
	onMigrated?.(appliedTags(known, appliedMigrations(sqlite)).filter((tag) => !before.has(tag)));
	return db;
}

export function closeDatabase(db: AppDatabase): void {
	if (!db.$client.open) return;
	if (db.$client.name !== ':memory:') db.$client.pragma('wal_checkpoint(TRUNCATE)');
	db.$client.close();
}

/**
 * Runs work in one transaction: all of it is written, or none. Domain functions take an
 * AppDatabase; inside, the transaction stands in for it.
 */
export function transaction<T>(db: AppDatabase, work: (tx: AppDatabase) => T): T {
	return db.transaction((tx) => {
		const inner = tx as unknown as AppDatabase;
		return withChangesOnCommit(db, inner, () => work(inner));
	});
}
