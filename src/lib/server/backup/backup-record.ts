// When the data was last backed up and last restored, kept in the database itself (database_meta)
// so that the operations page can warn when backups stop, whichever machine runs them.
import { eq } from 'drizzle-orm';
import type { AppDatabase } from '../db/database';
import { databaseMeta } from '../db/schema';

const lastBackupKey = 'last_backup_at';
const lastRestoreKey = 'last_restore_at';

function readTime(db: AppDatabase, key: string): Date | null {
	const stored = db.select().from(databaseMeta).where(eq(databaseMeta.key, key)).get();
	if (!stored) return null;
	const time = new Date(stored.value);
	return Number.isNaN(time.getTime()) ? null : time;
}

function writeTime(db: AppDatabase, key: string, time: Date): void {
	const value = time.toISOString();
	db.insert(databaseMeta)
		.values({ key, value })
		.onConflictDoUpdate({ target: databaseMeta.key, set: { value } })
		.run();
}

/** Notes a backup that was written completely; an earlier time never replaces a later one. */
export function recordBackup(db: AppDatabase, at: Date): void {
	const known = readTime(db, lastBackupKey);
	if (known && known >= at) return;
	writeTime(db, lastBackupKey, at);
}

export function lastBackupAt(db: AppDatabase): Date | null {
	return readTime(db, lastBackupKey);
}

export function recordRestore(db: AppDatabase, at: Date): void {
	writeTime(db, lastRestoreKey, at);
}

export function lastRestoreAt(db: AppDatabase): Date | null {
	return readTime(db, lastRestoreKey);
}
