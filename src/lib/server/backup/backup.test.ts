import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase, type AppDatabase } from '../db/database';
import { databaseEpoch } from '../db/epoch';
import { organisation, session, user } from '../db/schema';
import { BackupError, createBackup, restoreBackup, type BackupPaths } from './backup';
import { lastBackupAt, lastRestoreAt, recordBackup } from './backup-record';
import { createTestDatabase } from '../db/test-database';

function organisationNames(db: AppDatabase): string[] {
	return db
		.select({ name: organisation.name })
		.from(organisation)
		.all()
		.map((row) => row.name)
		.sort();
}

describe('backup and restore', () => {
	let root: string;
	let paths: BackupPaths;
	let backupFile: string;

	beforeEach(() => {
		root = mkdtempSync(path.join(tmpdir(), 'leitbild-backup-'));
		const dataDir = path.join(root, 'data');
		paths = { dataDir, databasePath: path.join(dataDir, 'app.db'), migrationsDir: 'drizzle' };
		backupFile = path.join(root, 'sicherung.tar.gz');
	});
	afterEach(() => rmSync(root, { recursive: true, force: true }));

	function open(): AppDatabase {
		return openDatabase({ file: paths.databasePath, migrationsDir: paths.migrationsDir });
	}

	it('copies a database in use with its files, and puts both back with a new epoch', async () => {
		const running = open();
		running
			.insert(organisation)
			.values({ id: 'o1', slug: 'kamen', name: 'Stadt Kamen', shortName: 'Kamen', kind: 'kommune' })
			.run();
		const epochBefore = databaseEpoch(running);
		mkdirSync(path.join(paths.dataDir, 'uploads'), { recursive: true });
		writeFileSync(path.join(paths.dataDir, 'uploads', 'beschluss.pdf'), 'Fassung vom Rat');

		const manifest = await createBackup(paths, backupFile);
		expect(manifest.files).toEqual([path.join('uploads', 'beschluss.pdf')]);

		// Changes after the backup: all of them must be gone after the restore.
		running
			.insert(organisation)
			.values({ id: 'o2', slug: 'unna', name: 'Stadt Unna', shortName: 'Unna', kind: 'kommune' })
			.run();
		writeFileSync(path.join(paths.dataDir, 'uploads', 'beschluss.pdf'), 'später geändert');
		writeFileSync(path.join(paths.dataDir, 'uploads', 'neu.pdf'), 'nach der Sicherung');

		await expect(restoreBackup(paths, backupFile)).rejects.toThrow(/Server/);
		expect(organisationNames(running)).toEqual(['Stadt Kamen', 'Stadt Unna']);
		closeDatabase(running);

		await restoreBackup(paths, backupFile);
		const restored = open();
		try {
			expect(organisationNames(restored)).toEqual(['Stadt Kamen']);
			expect(databaseEpoch(restored)).not.toBe(epochBefore);
		} finally {
			closeDatabase(restored);
		}
		expect(readFileSync(path.join(paths.dataDir, 'uploads', 'beschluss.pdf'), 'utf8')).toBe(
			'Fassung vom Rat'
		);
		expect(existsSync(path.join(paths.dataDir, 'uploads', 'neu.pdf'))).toBe(false);
	});

	it('ends every session: those in the backup may have been signed out since', async () => {
		const running = open();
		running
			.insert(user)
			.values({ id: 'u1', email: 'a@kamen.test', name: 'A', passwordHash: 'x' })
			.run();
		running
			.insert(session)
			.values({
				id: 's1',
				userId: 'u1',
				secretHash: Buffer.from('geheim'),
				expiresAt: new Date(Date.now() + 60_000)
			})
			.run();
		await createBackup(paths, backupFile);
		// Signed out after the backup.
		running.delete(session).run();
		closeDatabase(running);

		await restoreBackup(paths, backupFile);
		const restored = open();
		try {
			expect(restored.select().from(session).all()).toEqual([]);
			expect(restored.select({ id: user.id }).from(user).all()).toEqual([{ id: 'u1' }]);
		} finally {
			closeDatabase(restored);
		}
	});

	it('refuses a file that is not a backup and leaves the data alone', async () => {
		closeDatabase(open());
		writeFileSync(backupFile, 'kein Archiv');
		await expect(restoreBackup(paths, backupFile)).rejects.toBeInstanceOf(BackupError);
		expect(existsSync(paths.databasePath)).toBe(true);
	});

	it('refuses to write the backup into DATA_DIR, and notes no backup', async () => {
		closeDatabase(open());
		await expect(
			createBackup(paths, path.join(paths.dataDir, 'sicherung.tar.gz'))
		).rejects.toBeInstanceOf(BackupError);
		const db = open();
		try {
			expect(lastBackupAt(db)).toBeNull();
		} finally {
			closeDatabase(db);
		}
	});

	it('notes each backup in the running database, and a restore with the time of its backup', async () => {
		const running = open();
		expect(lastBackupAt(running)).toBeNull();
		const manifest = await createBackup(paths, backupFile);
		// Read through the server's own connection, as the operations page does.
		expect(lastBackupAt(running)).toEqual(new Date(manifest.createdAt));
		expect(lastRestoreAt(running)).toBeNull();

		const later = path.join(root, 'spaeter.tar.gz');
		const second = await createBackup(paths, later);
		expect(lastBackupAt(running)).toEqual(new Date(second.createdAt));
		closeDatabase(running);

		// The first backup holds no note of itself; after restoring it, its own time stands.
		const beforeRestore = new Date();
		await restoreBackup(paths, backupFile);
		const restored = open();
		try {
			expect(lastBackupAt(restored)).toEqual(new Date(manifest.createdAt));
			expect(lastRestoreAt(restored)!.getTime()).toBeGreaterThanOrEqual(beforeRestore.getTime());
		} finally {
			closeDatabase(restored);
		}
	});
});

describe('the backup record', () => {
	it('keeps the latest backup time when an earlier one is noted after it', () => {
		const db = createTestDatabase();
		recordBackup(db, new Date('2026-12-01T10:00:00Z'));
		recordBackup(db, new Date('2026-11-30T10:00:00Z'));
		expect(lastBackupAt(db)).toEqual(new Date('2026-12-01T10:00:00Z'));
		recordBackup(db, new Date('2026-12-02T10:00:00Z'));
		expect(lastBackupAt(db)).toEqual(new Date('2026-12-02T10:00:00Z'));
	});
});
