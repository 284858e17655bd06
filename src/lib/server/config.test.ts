import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfig, readMailConfig, readMetricsConfig } from './config';

describe('readConfig', () => {
	it('defaults to port 3000 and ./data/app.db', () => {
		const config = readConfig({});
		expect(config.port).toBe(3000);
		expect(config.databasePath).toBe(path.resolve('data/app.db'));
		expect(config.publicOrigin).toBe('http://localhost:3000');
		expect(config.publicOriginConfigured).toBe(false);
	});

	it('derives the database from DATA_DIR unless DATABASE_PATH is set', () => {
		expect(readConfig({ DATA_DIR: '/srv/lw' }).databasePath).toBe('/srv/lw/app.db');
		expect(readConfig({ DATA_DIR: '/srv/lw', DATABASE_PATH: '/db/x.db' }).databasePath).toBe(
			'/db/x.db'
		);
	});

	it('takes ORIGIN as the public URL, without a trailing slash', () => {
		const config = readConfig({ ORIGIN: 'https://leitbild.kreis-unna.de/', PORT: '8080' });
		expect(config.publicOrigin).toBe('https://leitbild.kreis-unna.de');
		expect(config.publicOriginConfigured).toBe(true);
		expect(config.port).toBe(8080);
	});

	it('keeps participant identities 90 days after an event unless told otherwise', () => {
		expect(readConfig({}).participantRetentionDays).toBe(90);
		expect(readConfig({ PARTICIPANT_RETENTION_DAYS: '7' }).participantRetentionDays).toBe(7);
		expect(readConfig({ PARTICIPANT_RETENTION_DAYS: '0' }).participantRetentionDays).toBe(0);
		expect(readConfig({ PARTICIPANT_RETENTION_DAYS: 'bald' }).participantRetentionDays).toBe(90);
		expect(readConfig({ PARTICIPANT_RETENTION_DAYS: '-1' }).participantRetentionDays).toBe(90);
	});

	it('reaches council information systems in public networks only, unless told otherwise', () => {
		expect(readConfig({}).oparl).toEqual({
			allowPrivateNetworks: false,
			timeoutMs: 10_000,
			syncMinutes: 60
		});
		const told = readConfig({
			OPARL_ALLOW_PRIVATE_NETWORKS: 'true',
			OPARL_TIMEOUT_SECONDS: '2',
			OPARL_SYNC_MINUTES: '0'
		}).oparl;
		expect(told).toEqual({ allowPrivateNetworks: true, timeoutMs: 2000, syncMinutes: 0 });
		expect(readConfig({ OPARL_ALLOW_PRIVATE_NETWORKS: 'yes' }).oparl.allowPrivateNetworks).toBe(
			false
		);
	});
});

describe('readMailConfig', () => {
	it('leaves mail off without SMTP_URL', () => {
		expect(readConfig({}).mail).toBeNull();
		expect(readMailConfig({ SMTP_FROM: 'a@b.de', SMTP_URL: ' ' })).toBeNull();
	});

	it('turns mail on with SMTP_URL and SMTP_FROM, retrying 8 times from a minute', () => {
		expect(
			readMailConfig({ SMTP_URL: 'smtp://u:p@relay:587', SMTP_FROM: 'Werkstatt <w@kreis.de>' })
		).toEqual({
			smtpUrl: 'smtp://u:p@relay:587',
			from: 'Werkstatt <w@kreis.de>',
			maxAttempts: 8,
			retryBaseMs: 60_000
		});
		const tuned = readMailConfig({
			SMTP_URL: 'smtps://relay',
			SMTP_FROM: 'w@kreis.de',
			MAIL_MAX_ATTEMPTS: '3',
			MAIL_RETRY_BASE_SECONDS: '0.5'
		});
		expect(tuned?.maxAttempts).toBe(3);
		expect(tuned?.retryBaseMs).toBe(500);
	});

	it('refuses to start with SMTP_URL but no SMTP_FROM, or a URL that is not SMTP', () => {
		expect(() => readMailConfig({ SMTP_URL: 'smtp://relay' })).toThrow(/SMTP_FROM is required/);
		expect(() => readMailConfig({ SMTP_URL: 'http://relay', SMTP_FROM: 'w@kreis.de' })).toThrow(
			/smtp:\/\//
		);
		expect(() => readMailConfig({ SMTP_URL: 'relay:25', SMTP_FROM: 'w@kreis.de' })).toThrow();
	});
});

describe('readMetricsConfig', () => {
	it('has no token and no proxy unless told', () => {
		expect(readConfig({}).metrics).toEqual({ token: null, behindProxy: false });
	});

	it('takes METRICS_TOKEN, and a proxy from ADDRESS_HEADER', () => {
		const token = 'f'.repeat(64);
		expect(
			readMetricsConfig({ METRICS_TOKEN: ` ${token} `, ADDRESS_HEADER: 'X-Forwarded-For' })
		).toEqual({ token, behindProxy: true });
		expect(readMetricsConfig({ METRICS_TOKEN: '', ADDRESS_HEADER: ' ' })).toEqual({
			token: null,
			behindProxy: false
		});
	});

	it('refuses a token short enough to guess', () => {
		expect(() => readMetricsConfig({ METRICS_TOKEN: 'geheim' })).toThrow(/at least 32/);
	});
});
