// Configuration from the environment, read in one place.
import path from 'node:path';

export interface AppConfig {
	port: number;
	host: string;
	/** The public URL people reach the app at; QR codes and links encode it. */
	publicOrigin: string;
	/** Whether ORIGIN was configured, or guessed from the port. */
	publicOriginConfigured: boolean;
	dataDir: string;
	databasePath: string;
	migrationsDir: string;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
	const port = Number.parseInt(env.PORT ?? '3000', 10);
	const dataDir = path.resolve(env.DATA_DIR ?? 'data');
	const origin = env.ORIGIN?.replace(/\/+$/, '');
	return {
		port: Number.isFinite(port) ? port : 3000,
		host: env.HOST ?? '0.0.0.0',
		publicOrigin: origin || `http://localhost:${Number.isFinite(port) ? port : 3000}`,
		publicOriginConfigured: Boolean(origin),
		dataDir,
		databasePath: path.resolve(env.DATABASE_PATH ?? path.join(dataDir, 'app.db')),
		migrationsDir: path.resolve(env.MIGRATIONS_DIR ?? 'drizzle')
	};
}
