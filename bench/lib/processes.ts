// Servers under measurement, each in its own process with the probe preloaded, and worker
// processes for clients. Every process started here is stopped by its own handle.
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export { freePort } from '../../tests/support/server';

const here = path.dirname(fileURLToPath(import.meta.url));
export const projectRoot = path.resolve(here, '../..');
const probe = path.join(here, 'server-probe.js');

export interface ServerSample {
	cpuPercent: number;
	/** CPU time used since the reset, all threads: what waiting for a loaded machine does not inflate. */
	cpuMs: number;
	rssMb: number;
	eventLoopDelayP50Ms: number;
	eventLoopDelayP99Ms: number;
	eventLoopDelayMaxMs: number;
}

/** Memory held after a full garbage collection, in MB. */
export interface MemorySample {
	rssMb: number;
	heapUsedMb: number;
	externalMb: number;
}

export interface MeasuredServer {
	pid: number;
	output(): string;
	/** Starts a measuring window: CPU, peak memory and event-loop delay count from now. */
	resetProbe(): Promise<void>;
	sampleProbe(): Promise<ServerSample>;
	/** Collects garbage in the server, then reads its memory. */
	memoryProbe(): Promise<MemorySample>;
	stop(): Promise<void>;
}

function exited(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
	return new Promise((resolve) => child.once('exit', () => resolve()));
}

async function portAnswers(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = connect(port, '127.0.0.1');
		socket.once('connect', () => {
			socket.destroy();
			resolve(true);
		});
		socket.once('error', () => resolve(false));
	});
}

export interface StartServerOptions {
	/** The script, relative to the project root. */
	script: string;
	args?: string[];
	env?: Record<string, string>;
	port: number;
	/** Waits for this path to answer 200 rather than for the port to accept connections. */
	healthPath?: string;
	/** Runs the script through tsx (our reference servers are TypeScript). */
	typescript?: boolean;
}

export async function startMeasuredServer(options: StartServerOptions): Promise<MeasuredServer> {
	const profileDir = process.env.BENCH_PROFILE_DIR;
	const execArgv = [
		...(options.typescript ? ['--import', 'tsx'] : []),
		'--import',
		probe,
		// A CPU profile per server process, written when it stops: where the time went.
		...(profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [])
	];
	const child = spawn(
		process.execPath,
		[...execArgv, path.resolve(projectRoot, options.script), ...(options.args ?? [])],
		{
			cwd: projectRoot,
			env: { ...process.env, ...options.env, PORT: String(options.port), HOST: '127.0.0.1' },
			stdio: ['ignore', 'pipe', 'pipe', 'ipc']
		}
	);
	let log = '';
	child.stdout?.on('data', (chunk) => (log = (log + chunk).slice(-20_000)));
	child.stderr?.on('data', (chunk) => (log = (log + chunk).slice(-20_000)));

	const deadline = Date.now() + 30_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`${options.script} ended early:\n${log}`);
		if (Date.now() > deadline) {
			child.kill('SIGKILL');
			throw new Error(`${options.script} was not ready within 30 s:\n${log}`);
		}
		if (options.healthPath) {
			const ok = await fetch(`http://127.0.0.1:${options.port}${options.healthPath}`)
				.then((response) => response.ok)
				.catch(() => false);
			if (ok) break;
		} else if (await portAnswers(options.port)) {
			break;
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}

	let nextId = 0;
	function ask<T>(probeCommand: 'reset' | 'sample' | 'memory'): Promise<T> {
		const id = ++nextId;
		return new Promise((resolve, reject) => {
			const timer = setTimeout(
				() =>
					reject(
						new Error(`Die Messsonde antwortet nicht auf „${probeCommand}“.\n${log.slice(-2000)}`)
					),
				// A server still working off a backlog answers late; a minute means it is stuck.
				60_000
			);
			const listener = (message: { probe?: string; id?: number; sample?: T }) => {
				if (message?.probe !== probeCommand || message.id !== id) return;
				clearTimeout(timer);
				child.off('message', listener);
				resolve(message.sample as T);
			};
			child.on('message', listener);
			child.send({ probe: probeCommand, id });
		});
	}

	return {
		pid: child.pid!,
		output: () => log,
		resetProbe: () => ask<void>('reset'),
		sampleProbe: () => ask<ServerSample>('sample'),
		memoryProbe: () => ask<MemorySample>('memory'),
		async stop() {
			child.kill('SIGTERM');
			const forced = setTimeout(() => child.kill('SIGKILL'), 10_000);
			await exited(child);
			clearTimeout(forced);
		}
	};
}

/** A TypeScript worker process that talks over IPC. */
export function forkWorker(script: string): ChildProcess {
	return fork(path.resolve(projectRoot, script), [], {
		cwd: projectRoot,
		execArgv: ['--import', 'tsx'],
		stdio: ['ignore', 'inherit', 'inherit', 'ipc']
	});
}

/** The next message of a kind from a worker; rejects if the worker dies first. */
export function nextMessage<T extends { type: string }>(
	worker: ChildProcess,
	type: T['type'],
	timeoutMs = 120_000
): Promise<T> {
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => {
			cleanup();
			reject(new Error(`Worker meldete „${type}“ nicht binnen ${timeoutMs / 1000} s.`));
		}, timeoutMs);
		const onMessage = (message: T | { type: 'error'; message: string }) => {
			if (message.type === 'error' && 'message' in message) {
				cleanup();
				reject(new Error(`Worker: ${message.message}`));
			} else if (message.type === type) {
				cleanup();
				resolve(message as T);
			}
		};
		const onExit = (code: number | null) => {
			cleanup();
			reject(new Error(`Worker endete mit ${code}, bevor er „${type}“ meldete.`));
		};
		function cleanup() {
			clearTimeout(timer);
			worker.off('message', onMessage);
			worker.off('exit', onExit);
		}
		worker.on('message', onMessage);
		worker.on('exit', onExit);
	});
}

export async function stopWorker(worker: ChildProcess): Promise<void> {
	if (worker.exitCode !== null || worker.signalCode !== null) return;
	worker.kill('SIGTERM');
	await exited(worker);
}
