// Starts the production build as its own process, on a free port with a fresh data directory,
// so tests that kill, restart or rate-limit a server disturb no other test.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { copyTemplateData } from './template';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const entry = path.resolve('build-server/server/index.js');

export interface AppServer {
	url: string;
	port: number;
	dataDir: string;
	/** Everything the server printed, for assertions on logs. */
	output(): string;
	/** Stops with SIGTERM and waits for a clean exit; returns the exit code. */
	stop(): Promise<number | null>;
	/** Kills with SIGKILL, as a crash would. */
	kill(): Promise<void>;
	/** Starts the server again on the same port and data directory. */
	restart(): Promise<void>;
	/** Kills it, puts the template's data in place of its own and starts it again. */
	resetToTemplate(): Promise<void>;
	/** Stops it and removes its data directory. */
	dispose(): Promise<void>;
}

export interface StartOptions {
	env?: Record<string, string>;
	dataDir?: string;
	/** Start from a copy of the run's seeded template (actors and participant signed in). */
	fromTemplate?: boolean;
	/** 'healthy' (default) waits for /healthz to say ok; 'listening' for any answer. */
	waitUntil?: 'healthy' | 'listening';
}

export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const address = probe.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			probe.close(() => resolve(port));
		});
	});
}

async function waitForServer(
	url: string,
	child: ChildProcess,
	output: () => string,
	waitUntil: 'healthy' | 'listening'
): Promise<void> {
	const deadline = Date.now() + 20_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) {
			throw new Error(`Server exited with ${child.exitCode} before it was ready:\n${output()}`);
		}
		try {
			const response = await fetch(`${url}/healthz`);
			if (response.ok || waitUntil === 'listening') return;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	throw new Error(`Server did not become healthy within 20 s:\n${output()}`);
}

function exited(child: ChildProcess): Promise<number | null> {
	if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
	return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

export async function startServer(options: StartOptions = {}): Promise<AppServer> {
	const port = await freePort();
	const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'leitbild-test-'));
	if (options.fromTemplate) copyTemplateData(dataDir);
	const url = `http://127.0.0.1:${port}`;
	let log = '';
	let child: ChildProcess;

	async function launch(): Promise<void> {
		const env: NodeJS.ProcessEnv = {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			DATA_DIR: dataDir,
			...options.env
		};
		// The test server is reached at 127.0.0.1, not at an operator's public URL.
		if (!options.env?.ORIGIN) delete env.ORIGIN;
		child = spawn(process.execPath, [entry], {
			env,
			stdio: ['ignore', 'pipe', 'pipe']
		});
		child.stdout?.on('data', (chunk) => (log += chunk));
		child.stderr?.on('data', (chunk) => (log += chunk));
		await waitForServer(url, child, () => log, options.waitUntil ?? 'healthy');
	}

	await launch();

	const server: AppServer = {
		url,
		port,
		dataDir,
		output: () => log,
		async stop() {
			child.kill('SIGTERM');
			// A server that does not stop within 10 s is killed, so no test leaves one behind.
			const forced = setTimeout(() => child.kill('SIGKILL'), 10_000);
			const code = await exited(child);
			clearTimeout(forced);
			return code;
		},
		async kill() {
			child.kill('SIGKILL');
			await exited(child);
		},
		restart: launch,
		async resetToTemplate() {
			// The data is thrown away: no need to wait for a graceful stop.
			await server.kill();
			rmSync(dataDir, { recursive: true, force: true });
			copyTemplateData(dataDir);
			await launch();
		},
		async dispose() {
			if (child.exitCode === null && child.signalCode === null) await server.stop();
			rmSync(dataDir, { recursive: true, force: true });
		}
	};
	return server;
}
