// The process-wide application, started once: what the hooks and the production entry need
// (readiness, the services handed to every request, the WebSocket upgrade and shutdown). The
// start-up pieces live in start/. Kept on globalThis because in development Vite may load this
// module more than once, and the production entry reaches it through the bundle.
import { readConfig } from './config';
import { liveLimitsFromEnv } from './live-limits';
import { closeDatabase, openDatabase, type AppDatabase } from './db/database';
import { DatabaseTooNewError } from './db/migrations';
import { runSeeds } from './db/seeds';
import { log, errorFields } from './log';
import { ensureAdmin } from './accounts/first-admin';
import { throttleRulesFromEnv } from './auth/rate-limit';
import { deleteExpiredSessions } from './auth/session';
import type { AppRuntime } from './runtime';
import { NewParticipantLimit } from './events/join-rate';
import { outboxCounts } from './mail/outbox-view';
import { createMetrics, type AppMetrics } from './metrics/registry';
import { databaseFileSizes } from './db/database-files';
import type { Services } from './services';
import type { App, AppStatus } from './start/app-state';
import { announceAdmin } from './start/announce-admin';
import { startLiveChannels } from './start/live-channels';
import type { LiveChannels } from './realtime/live-channels';
import { startPeriodicTasks } from './start/periodic-tasks';
import { allSeeds } from './start/seeds';

export type { AppStatus };

const appKey = Symbol.for('leitbild-werkstatt.app');
type WithApp = typeof globalThis & { [appKey]?: App };

/** What every request is handed: created once, when the app is ready. */
function createServices(app: App, db: AppDatabase, live: LiveChannels): Services {
	return {
		config: app.config,
		db,
		throttleRules: app.throttleRules,
		newParticipants: app.newParticipants,
		documents: live.documents,
		attendance: live.attendance,
		liveStatus: live.status,
		metrics: app.metrics
	};
}

/** What the metrics read on each scrape, once the database and the live channels are up. */
function watchForMetrics(app: App, db: AppDatabase, live: LiveChannels): void {
	app.metrics.watch({
		connectionsByChannel: () => live.connectionsByChannel(),
		loadedDocuments: () => live.loadedDocuments(),
		outbox: () => outboxCounts(db),
		databaseFiles: () => databaseFileSizes(app.config.databasePath)
	});
}

async function prepare(app: App): Promise<void> {
	try {
		const db = openDatabase({
			file: app.config.databasePath,
			migrationsDir: app.config.migrationsDir,
			onMigrated: (applied) => {
				if (applied.length > 0) log.info('db.migrated', { applied });
			}
		});
		app.db = db;
		const ran = runSeeds(db, allSeeds());
		const admin = await ensureAdmin(db);
		if (admin) announceAdmin(admin);
		deleteExpiredSessions(db);
		app.tasks = startPeriodicTasks(db, app.config, app.metrics.mail);
		app.live = startLiveChannels(app, db);
		app.services = createServices(app, db, app.live);
		watchForMetrics(app, db, app.live);
		app.status = 'ready';
		log.info('app.ready', { database: app.config.databasePath, seeded: ran });
	} catch (err) {
		app.status = 'failed';
		log.error('app.start_failed', errorFields(err));
		// A server answering 503 looks alive to its supervisor. On a database this build must not
		// touch, the start itself fails (the production entry exits 1), and the unit shows why.
		if (err instanceof DatabaseTooNewError) throw err;
	}
}

function start(): App {
	const liveLimits = liveLimitsFromEnv();
	const app = {
		status: 'starting',
		config: readConfig(),
		throttleRules: throttleRulesFromEnv(),
		liveLimits,
		newParticipants: new NewParticipantLimit(liveLimits.joinsPerAddress),
		metrics: createMetrics()
	} as App;
	(globalThis as WithApp)[appKey] = app;
	app.ready = prepare(app);
	return app;
}

function currentApp(): App {
	return (globalThis as WithApp)[appKey] ?? start();
}

export function appStatus(): AppStatus {
	return currentApp().status;
}

/** Resolves once the database is migrated and seeded (or start-up failed). */
export function appReady(): Promise<void> {
	return currentApp().ready;
}

/** The services of every request; throws while the app is not ready, which the hooks turn into
 * a 503. */
export function services(): Services {
	const app = currentApp();
	if (!app.services || app.status !== 'ready') throw new Error('Die Anwendung ist nicht bereit.');
	return app.services;
}

/** The metrics, from the first request on (the HTTP handle records while the app starts too). */
export function appMetrics(): AppMetrics {
	return currentApp().metrics;
}

export function appRuntime(): AppRuntime {
	return {
		handleUpgrade(request, socket, head) {
			const live = currentApp().live;
			if (!live) {
				socket.destroy();
				return;
			}
			live.handleUpgrade(request, socket, head);
		},
		async shutdown() {
			const app = (globalThis as WithApp)[appKey];
			if (!app) return;
			await app.ready;
			await app.tasks?.stop();
			await app.live?.close();
			if (app.db) closeDatabase(app.db);
			app.status = 'starting';
			delete (globalThis as WithApp)[appKey];
			log.info('app.stopped');
		}
	};
}
