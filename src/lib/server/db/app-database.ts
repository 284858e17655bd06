// The database handle every domain function takes: drizzle over better-sqlite3 with our schema.
// Its own module, so that what the database module builds on (the change feed) can name it too.
import type Database from 'better-sqlite3';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type * as schema from './schema';

export type AppDatabase = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
