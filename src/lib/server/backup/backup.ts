// Backups of everything the app keeps: the SQLite database, copied with SQLite's online backup
// (consistent while the server writes), and every other file under DATA_DIR (uploads), in one
// gzipped tar. A restore puts them back while the server is stopped, and starts a new database
// epoch so that editors still open from before cannot push their newer text into it.
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import {
	cpSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	renameSync,
	rmSync,
	writeFileSync
} from 'node:fs';
import path from 'node:path';
import { create as createTar, extract as extractTar } from 'tar';
import { closeDatabase, openDatabase } from '../db/database';
import { renewDatabaseEpoch } from '../db/epoch';
import * as schema from '../db/schema';
import { invalidateAllSessions } from '../auth/session';
import { recordBackup, recordRestore } from './backup-record';

export interface BackupPaths {
	dataDir: string;
	databasePath: string;
	migrationsDir: string;
}

/** What a backup holds besides the data: checked before a restore touches anything. */
interface Manifest {
	format: 'leitbild-werkstatt-backup';
	version: 1;
	createdAt: string;
	/** Paths of the other files, relative to DATA_DIR. */
	files: string[];
}

const manifestName = 'manifest.json';
const databaseName = 'app.db';
const filesFolder = 'dateien';
/** Folders a restore stages its work in, inside DATA_DIR so that renames stay on one disk. */
const stagingPrefix = '.wiederherstellung-';

export class BackupError extends Error {}

/** The database and the files SQLite keeps beside it; they are copied by the online backup. */
function databaseFiles(databasePath: string): Set<string> {
	return new Set(['', '-wal', '-shm', '-journal'].map((suffix) => databasePath + suffix));
}

/** Every file under DATA_DIR that is not the database itself, relative to DATA_DIR. */
function dataFiles(paths: BackupPaths): string[] {
	if (!existsSync(paths.dataDir)) return [];
	const skip = databaseFiles(path.resolve(paths.databasePath));
	return readdirSync(paths.dataDir, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => path.join(entry.parentPath, entry.name))
		.filter((file) => !skip.has(path.resolve(file)))
		.map((file) => path.relative(paths.dataDir, file))
		.filter((file) => !file.startsWith(stagingPrefix))
		.sort();
}

/**
 * Notes a finished backup in the database it copied, for the operations page. The backup itself
 * does not hold this note: its copy was taken before the backup was known to succeed.
 */
function noteBackup(databasePath: string, at: Date): void {
	const sqlite = new Database(databasePath, { fileMustExist: true });
	try {
		sqlite.pragma('busy_timeout = 5000');
		recordBackup(drizzle(sqlite, { schema }), at);
	} finally {
		sqlite.close();
	}
}

/** Writes a backup of the running (or stopped) app to `file`, and notes it in the database;
 * returns what the backup holds. */
export async function createBackup(paths: BackupPaths, file: string): Promise<Manifest> {
	if (!existsSync(paths.databasePath)) {
		throw new BackupError(`Keine Datenbank unter ${paths.databasePath} gefunden.`);
	}
	// Inside DATA_DIR, each backup would hold all the earlier ones.
	if (path.resolve(file).startsWith(path.resolve(paths.dataDir) + path.sep)) {
		throw new BackupError('Bitte legen Sie die Sicherung außerhalb von DATA_DIR ab.');
	}
	const staging = mkdtempSync(path.join(path.dirname(path.resolve(file)), '.sicherung-'));
	try {
		const source = new Database(paths.databasePath, { fileMustExist: true });
		try {
			source.pragma('busy_timeout = 5000');
			await source.backup(path.join(staging, databaseName));
		} finally {
			source.close();
		}
		const files = dataFiles(paths);
		for (const relative of files) {
			cpSync(path.join(paths.dataDir, relative), path.join(staging, filesFolder, relative));
		}
		const manifest: Manifest = {
			format: 'leitbild-werkstatt-backup',
			version: 1,
			createdAt: new Date().toISOString(),
			files
		};
		writeFileSync(path.join(staging, manifestName), JSON.stringify(manifest, null, '\t'));
		const entries = [manifestName, databaseName, ...(files.length > 0 ? [filesFolder] : [])];
		await createTar({ gzip: true, file, cwd: staging, portable: true }, entries);
		noteBackup(paths.databasePath, new Date(manifest.createdAt));
		return manifest;
	} finally {
		rmSync(staging, { recursive: true, force: true });
	}
}

/**
 * Refuses while a server has the database open: in WAL mode every open connection holds a
 * shared lock on the file, so an exclusive lock is only granted when nobody else uses it.
 */
function assertDatabaseUnused(databasePath: string): void {
	if (!existsSync(databasePath)) return;
	const probe = new Database(databasePath, { fileMustExist: true });
	try {
		probe.pragma('busy_timeout = 0');
		probe.pragma('locking_mode = EXCLUSIVE');
		probe.exec('BEGIN EXCLUSIVE; COMMIT;');
	} catch {
		throw new BackupError(
			'Die Datenbank wird gerade benutzt. Bitte beenden Sie zuerst den Server, dann stellen Sie wieder her.'
		);
	} finally {
		probe.close();
	}
}

function readManifest(staging: string): Manifest {
	let manifest: Manifest;
	try {
		manifest = JSON.parse(readFileSync(path.join(staging, manifestName), 'utf8')) as Manifest;
	} catch {
		throw new BackupError('Die Datei ist keine Sicherung der Leitbild-Werkstatt.');
	}
	if (manifest.format !== 'leitbild-werkstatt-backup' || manifest.version !== 1) {
		throw new BackupError('Die Datei ist keine Sicherung der Leitbild-Werkstatt.');
	}
	if (!existsSync(path.join(staging, databaseName))) {
		throw new BackupError('Der Sicherung fehlt die Datenbank.');
	}
	return manifest;
}

/**
 * Replaces the database and the files under DATA_DIR with those of a backup. The server must be
 * stopped. Everything is unpacked and checked first; only then is the current state replaced.
 */
export async function restoreBackup(paths: BackupPaths, file: string): Promise<Manifest> {
	if (!existsSync(file)) throw new BackupError(`Die Datei ${file} gibt es nicht.`);
	assertDatabaseUnused(paths.databasePath);
	mkdirSync(paths.dataDir, { recursive: true });
	const staging = mkdtempSync(path.join(paths.dataDir, stagingPrefix));
	try {
		try {
			await extractTar({ file, cwd: staging, strict: true });
		} catch {
			throw new BackupError('Die Datei ist keine lesbare Sicherung.');
		}
		const manifest = readManifest(staging);
		const stagedDatabase = path.join(staging, databaseName);
		// Brings an older backup to the current schema and starts the new epoch, before anything
		// of the current state is touched.
		const db = openDatabase({ file: stagedDatabase, migrationsDir: paths.migrationsDir });
		try {
			const check = db.$client.pragma('quick_check', { simple: true });
			if (check !== 'ok') throw new BackupError('Die Datenbank der Sicherung ist beschädigt.');
			renewDatabaseEpoch(db);
			// The restored data were backed up when this backup was made, whatever the backup it
			// holds noted before.
			recordBackup(db, new Date(manifest.createdAt));
			recordRestore(db, new Date());
			// The backup holds sessions that may have been signed out since: everyone signs in again.
			invalidateAllSessions(db);
		} finally {
			closeDatabase(db);
		}

		for (const relative of dataFiles(paths)) rmSync(path.join(paths.dataDir, relative));
		for (const leftover of databaseFiles(paths.databasePath)) rmSync(leftover, { force: true });
		mkdirSync(path.dirname(paths.databasePath), { recursive: true });
		renameSync(stagedDatabase, paths.databasePath);
		for (const relative of manifest.files) {
			const target = path.resolve(paths.dataDir, relative);
			// The tar library already refuses paths leaving its folder; the manifest must too.
			if (!target.startsWith(path.resolve(paths.dataDir) + path.sep)) continue;
			mkdirSync(path.dirname(target), { recursive: true });
			renameSync(path.join(staging, filesFolder, relative), target);
		}
		return manifest;
	} finally {
		rmSync(staging, { recursive: true, force: true });
	}
}
