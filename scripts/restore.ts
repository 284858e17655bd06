// `npm run restore -- DATEI`: puts a backup back, with the server stopped. See README,
// "Sicherung und Wiederherstellung".
import { BackupError, restoreBackup } from '../src/lib/server/backup/backup';
import { readConfig } from '../src/lib/server/config';

const [file] = process.argv.slice(2);
if (!file || file === '-h' || file === '--help') {
	console.log('Verwendung: npm run restore -- <datei.tar.gz>  (nur bei beendetem Server)');
	process.exit(file ? 0 : 2);
}

try {
	const manifest = await restoreBackup(readConfig(), file);
	console.log(
		`Wiederhergestellt: Stand vom ${manifest.createdAt} (Datenbank und ${manifest.files.length} Dateien).`
	);
} catch (err) {
	console.error(err instanceof BackupError ? err.message : String(err));
	process.exitCode = 1;
}
