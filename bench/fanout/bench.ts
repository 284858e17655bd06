// 1. Co-editing fan-out: N clients on one document, some typing, all watching with carets on;
// our server against the plain y-websocket server and a raw broadcast, in turns, same machine.
import { interleavedRounds, roundLabel } from '../lib/rounds';
import type { ChildProcess } from 'node:child_process';
import { fanoutRatioTarget } from '../lib/targets';
import { signIn } from '../lib/app-client';
import { benchAdmin, openAppDatabase, startApp, removeDataDir } from '../lib/app-server';
import {
	forkWorker,
	freePort,
	nextMessage,
	startMeasuredServer,
	stopWorker,
	type MeasuredServer,
	type ServerSample
} from '../lib/processes';
import type { BenchmarkResult } from '../lib/report';
import { medianOfRuns, ratio, round, summarizeLatencies } from '../lib/stats';
import { createDocument } from '../../src/lib/server/documents/documents';
import { closeDatabase } from '../../src/lib/server/db/database';
import type { ClientPlan, ParentCommand, RunReport, ServerKind } from './protocol';
import { typeInEveryWorker } from './typing';

const fanoutRatioText = String(fanoutRatioTarget).replace('.', ',');

export interface FanoutOptions {
	clientCounts: number[];
	typists: number;
	editsPerSecond: number;
	durationMs: number;
	/** Longest wait for edits still on their way after typing stopped; later ones are losses. */
	drainMs: number;
	repetitions: number;
}

interface Target {
	kind: ServerKind;
	server: MeasuredServer;
	url: string;
	origin: string;
	cookie: string;
	/** A room (for ours: a document) per client count, so runs of different sizes stay apart. */
	room(clients: number): string;
}

type RunMetrics = Record<string, number> & ServerSample;

function send(worker: ChildProcess, command: ParentCommand) {
	worker.send(command);
}

function workerCount(clients: number): number {
	return Math.min(4, Math.max(2, Math.ceil(clients / 50)));
}

/** Typists spread over the workers, so no single worker does all the sending. */
function plans(clients: number, typists: number, workers: number): ClientPlan[][] {
	const byWorker: ClientPlan[][] = Array.from({ length: workers }, () => []);
	for (let clientId = 0; clientId < clients; clientId++) {
		byWorker[clientId % workers].push({ clientId, typist: clientId < typists });
	}
	return byWorker;
}

function countLosses(sent: Record<number, number>, reports: RunReport[], clients: number): number {
	const received: Record<string, number> = Object.assign({}, ...reports.map((r) => r.received));
	let losses = 0;
	for (const [sender, count] of Object.entries(sent)) {
		for (let receiver = 0; receiver < clients; receiver++) {
			if (String(receiver) === sender) continue;
			losses += Math.max(0, count - (received[`${receiver}:${sender}`] ?? 0));
		}
	}
	return losses;
}

async function runOnce(
	target: Target,
	workers: ChildProcess[],
	workerPlans: ClientPlan[][],
	clients: number,
	options: FanoutOptions,
	runId: string
): Promise<RunMetrics> {
	workers.forEach((worker, index) =>
		send(worker, {
			type: 'connect',
			kind: target.kind,
			url: target.url,
			room: target.room(clients),
			origin: target.origin,
			cookie: target.cookie,
			clients: workerPlans[index]
		})
	);
	await Promise.all(workers.map((worker) => nextMessage(worker, 'ready')));
	await target.server.resetProbe();
	const sent = await typeInEveryWorker(workers, {
		runId,
		editsPerSecond: options.editsPerSecond,
		durationMs: options.durationMs
	});
	const results = workers.map((worker) => nextMessage<RunReport>(worker, 'result'));
	for (const worker of workers) send(worker, { type: 'expect', sent, drainMs: options.drainMs });
	const reports = await Promise.all(results);
	const sample = await target.server.sampleProbe();
	const closed = workers.map((worker) => nextMessage(worker, 'closed'));
	for (const worker of workers) send(worker, { type: 'close' });
	await Promise.all(closed);
	const latency = summarizeLatencies(reports.flatMap((report) => report.latencies));
	return {
		p50Ms: latency.p50,
		p95Ms: latency.p95,
		p99Ms: latency.p99,
		maxMs: latency.max,
		deliveries: latency.count,
		losses: countLosses(sent, reports, clients),
		duplicates: reports.reduce((sum, report) => sum + report.duplicates, 0),
		...sample
	};
}

async function startTargets(clientCounts: number[]): Promise<{
	targets: Target[];
	stop(): Promise<void>;
}> {
	const app = await startApp();
	const session = await signIn(app.url, benchAdmin.email, benchAdmin.password);
	const db = openAppDatabase(app.dataDir);
	const documents = new Map<number, string>();
	for (const clients of clientCounts) {
		const created = createDocument(db, {
			title: `Messung mit ${clients} Personen`,
			kind: 'sonstiges',
			createdBy: null
		});
		documents.set(clients, created.id);
	}
	closeDatabase(db);

	const yjsPort = await freePort();
	const yjsReference = await startMeasuredServer({
		script: 'node_modules/@y/websocket-server/src/server.js',
		port: yjsPort
	});
	const rawPort = await freePort();
	const rawBroadcast = await startMeasuredServer({
		script: 'bench/fanout/broadcast-server.ts',
		port: rawPort,
		typescript: true
	});
	const targets: Target[] = [
		{
			kind: 'ours',
			server: app.server,
			url: `ws://127.0.0.1:${app.port}/collab/document`,
			origin: app.url,
			cookie: session.cookieHeader,
			room: (clients) => documents.get(clients)!
		},
		{
			kind: 'yjs-reference',
			server: yjsReference,
			url: `ws://127.0.0.1:${yjsPort}`,
			origin: `http://127.0.0.1:${yjsPort}`,
			cookie: '',
			room: (clients) => `messung-${clients}`
		},
		{
			kind: 'raw-broadcast',
			server: rawBroadcast,
			url: `ws://127.0.0.1:${rawPort}`,
			origin: `http://127.0.0.1:${rawPort}`,
			cookie: '',
			room: (clients) => `messung-${clients}`
		}
	];
	return {
		targets,
		async stop() {
			await Promise.all(targets.map((target) => target.server.stop()));
			removeDataDir(app.dataDir);
		}
	};
}

export async function runFanout(
	options: FanoutOptions,
	progress: (line: string) => void
): Promise<BenchmarkResult[]> {
	const { targets, stop } = await startTargets(options.clientCounts);
	const results: BenchmarkResult[] = [];
	try {
		for (const clients of options.clientCounts) {
			const workers = Array.from({ length: workerCount(clients) }, () =>
				forkWorker('bench/fanout/client-worker.ts')
			);
			try {
				const workerPlans = plans(clients, Math.min(options.typists, clients), workers.length);
				// The warm-up round also warms the workers.
				const runs = await interleavedRounds(
					targets,
					(target) => target.kind,
					options.repetitions,
					async (target, repetition) => {
						const metrics = await runOnce(
							target,
							workers,
							workerPlans,
							clients,
							options,
							`${clients}-${repetition}-${target.kind}`
						);
						progress(
							`fanout N=${clients} ${target.kind} ${roundLabel(repetition)}: p99 ${round(metrics.p99Ms)} ms, Verluste ${metrics.losses}`
						);
						return metrics;
					}
				);
				const medians = Object.fromEntries(
					[...runs].map(([kind, list]) => [
						kind,
						Object.fromEntries(
							Object.entries(medianOfRuns(list)).map(([key, value]) => [key, round(value)])
						)
					])
				);
				const p99Ratio = ratio(medians.ours.p99Ms, medians['yjs-reference'].p99Ms);
				const lossesOurs = Math.max(...runs.get('ours')!.map((run) => run.losses));
				results.push({
					benchmark: 'fanout',
					name: `fanout N=${clients}`,
					parameters: {
						clients,
						typists: Math.min(options.typists, clients),
						editsPerSecond: options.editsPerSecond,
						durationMs: options.durationMs,
						workers: workers.length
					},
					repetitions: options.repetitions,
					medians,
					ratioOf: 'p99(ours) / p99(yjs-reference)',
					ratio: p99Ratio,
					target:
						clients >= 200
							? `Verhältnis ≤ ${fanoutRatioText}, Event-Loop p99 ≤ Referenz, 0 Verluste`
							: clients >= 50
								? `Verhältnis ≤ ${fanoutRatioText} und 0 Verluste`
								: '0 Verluste',
					targetMet:
						lossesOurs === 0 &&
						(clients < 50 || (p99Ratio !== null && p99Ratio <= fanoutRatioTarget)) &&
						(clients < 200 ||
							medians.ours.eventLoopDelayP99Ms <= medians['yjs-reference'].eventLoopDelayP99Ms),
					details: {
						p99VsRawBroadcast: ratio(medians.ours.p99Ms, medians['raw-broadcast'].p99Ms),
						maxLossesInAnyRepetition: Object.fromEntries(
							[...runs].map(([kind, list]) => [kind, Math.max(...list.map((run) => run.losses))])
						)
					}
				});
			} finally {
				await Promise.all(workers.map(stopWorker));
			}
		}
	} finally {
		await stop();
	}
	return results;
}
