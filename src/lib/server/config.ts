// Configuration from the environment, read in one place.
import path from 'node:path';
import { isBehindProxy } from './http/client-address';

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
	/** Outgoing e-mail; null when SMTP_URL is not set, and links are shown to copy instead. */
	mail: MailConfig | null;
	/** Who may read /metrics besides this machine itself. */
	metrics: MetricsConfig;
}

export interface MetricsConfig {
	/** METRICS_TOKEN: the bearer token that opens /metrics from anywhere; null for none. */
	token: string | null;
	/**
	 * ADDRESS_HEADER is set: a reverse proxy is in front, so every request arrives from loopback
	 * and loopback alone proves nothing; only the token opens /metrics then.
	 */
	behindProxy: boolean;
}

/** A shorter token could be guessed; `openssl rand -hex 32` gives 64 characters. */
export const minMetricsTokenLength = 32;

export interface MailConfig {
	/** smtp:// or smtps:// with credentials; never logged. */
	smtpUrl: string;
	from: string;
	/** Delivery attempts before a mail is marked failed. */
	maxAttempts: number;
	/** The wait after the first failed attempt; it doubles with each further one. */
	retryBaseMs: number;
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
		},
		mail: readMailConfig(env),
		metrics: readMetricsConfig(env)
	};
}

/** Throws at start-up on a token too short to keep the metrics private. */
export function readMetricsConfig(env: NodeJS.ProcessEnv = process.env): MetricsConfig {
	const token = env.METRICS_TOKEN?.trim() || null;
	if (token !== null && token.length < minMetricsTokenLength) {
		throw new Error(
			`METRICS_TOKEN must have at least ${minMetricsTokenLength} characters, e.g. from openssl rand -hex 32.`
		);
	}
	return { token, behindProxy: isBehindProxy(env) };
}

/** Throws at start-up on a half configuration, so nobody believes mail is on when it is not. */
export function readMailConfig(env: NodeJS.ProcessEnv = process.env): MailConfig | null {
	const smtpUrl = env.SMTP_URL?.trim();
	if (!smtpUrl) return null;
	let protocol: string;
	try {
		protocol = new URL(smtpUrl).protocol;
	} catch {
		throw new Error('SMTP_URL is not a URL; expected e.g. smtp://user:password@relay:587.');
	}
	if (protocol !== 'smtp:' && protocol !== 'smtps:') {
		throw new Error(`SMTP_URL must start with smtp:// or smtps://, not ${protocol}//.`);
	}
	const from = env.SMTP_FROM?.trim();
	if (!from) {
		throw new Error(
			'SMTP_FROM is required when SMTP_URL is set, e.g. "Leitbild-Werkstatt <leitbild@kreis-unna.de>".'
		);
	}
	return {
		smtpUrl,
		from,
		maxAttempts: Math.max(1, Math.floor(nonNegativeNumber(env.MAIL_MAX_ATTEMPTS, 8))),
		retryBaseMs: nonNegativeNumber(env.MAIL_RETRY_BASE_SECONDS, 60) * 1000
	};
}

/** A number from the environment; the fallback when it is missing, empty, negative or no number. */
export function nonNegativeNumber(value: string | undefined, fallback: number): number {
	const number = Number(value);
	return value !== undefined && value.trim() !== '' && Number.isFinite(number) && number >= 0
		? number
		: fallback;
}
