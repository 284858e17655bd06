import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordBackup } from '../backup/backup-record';
import { closeDatabase, openDatabase, type AppDatabase } from '../db/database';
import { createTestDatabase } from '../db/test-database';
import { createEvent } from '../events/events';
import {
	backupMaxAgeMs,
	migrationsStatus,
	operationsStatus,
	operationsWarnings,
	type WarningFacts
} from './status';

const now = new Date('2026-12-07T12:00:00Z');
/** Nothing to warn about. */
const healthy: WarningFacts = {
	publicOrigin: 'https://leitbild.kreis-unna.de',
	publicOriginConfigured: true,
	mailConfigured: true,
	lastBackupAt: new Date(now.getTime() - 60 * 60 * 1000),
	disk: { freeBytes: 50, totalBytes: 100 }
};
const kinds = (facts: Partial<WarningFacts>) =>
	operationsWarnings({ ...healthy, ...facts }, now).map((warning) => warning.kind);

describe('the warnings of the operations page', () => {
	it('has none for a healthy installation', () => {
		expect(kinds({})).toEqual([]);
	});

	it('warns when the public address is not https', () => {
		expect(kinds({ publicOrigin: 'http://leitbild.kreis-unna.de' })).toEqual(['origin-not-https']);
		expect(
			operationsWarnings(
				{ ...healthy, publicOrigin: 'http://localhost:3000', publicOriginConfigured: false },
				now
			)
		).toEqual([{ kind: 'origin-not-https', origin: 'http://localhost:3000', configured: false }]);
	});

	it('warns when no mail is configured', () => {
		expect(kinds({ mailConfigured: false })).toEqual(['mail-off']);
	});

	it('warns when there never was a backup', () => {
		expect(kinds({ lastBackupAt: null })).toEqual(['backup-never']);
	});

	it('warns when the last backup is more than two days old, not at two days', () => {
		const at = (ageMs: number) => new Date(now.getTime() - ageMs);
		expect(kinds({ lastBackupAt: at(backupMaxAgeMs) })).toEqual([]);
		expect(kinds({ lastBackupAt: at(backupMaxAgeMs + 1000) })).toEqual(['backup-old']);
		expect(operationsWarnings({ ...healthy, lastBackupAt: at(3 * backupMaxAgeMs) }, now)).toEqual([
			{ kind: 'backup-old', lastBackupAt: at(3 * backupMaxAgeMs) }
		]);
	});

	it('warns when less than ten per cent of the disk is free, not at ten per cent', () => {
		expect(kinds({ disk: { freeBytes: 10, totalBytes: 100 } })).toEqual([]);
		expect(kinds({ disk: { freeBytes: 9, totalBytes: 100 } })).toEqual(['disk-low']);
		expect(kinds({ disk: null })).toEqual([]);
	});

	it('gives every warning at once, in a fixed order', () => {
		expect(
			kinds({
				publicOrigin: 'http://x.test',
				mailConfigured: false,
				lastBackupAt: null,
				disk: { freeBytes: 0, totalBytes: 100 }
			})
		).toEqual(['origin-not-https', 'mail-off', 'backup-never', 'disk-low']);
	});
});

describe('the operations status', () => {
	let root: string;
	let db: AppDatabase;
	let databasePath: string;

	beforeEach(() => {
		root = mkdtempSync(path.join(tmpdir(), 'leitbild-betrieb-'));
		databasePath = path.join(root, 'app.db');
		db = openDatabase({ file: databasePath, migrationsDir: 'drizzle' });
	});
	afterEach(() => {
		closeDatabase(db);
		rmSync(root, { recursive: true, force: true });
	});

	const config = () => ({
		dataDir: root,
		databasePath,
		migrationsDir: 'drizzle',
		publicOrigin: 'http://localhost:3000',
		publicOriginConfigured: false,
		mail: null
	});

	it('gathers the build, the database, the backup and the live connections', () => {
		const conference = createEvent(db, {
			title: 'Zukunftskonferenz',
			date: '2026-12-07',
			place: 'Unna',
			description: '',
			agenda: [],
			asksAffiliation: false,
			workingGroups: [],
			createdBy: null
		});
		recordBackup(db, new Date('2026-12-06T08:00:00Z'));
		const status = operationsStatus({
			db,
			config: config(),
			live: {
				connections: 7,
				loadedDocuments: 2,
				participantsByEvent: new Map([[conference.id, 3]])
			},
			now
		});
		expect(status.version).toMatch(/^\d+\.\d+\.\d+/);
		expect(status.commit).toMatch(/^([0-9a-f]{4,}|unbekannt)$/);
		expect(status.nodeVersion).toBe(process.version);
		expect(status.startedAt.getTime()).toBeLessThanOrEqual(Date.now());
		expect(status.uptimeMs).toBe(now.getTime() - status.startedAt.getTime());
		expect(status.database.sizeBytes).toBeGreaterThan(0);
		expect(status.database.walBytes).toBeGreaterThanOrEqual(0);
		expect(status.disk!.totalBytes).toBeGreaterThan(0);
		expect(status.lastBackupAt).toEqual(new Date('2026-12-06T08:00:00Z'));
		expect(status.connections).toBe(7);
		expect(status.loadedDocuments).toBe(2);
		expect(status.connectedEvents).toEqual([
			{ id: conference.id, title: 'Zukunftskonferenz', participants: 3 }
		]);
		expect(status.warnings.map((warning) => warning.kind)).toEqual([
			'origin-not-https',
			'mail-off'
		]);
	});

	it('counts the applied migrations and names the latest from the journal', () => {
		const files = readdirSync('drizzle').filter((file) => file.endsWith('.sql'));
		const migrations = migrationsStatus(createTestDatabase(), 'drizzle');
		expect(migrations.applied).toBe(files.length);
		expect(migrations.known).toBe(files.length);
		expect(`${migrations.latest}.sql`).toBe(files.sort().at(-1));
	});

	it('names no latest migration it cannot find in the journal', () => {
		const elsewhere = path.join(root, 'drizzle');
		const migrations = migrationsStatus(db, elsewhere);
		expect(migrations).toMatchObject({ known: 0, latest: null });
		expect(migrations.applied).toBeGreaterThan(0);
	});
});
