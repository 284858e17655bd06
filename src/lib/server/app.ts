// The process-wide application: configuration, database and realtime server, started once.
// Kept on globalThis because in development Vite may load this module more than once, and the
// production entry reaches it through the bundle.
import { readConfig, type AppConfig } from './config';
import { closeDatabase, openDatabase, type AppDatabase } from './db/database';
import { runSeeds, type Seed } from './db/seeds';
import { log, errorFields } from './log';
import { anonymousActor } from './policy';
import { echoChannel } from './realtime/echo-channel';
import { createRealtimeServer, type RealtimeServer } from './realtime/realtime-server';
import type { AppRuntime } from './runtime';
import { organisationsSeed } from './workspace/organisations-seed';

export type AppStatus = 'starting' | 'ready' | 'failed';

interface App {
	status: AppStatus;
	config: AppConfig;
	db?: AppDatabase;
	realtime?: RealtimeServer;
}

const appKey = Symbol.for('leitbild-werkstatt.app');
type WithApp = typeof globalThis & { [appKey]?: App };

/** Every seed of the app, in the order they must run. Later features append theirs. */
export function allSeeds(): Seed[] {
	return [organisationsSeed()];
}

function start(): App {
	const app: App = { status: 'starting', config: readConfig() };
	(globalThis as WithApp)[appKey] = app;
	try {
		app.db = openDatabase({
			file: app.config.databasePath,
			migrationsDir: app.config.migrationsDir
		});
		const ran = runSeeds(app.db, allSeeds());
		app.realtime = createRealtimeServer({
			publicOrigin: app.config.publicOrigin,
			channels: { echo: echoChannel },
			resolveActor: () => anonymousActor
		});
		app.status = 'ready';
		log.info('app.ready', { database: app.config.databasePath, seeded: ran });
	} catch (err) {
		app.status = 'failed';
		log.error('app.start_failed', errorFields(err));
	}
	return app;
}

function currentApp(): App {
	return (globalThis as WithApp)[appKey] ?? start();
}

export function appStatus(): AppStatus {
	return currentApp().status;
}

export function appConfig(): AppConfig {
	return currentApp().config;
}

/** The database; throws while the app is not ready, which the hooks turn into a 503. */
export function db(): AppDatabase {
	const app = currentApp();
	if (!app.db || app.status !== 'ready') throw new Error('Die Datenbank ist nicht bereit.');
	return app.db;
}

export function appRuntime(): AppRuntime {
	return {
		handleUpgrade(request, socket, head) {
			const realtime = currentApp().realtime;
			if (!realtime) {
				socket.destroy();
				return;
			}
			realtime.handleUpgrade(request, socket, head);
		},
		async shutdown() {
			const app = (globalThis as WithApp)[appKey];
			if (!app) return;
			await app.realtime?.close();
			if (app.db) closeDatabase(app.db);
			app.status = 'starting';
			delete (globalThis as WithApp)[appKey];
			log.info('app.stopped');
		}
	};
}
