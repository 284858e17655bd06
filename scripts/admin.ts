// `npm run admin -- …`: create an administrator or set a password from the command line, on the
// database the server uses (DATA_DIR / DATABASE_PATH).
import { parseArgs } from 'node:util';
import { allSeeds } from '../src/lib/server/start/seeds';
import { createAdmin, setPasswordFromCommandLine } from '../src/lib/server/accounts/first-admin';
import { readConfig } from '../src/lib/server/config';
import { closeDatabase, openDatabase } from '../src/lib/server/db/database';
import { runSeeds } from '../src/lib/server/db/seeds';

const usage = `Verwendung:
  npm run admin -- create --email <adresse> [--name <name>] [--password <passwort>]
  npm run admin -- reset-password --email <adresse> [--password <passwort>]

Ohne --password wird ein zufälliges Passwort erzeugt und einmal angezeigt.
Beim Zurücksetzen werden alle Anmeldungen der Person beendet.`;

const { positionals, values } = parseArgs({
	allowPositionals: true,
	options: {
		email: { type: 'string' },
		name: { type: 'string' },
		password: { type: 'string' },
		help: { type: 'boolean', short: 'h' }
	}
});

const [command] = positionals;
if (values.help || !command || !values.email) {
	console.log(usage);
	process.exit(values.help ? 0 : 2);
}

const config = readConfig();
const db = openDatabase({ file: config.databasePath, migrationsDir: config.migrationsDir });
try {
	runSeeds(db, allSeeds());
	let done;
	if (command === 'create') {
		done = await createAdmin(db, {
			email: values.email,
			name: values.name,
			password: values.password
		});
		console.log(`Administrator ${done.email} angelegt.`);
	} else if (command === 'reset-password') {
		done = await setPasswordFromCommandLine(db, { email: values.email, password: values.password });
		console.log(`Passwort für ${done.email} gesetzt; alle Anmeldungen sind beendet.`);
	} else {
		console.error(`Unbekannter Befehl: ${command}\n\n${usage}`);
		process.exitCode = 2;
	}
	if (done?.generatedPassword) {
		console.log(`Passwort: ${done.generatedPassword}\nEs wird nur jetzt angezeigt.`);
	}
} catch (err) {
	console.error(err instanceof Error ? err.message : String(err));
	process.exitCode = 1;
} finally {
	closeDatabase(db);
}
