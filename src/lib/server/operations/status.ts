// What the admins' operations page ("Betrieb") shows: the build, the process, the database, the
// last backup, the live connections, and the warnings an operator should act on. The warnings
// are decided from these facts by a pure function, so each rule is tested on its own.
import { existsSync, statfsSync } from 'node:fs';
import { inArray } from 'drizzle-orm';
import { lastBackupAt, lastRestoreAt } from '../backup/backup-record';
import type { AppConfig } from '../config';
import type { AppDatabase } from '../db/database';
import { databaseFileSizes } from '../db/database-files';
import { appliedMigrations, journalFile, knownMigrations } from '../db/migrations';
import { event } from '../db/schema';
import type { LiveStatus } from '../services';

// Set by vite.config.ts when the app is built (and when Vitest loads it).
declare const __APP_VERSION__: string;
declare const __BUILD_COMMIT__: string;

/** How old the last backup may be before the page warns. */
export const backupMaxAgeMs = 2 * 24 * 60 * 60 * 1000;
/** Below this share of free space on the data directory's file system, the page warns. */
export const diskFreeMinRatio = 0.1;

export interface DiskSpace {
	freeBytes: number;
	totalBytes: number;
}

/** What the warnings are decided from. */
export interface WarningFacts {
	publicOrigin: string;
	/** Whether ORIGIN was set, or the address guessed from the port. */
	publicOriginConfigured: boolean;
	mailConfigured: boolean;
	lastBackupAt: Date | null;
	/** null when the file system could not be asked. */
	disk: DiskSpace | null;
}

export type OperationsWarning =
	| { kind: 'origin-not-https'; origin: string; configured: boolean }
	| { kind: 'mail-off' }
	| { kind: 'backup-never' }
	| { kind: 'backup-old'; lastBackupAt: Date }
	| { kind: 'disk-low'; disk: DiskSpace };

export function operationsWarnings(facts: WarningFacts, now: Date): OperationsWarning[] {
	const warnings: OperationsWarning[] = [];
	if (!facts.publicOrigin.startsWith('https://')) {
		warnings.push({
			kind: 'origin-not-https',
			origin: facts.publicOrigin,
			configured: facts.publicOriginConfigured
		});
	}
	if (!facts.mailConfigured) warnings.push({ kind: 'mail-off' });
	if (!facts.lastBackupAt) warnings.push({ kind: 'backup-never' });
	else if (now.getTime() - facts.lastBackupAt.getTime() > backupMaxAgeMs) {
		warnings.push({ kind: 'backup-old', lastBackupAt: facts.lastBackupAt });
	}
	if (facts.disk && facts.disk.totalBytes > 0) {
		if (facts.disk.freeBytes / facts.disk.totalBytes < diskFreeMinRatio) {
			warnings.push({ kind: 'disk-low', disk: facts.disk });
		}
	}
	return warnings;
}

export interface MigrationsStatus {
	/** Migrations the database has applied. */
	applied: number;
	/** Migrations this build brings. */
	known: number;
	/** The name of the latest applied one; null when none is, or its name is not in this build. */
	latest: string | null;
}

/** Drizzle notes each applied migration with the time stamp (`when`) of its journal entry. */
export function migrationsStatus(db: AppDatabase, migrationsDir: string): MigrationsStatus {
	const applied = appliedMigrations(db.$client);
	const known = existsSync(journalFile(migrationsDir)) ? knownMigrations(migrationsDir) : [];
	const last = applied.at(-1);
	return {
		applied: applied.length,
		known: known.length,
		latest: last ? (known.find((entry) => entry.when === last.createdAt)?.tag ?? null) : null
	};
}

function diskSpace(dir: string): DiskSpace | null {
	try {
		const stats = statfsSync(dir);
		return { freeBytes: stats.bavail * stats.bsize, totalBytes: stats.blocks * stats.bsize };
	} catch {
		return null;
	}
}

export interface ConnectedEvent {
	id: string;
	title: string;
	participants: number;
}

export interface OperationsStatus {
	version: string;
	commit: string;
	startedAt: Date;
	/** How long the process has run, until `now`. */
	uptimeMs: number;
	nodeVersion: string;
	database: { path: string; sizeBytes: number; walBytes: number };
	migrations: MigrationsStatus;
	lastBackupAt: Date | null;
	lastRestoreAt: Date | null;
	disk: DiskSpace | null;
	connections: number;
	loadedDocuments: number;
	connectedEvents: ConnectedEvent[];
	warnings: OperationsWarning[];
}

export interface OperationsSources {
	db: AppDatabase;
	config: Pick<
		AppConfig,
		| 'dataDir'
		| 'databasePath'
		| 'migrationsDir'
		| 'publicOrigin'
		| 'publicOriginConfigured'
		| 'mail'
	>;
	live: LiveStatus;
	now: Date;
}

/** The process start, as Node measured it. */
const processStartedAt = new Date(performance.timeOrigin);

export function operationsStatus({ db, config, live, now }: OperationsSources): OperationsStatus {
	const eventIds = [...live.participantsByEvent.keys()];
	const titles = new Map(
		eventIds.length === 0
			? []
			: db
					.select({ id: event.id, title: event.title })
					.from(event)
					.where(inArray(event.id, eventIds))
					.all()
					.map((row) => [row.id, row.title])
	);
	const facts: WarningFacts = {
		publicOrigin: config.publicOrigin,
		publicOriginConfigured: config.publicOriginConfigured,
		mailConfigured: config.mail !== null,
		lastBackupAt: lastBackupAt(db),
		disk: diskSpace(config.dataDir)
	};
	const files = databaseFileSizes(config.databasePath);
	return {
		version: __APP_VERSION__,
		commit: __BUILD_COMMIT__,
		startedAt: processStartedAt,
		uptimeMs: now.getTime() - processStartedAt.getTime(),
		nodeVersion: process.version,
		database: {
			path: config.databasePath,
			sizeBytes: files.main ?? 0,
			walBytes: files.wal ?? 0
		},
		migrations: migrationsStatus(db, config.migrationsDir),
		lastBackupAt: facts.lastBackupAt,
		lastRestoreAt: lastRestoreAt(db),
		disk: facts.disk,
		connections: live.connections,
		loadedDocuments: live.loadedDocuments,
		connectedEvents: eventIds
			.map((id) => ({
				id,
				title: titles.get(id) ?? id,
				participants: live.participantsByEvent.get(id)!
			}))
			.sort((a, b) => b.participants - a.participants || a.title.localeCompare(b.title, 'de')),
		warnings: operationsWarnings(facts, now)
	};
}
