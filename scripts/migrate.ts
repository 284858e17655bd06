// `npm run migrate`: brings the database (DATA_DIR / DATABASE_PATH) to this version's schema and
// nothing else: no server, no seeds, no first admin. For updates: stop, back up, migrate, start.
import { readConfig } from '../src/lib/server/config';
import { closeDatabase, openDatabase } from '../src/lib/server/db/database';
import { knownMigrations } from '../src/lib/server/db/migrations';

if (process.argv.slice(2).some((arg) => arg === '-h' || arg === '--help')) {
	console.log('Verwendung: npm run migrate\nDatenbank: DATA_DIR bzw. DATABASE_PATH.');
	process.exit(0);
}

const config = readConfig();
try {
	let applied: string[] = [];
	const db = openDatabase({
		file: config.databasePath,
		migrationsDir: config.migrationsDir,
		onMigrated: (tags) => (applied = tags)
	});
	closeDatabase(db);
	const newest = knownMigrations(config.migrationsDir).at(-1)?.tag;
	for (const tag of applied) console.log(`Migration angewendet: ${tag}`);
	console.log(
		applied.length > 0
			? `${config.databasePath}: ${applied.length} Migration(en) angewendet, Stand ${newest}.`
			: `${config.databasePath}: schon auf dem neuesten Stand (${newest}), nichts angewendet.`
	);
} catch (err) {
	console.error(err instanceof Error ? err.message : String(err));
	process.exitCode = 1;
}
