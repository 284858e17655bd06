// Read-only looks into a test server's database, to prove what was (not) written.
import Database from 'better-sqlite3';
import path from 'node:path';

export function queryDatabase<T>(dataDir: string, sql: string, ...params: unknown[]): T[] {
	const db = new Database(path.join(dataDir, 'app.db'), { readonly: true, fileMustExist: true });
	try {
		return db.prepare(sql).all(...params) as T[];
	} finally {
		db.close();
	}
}

/** Changes a row behind the app's back, e.g. to let a link expire without waiting a week. */
export function writeDatabase(dataDir: string, sql: string, ...params: unknown[]): number {
	const db = new Database(path.join(dataDir, 'app.db'), { fileMustExist: true });
	try {
		db.pragma('busy_timeout = 5000');
		return db.prepare(sql).run(...params).changes;
	} finally {
		db.close();
	}
}
