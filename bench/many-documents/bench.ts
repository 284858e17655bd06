// 6. Many documents: D documents open at once with C clients each (a busy morning in the
// Kreishaus, rather than one document with a crowd), a few typists per document; every edit's
// latency to the other clients of its document, the server's peak memory and event loop. Ours
// against the plain y-websocket server, in turns, same machine.
import { interleavedRounds, roundLabel } from '../lib/rounds';
import type { ChildProcess } from 'node:child_process';
import { forkWorker, nextMessage, stopWorker, type ServerSample } from '../lib/processes';
import type { BenchmarkResult } from '../lib/report';
import { medianOfRuns, ratio, round, summarizeLatencies } from '../lib/stats';
import type { RunReport } from '../fanout/protocol';
import { typeInEveryWorker } from '../fanout/typing';
import { countRoomLosses } from './losses';
import {
	closeClients,
	connectClients,
	startDocumentServers,
	type DocumentServer,
	type PlannedClient
} from './servers';

export interface ManyDocumentsOptions {
	documents: number;
	clientsPerDocument: number;
	typistsPerDocument: number;
	editsPerSecond: number;
	durationMs: number;
	/** Longest wait for edits still on their way after typing stopped; later ones are losses. */
	drainMs: number;
	repetitions: number;
	workers: number;
}

type RunMetrics = Record<string, number> & ServerSample;

/**
 * Every client with its document's room; the first few of each document type. The k-th client
 * of every document is the k-th person: everyone has each document open once.
 */
function clientsFor(target: DocumentServer, options: ManyDocumentsOptions): PlannedClient[] {
	return Array.from({ length: options.documents * options.clientsPerDocument }, (_, clientId) => {
		const documentIndex = Math.floor(clientId / options.clientsPerDocument);
		const person = clientId % options.clientsPerDocument;
		return {
			plan: {
				clientId,
				typist: person < options.typistsPerDocument,
				room: target.room(documentIndex)
			},
			person
		};
	});
}

async function runOnce(
	target: DocumentServer,
	workers: ChildProcess[],
	options: ManyDocumentsOptions,
	runId: string
): Promise<RunMetrics> {
	const clients = clientsFor(target, options);
	const plans = clients.map((client) => client.plan);
	await connectClients(target, workers, clients);
	await target.server.resetProbe();
	const sent = await typeInEveryWorker(workers, {
		runId,
		editsPerSecond: options.editsPerSecond,
		durationMs: options.durationMs
	});
	const senderRooms = Object.fromEntries(
		Object.keys(sent).map((sender) => [sender, plans[Number(sender)].room!])
	);
	const results = workers.map((worker) => nextMessage<RunReport>(worker, 'result'));
	for (const worker of workers) {
		worker.send({ type: 'expect', sent, senderRooms, drainMs: options.drainMs });
	}
	const reports = await Promise.all(results);
	const sample = await target.server.sampleProbe();
	await closeClients(workers);
	const received: Record<string, number> = Object.assign({}, ...reports.map((r) => r.received));
	const latency = summarizeLatencies(reports.flatMap((report) => report.latencies));
	return {
		p50Ms: latency.p50,
		p95Ms: latency.p95,
		p99Ms: latency.p99,
		maxMs: latency.max,
		deliveries: latency.count,
		losses: countRoomLosses(sent, received, plans),
		duplicates: reports.reduce((sum, report) => sum + report.duplicates, 0),
		...sample
	};
}

export async function runManyDocuments(
	options: ManyDocumentsOptions,
	progress: (line: string) => void
): Promise<BenchmarkResult> {
	const { servers, stop } = await startDocumentServers(
		options.documents,
		options.clientsPerDocument
	);
	const workers = Array.from({ length: options.workers }, () =>
		forkWorker('bench/fanout/client-worker.ts')
	);
	const label = `${options.documents}×${options.clientsPerDocument}`;
	try {
		const runs = await interleavedRounds(
			servers,
			(target) => target.subject,
			options.repetitions,
			async (target, repetition) => {
				const metrics = await runOnce(
					target,
					workers,
					options,
					`${label}-${repetition}-${target.subject}`
				);
				progress(
					`Viele Dokumente ${label} ${target.subject} ${roundLabel(repetition)}: p99 ${round(metrics.p99Ms)} ms, RSS ${round(metrics.rssMb)} MB, Verluste ${metrics.losses}`
				);
				return metrics;
			}
		);
		const medians = Object.fromEntries(
			[...runs].map(([subject, list]) => [
				subject,
				Object.fromEntries(
					Object.entries(medianOfRuns(list)).map(([key, value]) => [key, round(value)])
				)
			])
		);
		const lossesOurs = Math.max(...runs.get('ours')!.map((run) => run.losses));
		return {
			benchmark: 'many-documents',
			name: `many documents ${label}`,
			parameters: {
				documents: options.documents,
				clientsPerDocument: options.clientsPerDocument,
				typistsPerDocument: options.typistsPerDocument,
				editsPerSecond: options.editsPerSecond,
				durationMs: options.durationMs,
				workers: options.workers
			},
			repetitions: options.repetitions,
			medians,
			ratioOf: 'p99(ours) / p99(yjs-reference)',
			ratio: ratio(medians.ours.p99Ms, medians['yjs-reference'].p99Ms),
			target: 'keine Vorgabe (#23): Zahlen für die Planung; 0 Verluste',
			targetMet: lossesOurs === 0 ? null : false,
			details: {
				maxLossesInAnyRepetition: Object.fromEntries(
					[...runs].map(([subject, list]) => [subject, Math.max(...list.map((run) => run.losses))])
				)
			},
			notes: [
				'Latenz: vom Senden bis zum Empfang bei jedem anderen Client desselben Dokuments.',
				'RSS: Spitze des Servers während des Tippens (alle Clients verbunden).'
			]
		};
	} finally {
		await Promise.all(workers.map(stopWorker));
		await stop();
	}
}
