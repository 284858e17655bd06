// The database's epoch: a random value that a restore from a backup replaces. Live editors state
// the epoch their page was loaded in; one from before a restore holds text the restored database
// does not have, and must not push it back (see the document channel).
import { eq } from 'drizzle-orm';
import { generateToken } from '../auth/tokens';
import type { AppDatabase } from './database';
import { databaseMeta } from './schema';

const epochKey = 'database_epoch';

/** The current epoch; the first call on a new database sets one. */
export function databaseEpoch(db: AppDatabase): string {
	const stored = db.select().from(databaseMeta).where(eq(databaseMeta.key, epochKey)).get();
	if (stored) return stored.value;
	db.insert(databaseMeta)
		.values({ key: epochKey, value: generateToken() })
		.onConflictDoNothing()
		.run();
	return db.select().from(databaseMeta).where(eq(databaseMeta.key, epochKey)).get()!.value;
}

/** Starts a new epoch: every client of the old one is refused from now on. */
export function renewDatabaseEpoch(db: AppDatabase): string {
	const value = generateToken();
	db.insert(databaseMeta)
		.values({ key: epochKey, value })
		.onConflictDoUpdate({ target: databaseMeta.key, set: { value } })
		.run();
	return value;
}
