// `npm run backup -- DATEI`: a consistent copy of the database and the files under DATA_DIR,
// while the server runs. See README, "Sicherung und Wiederherstellung".
import { BackupError, createBackup } from '../src/lib/server/backup/backup';
import { readConfig } from '../src/lib/server/config';

const [file] = process.argv.slice(2);
if (!file || file === '-h' || file === '--help') {
	console.log('Verwendung: npm run backup -- <datei.tar.gz>');
	process.exit(file ? 0 : 2);
}

try {
	const manifest = await createBackup(readConfig(), file);
	console.log(`Sicherung geschrieben: ${file} (Datenbank und ${manifest.files.length} Dateien).`);
} catch (err) {
	console.error(err instanceof BackupError ? err.message : String(err));
	process.exitCode = 1;
}
