// The systemd units in deploy/: systemd itself reads them (systemd-analyze verify, and its
// offline security rating), the hardening is what the README promises, and the backup unit's
// command lines, with systemd's escapes undone, really write a backup and prune old ones.
import { execFileSync, spawnSync } from 'node:child_process';
import {
	copyFileSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	utimesSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../src/lib/server/db/database';

const deployDir = path.resolve('deploy');
const units = [
	'leitbild-werkstatt.service',
	'leitbild-werkstatt-backup.service',
	'leitbild-werkstatt-backup.timer'
];

/** Fails (does not skip) where systemd-analyze is missing: the units would go unchecked. */
function systemdAnalyze(args: string[], cwd: string) {
	const result = spawnSync('systemd-analyze', args, { cwd, encoding: 'utf8' });
	if (result.error && 'code' in result.error && result.error.code === 'ENOENT') {
		throw new Error(
			'systemd-analyze fehlt: Die systemd-Units in deploy/ lassen sich ohne es nicht prüfen. ' +
				'Debian/Ubuntu: apt-get install systemd (.ci/run installiert es).'
		);
	}
	return result;
}

/** The directives of a unit file: key → values, in order (a key may repeat). */
function directives(unit: string): Map<string, string[]> {
	const found = new Map<string, string[]>();
	for (const line of readFileSync(path.join(deployDir, unit), 'utf8').split('\n')) {
		const match = /^([A-Za-z]+)=(.*)$/.exec(line);
		if (!match) continue;
		found.set(match[1], [...(found.get(match[1]) ?? []), match[2]]);
	}
	return found;
}

const hardening: Record<string, string> = {
	User: 'leitbild',
	Group: 'leitbild',
	StateDirectory: 'leitbild-werkstatt',
	UMask: '0077',
	ProtectSystem: 'strict',
	ProtectHome: 'yes',
	PrivateTmp: 'yes',
	PrivateDevices: 'yes',
	NoNewPrivileges: 'yes',
	CapabilityBoundingSet: '',
	ProtectKernelTunables: 'yes',
	ProtectKernelModules: 'yes',
	ProtectControlGroups: 'yes',
	RestrictAddressFamilies: 'AF_UNIX AF_INET AF_INET6',
	RestrictNamespaces: 'yes',
	RestrictSUIDSGID: 'yes',
	LockPersonality: 'yes',
	SystemCallArchitectures: 'native',
	WorkingDirectory: '/opt/leitbild-werkstatt',
	EnvironmentFile: '/etc/leitbild-werkstatt/env'
};

describe('systemd units', () => {
	let dir: string;
	beforeAll(() => {
		dir = mkdtempSync(path.join(tmpdir(), 'leitbild-units-'));
		// verify wants every ExecStart binary to exist: node is wherever this test's node is.
		for (const unit of units) {
			const text = readFileSync(path.join(deployDir, unit), 'utf8');
			writeFileSync(path.join(dir, unit), text.replaceAll('/usr/bin/node', process.execPath));
		}
	});
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	it('pass systemd-analyze verify without a single complaint', () => {
		const result = systemdAnalyze(['verify', ...units.map((unit) => `./${unit}`)], dir);
		expect(result.stderr.trim()).toBe('');
		expect(result.status).toBe(0);
	});

	it.each(['leitbild-werkstatt.service', 'leitbild-werkstatt-backup.service'])(
		'%s: hardened, with an exposure systemd rates OK (≤ 2)',
		(unit) => {
			const found = directives(unit);
			for (const [key, value] of Object.entries(hardening)) {
				expect(found.get(key), key).toEqual([value]);
			}
			expect(found.get('ReadWritePaths')?.[0].split(' ')).toContain('/var/lib/leitbild-werkstatt');
			expect(found.get('Environment')).toContain('DATA_DIR=/var/lib/leitbild-werkstatt');
			// V8's JIT needs writable, executable memory.
			expect(found.has('MemoryDenyWriteExecute')).toBe(false);
			const rating = systemdAnalyze(['security', '--offline=true', `./${unit}`], dir);
			const exposure = /Overall exposure level for \S+: (\d+\.\d+)/.exec(rating.stdout);
			expect(exposure, rating.stdout + rating.stderr).not.toBeNull();
			expect(Number(exposure![1])).toBeLessThanOrEqual(2);
		}
	);

	it('the server: only the data directory writable, restarted on failure, stop time for the shutdown', () => {
		const found = directives('leitbild-werkstatt.service');
		expect(found.get('ReadWritePaths')).toEqual(['/var/lib/leitbild-werkstatt']);
		expect(found.get('ExecStart')).toEqual(['/usr/bin/node build-server/server/index.js']);
		expect(JSON.parse(readFileSync('package.json', 'utf8')).scripts.serve).toBe(
			'node build-server/server/index.js'
		);
		expect(found.get('Restart')).toEqual(['on-failure']);
		// server/index.ts: mail up to 4 s, sockets up to 1 s, then 5 s for running requests.
		expect(Number.parseInt(found.get('TimeoutStopSec')![0], 10)).toBeGreaterThanOrEqual(15);
	});

	it('the timer: nightly, made up after downtime, spread out', () => {
		const found = directives('leitbild-werkstatt-backup.timer');
		expect(found.get('Persistent')).toEqual(['true']);
		expect(found.get('RandomizedDelaySec')).toHaveLength(1);
		const calendar = systemdAnalyze(['calendar', found.get('OnCalendar')![0]], dir);
		expect(calendar.status, calendar.stderr).toBe(0);
		expect(calendar.stdout).toMatch(/Normalized form: \*-\*-\* \d\d:\d\d:00/);
	});

	it('the backup unit: its commands write a backup outside DATA_DIR and delete the expired ones', () => {
		const found = directives('leitbild-werkstatt-backup.service');
		expect(found.get('Type')).toEqual(['oneshot']);
		const env = Object.fromEntries(
			(found.get('Environment') ?? []).map((pair) => pair.split('=', 2) as [string, string])
		);
		const work = mkdtempSync(path.join(tmpdir(), 'leitbild-backup-unit-'));
		try {
			const dataDir = path.join(work, 'daten');
			const backupDir = path.join(work, 'sicherungen');
			mkdirSync(backupDir);
			closeDatabase(openDatabase({ file: path.join(dataDir, 'app.db'), migrationsDir: 'drizzle' }));
			const expired = path.join(backupDir, 'leitbild-2000-01-01-0215.tar.gz');
			copyFileSync(path.join(dataDir, 'app.db'), expired);
			const longAgo = new Date(Date.now() - (Number(env.BACKUP_KEEP_DAYS) + 2) * 86_400_000);
			utimesSync(expired, longAgo, longAgo);
			const runEnv: NodeJS.ProcessEnv = {
				...process.env,
				...env,
				DATA_DIR: dataDir,
				BACKUP_DIR: backupDir
			};

			// ExecStart as systemd hands it to the shell: %% and $$ are systemd's escapes.
			const start = /^\/bin\/sh -c '(.*)'$/.exec(found.get('ExecStart')![0]);
			expect(start, "ExecStart=/bin/sh -c '…'").not.toBeNull();
			const script = start![1]
				.replaceAll('%%', '%')
				.replaceAll('$$', '$')
				.replaceAll('/usr/bin/node', process.execPath);
			execFileSync('/bin/sh', ['-c', script], { env: runEnv, cwd: process.cwd(), stdio: 'pipe' });
			const written = readdirSync(backupDir).filter((name) => name !== path.basename(expired));
			expect(written).toEqual([expect.stringMatching(/^leitbild-\d{4}-\d\d-\d\d-\d{4}\.tar\.gz$/)]);

			// ExecStartPost: ${VAR} substituted by systemd, then split into words.
			const post = found
				.get('ExecStartPost')![0]
				.replace(/\$\{(\w+)\}/g, (_, name: string) => runEnv[name] ?? '')
				.split(' ');
			execFileSync(post[0], post.slice(1), { stdio: 'pipe' });
			expect(existsSync(expired)).toBe(false);
			expect(readdirSync(backupDir)).toEqual(written);
		} finally {
			rmSync(work, { recursive: true, force: true });
		}
	}, 60_000);

	it('env.example names every setting of the README, with the defaults the README gives', () => {
		const readme = readFileSync('README.md', 'utf8');
		const table = readme.slice(readme.indexOf('## Konfiguration'), readme.indexOf('## E-Mail'));
		const settings = [...table.matchAll(/^\| `([A-Z_]+)`\s*\|[^|]*\|\s*(.*?)\s*\|$/gm)];
		expect(settings.length).toBeGreaterThan(30);
		const example = readFileSync(path.join(deployDir, 'env.example'), 'utf8');
		for (const [, name, fallback] of settings) {
			if (name === 'DATA_DIR') continue;
			const line = new RegExp(`^#? ?${name}=(.*)$`, 'm').exec(example);
			expect(line, name).not.toBeNull();
			const shown = /^`([^`$]+)`$/.exec(fallback)?.[1];
			if (shown && line![0].startsWith('#')) expect(line![1], name).toBe(shown);
		}
	});
});
