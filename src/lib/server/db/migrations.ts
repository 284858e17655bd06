// The migrations in drizzle/ against what a database records of them (drizzle's table
// __drizzle_migrations: one row per applied migration, its hash and the journal's `when`).
// drizzle's migrator only applies what is newer than the newest row, so a database written by a
// newer version would start silently on a schema this build does not know: it is refused instead.
import type Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface KnownMigration {
	tag: string;
	/** The journal's `when`: what drizzle stores as created_at. */
	when: number;
}

export interface AppliedMigration {
	hash: string;
	createdAt: number;
}

/** drizzle's journal of the migrations in `migrationsDir`. */
export function journalFile(migrationsDir: string): string {
	return path.join(migrationsDir, 'meta', '_journal.json');
}

/** The migrations of this build, oldest first, from drizzle's journal. */
export function knownMigrations(migrationsDir: string): KnownMigration[] {
	const journal = JSON.parse(readFileSync(journalFile(migrationsDir), 'utf8')) as {
		entries: { tag: string; when: number }[];
	};
	return journal.entries.map(({ tag, when }) => ({ tag, when }));
}

/** What the database says was applied; empty for a new database. */
export function appliedMigrations(sqlite: Database.Database): AppliedMigration[] {
	const table = sqlite
		.prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'")
		.get();
	if (!table) return [];
	return (
		sqlite
			.prepare('select hash, created_at as createdAt from __drizzle_migrations order by created_at')
			.all() as { hash: string; createdAt: number | string }[]
	).map((row) => ({ hash: row.hash, createdAt: Number(row.createdAt) }));
}

/** Tags of the known migrations a database holds; for reporting what a run applied. */
export function appliedTags(known: KnownMigration[], applied: AppliedMigration[]): string[] {
	const when = new Set(applied.map((row) => row.createdAt));
	return known.filter((migration) => when.has(migration.when)).map((migration) => migration.tag);
}

export class DatabaseTooNewError extends Error {
	constructor(
		readonly file: string,
		readonly unknown: AppliedMigration[],
		readonly newestKnown: KnownMigration | undefined
	) {
		const first = unknown[0];
		const theirs = `${new Date(first.createdAt).toISOString()} (${first.hash.slice(0, 12)})`;
		const more = unknown.length > 1 ? ` (+${unknown.length - 1})` : '';
		const ours = newestKnown?.tag ?? '–';
		super(
			`Die Datenbank ${file} wurde von einer neueren Version der Leitbild-Werkstatt migriert: ` +
				`Sie enthält die Migration vom ${theirs}${more}, die diese Version nicht kennt ` +
				`(ihre neueste Migration ist ${ours}). Sie wird deshalb nicht geöffnet und bleibt ` +
				`unverändert; der Server startet nicht. Installieren Sie wieder die neuere Version oder stellen Sie eine Sicherung ` +
				`wieder her, die mit dieser Version angelegt wurde.\n` +
				`The database ${file} was migrated by a newer version of Leitbild-Werkstatt: it holds ` +
				`the migration of ${theirs}${more}, which this version does not know (its newest ` +
				`migration is ${ours}). It is therefore not opened and stays unchanged; the server does ` +
				`not start. ` +
				`Install the newer version again, or restore a backup made with this version.`
		);
		this.name = 'DatabaseTooNewError';
	}
}

/** Throws DatabaseTooNewError when the database holds a migration this build does not know. */
export function refuseNewerDatabase(
	file: string,
	sqlite: Database.Database,
	known: KnownMigration[]
): void {
	const knownWhen = new Set(known.map((migration) => migration.when));
	const unknown = appliedMigrations(sqlite).filter((row) => !knownWhen.has(row.createdAt));
	if (unknown.length > 0) throw new DatabaseTooNewError(file, unknown, known.at(-1));
}
