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
	/** Days after an event is archived until its participant identities are deleted. */
	participantRetentionDays: number;
	/** The council information systems (OParl): reach into private networks, deadline, sync. */
	oparl: { allowPrivateNetworks: boolean; timeoutMs: number; syncMinutes: number };
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
		migrationsDir: path.resolve(env.MIGRATIONS_DIR ?? 'drizzle'),
		participantRetentionDays: nonNegativeNumber(env.PARTICIPANT_RETENTION_DAYS, 90),
		oparl: {
			allowPrivateNetworks: env.OPARL_ALLOW_PRIVATE_NETWORKS === 'true',
			timeoutMs: (nonNegativeNumber(env.OPARL_TIMEOUT_SECONDS, 10) || 10) * 1000,
			syncMinutes: nonNegativeNumber(env.OPARL_SYNC_MINUTES, 60)
		}
	};
}

/** A number from the environment; the fallback when it is missing, empty, negative or no number. */
export function nonNegativeNumber(value: string | undefined, fallback: number): number {
	const number = Number(value);
	return value !== undefined && value.trim() !== '' && Number.isFinite(number) && number >= 0
		? number
		: fallback;
}
