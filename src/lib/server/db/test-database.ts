// For unit tests: an in-memory database with the real migrations.
import { openDatabase, type AppDatabase } from './database';

export function createTestDatabase(): AppDatabase {
	return openDatabase({ file: ':memory:', migrationsDir: 'drizzle' });
}
