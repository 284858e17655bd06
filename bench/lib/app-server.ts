// Our app as the benchmarks run it: the production entry on a free port with its own data
// directory and SQLite file, the first admin from the environment, the probe preloaded.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase, type AppDatabase } from '../../src/lib/server/db/database';
import { freePort, projectRoot, startMeasuredServer, type MeasuredServer } from './processes';

export const benchAdmin = { email: 'messung@kreis-unna.test', password: 'Messung-Passwort-2026' };
const entry = 'build-server/server/index.js';

export interface AppUnderTest {
	url: string;
	port: number;
	dataDir: string;
	server: MeasuredServer;
}

export function freshDataDir(): string {
	return mkdtempSync(path.join(tmpdir(), 'leitbild-bench-'));
}

export async function startApp(
	dataDir = freshDataDir(),
	/** Settings a benchmark needs beyond these. */
	extraEnv: Record<string, string> = {}
): Promise<AppUnderTest> {
	const port = await freePort();
	const server = await startMeasuredServer({
		script: entry,
		port,
		healthPath: '/healthz',
		env: {
			DATA_DIR: dataDir,
			ADMIN_EMAIL: benchAdmin.email,
			ADMIN_PASSWORD: benchAdmin.password,
			// Reached at 127.0.0.1, not at an operator's public URL.
			ORIGIN: `http://127.0.0.1:${port}`,
			// The benchmarks play a thousand phones from one address and a room of co-editors with
			// one account: the limits that keep one person or address in check would stop them.
			LIVE_CONNECTIONS_PER_PERSON: '10000',
			LIVE_CONNECTIONS_PER_ADDRESS: '100000',
			JOINS_BURST_PER_ADDRESS: '100000',
			...extraEnv
		}
	});
	return { url: `http://127.0.0.1:${port}`, port, dataDir, server };
}

export function removeDataDir(dataDir: string): void {
	rmSync(dataDir, { recursive: true, force: true });
}

/** The app's own database module on a data directory, for setting up what a benchmark needs. */
export function openAppDatabase(dataDir: string): AppDatabase {
	return openDatabase({
		file: path.join(dataDir, 'app.db'),
		migrationsDir: path.join(projectRoot, 'drizzle')
	});
}
