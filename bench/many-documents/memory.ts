// 7. Memory: what one more open document, and one more client on a document, costs the server.
// The server's memory is read after a full garbage collection at each step (e.g. 0, 50, 100
// open documents with one client each; 0, 100, 200 clients on one document), and the growth per
// step is the least-squares slope over the steps. Ours against the plain y-websocket server.
import { interleavedRounds, roundLabel } from '../lib/rounds';
import type { ChildProcess } from 'node:child_process';
import { forkWorker, stopWorker, type MemorySample } from '../lib/processes';
import type { BenchmarkResult } from '../lib/report';
import { linearFit, median, round } from '../lib/stats';
import {
	closeClients,
	connectClients,
	startDocumentServers,
	type DocumentServer,
	type PlannedClient
} from './servers';

export interface MemoryOptions {
	/** Open documents at each step, one client each; starts with 0. */
	documentSteps: number[];
	/** Clients on one document at each step; starts with 0. */
	clientSteps: number[];
	repetitions: number;
	workers: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Time for the server to notice closed sockets and unload their documents before a baseline. */
const settleMs = 1000;

interface Slopes {
	/** KB per step of the series, after garbage collection. */
	heapKb: number;
	externalKb: number;
	rssKb: number;
	/** Heap at the series' first step (nothing open), MB. */
	heapAtZeroMb: number;
}

/**
 * Walks one series: at each step connects the clients the step adds, then reads the server's
 * memory. `clientAt(n)` is the n-th client of the series (0-based).
 */
async function measureSeries(
	target: DocumentServer,
	workers: ChildProcess[],
	steps: number[],
	clientAt: (n: number) => PlannedClient
): Promise<Slopes> {
	await sleep(settleMs);
	const samples: { step: number; memory: MemorySample }[] = [];
	let connected = 0;
	for (const step of steps) {
		const added = Array.from({ length: step - connected }, (_, k) => clientAt(connected + k));
		if (added.length > 0) await connectClients(target, workers, added);
		connected = step;
		samples.push({ step, memory: await target.server.memoryProbe() });
	}
	await closeClients(workers);
	const slopeKb = (key: keyof MemorySample) =>
		linearFit(samples.map(({ step, memory }) => ({ x: step, y: memory[key] }))).slope * 1024;
	return {
		heapKb: slopeKb('heapUsedMb'),
		externalKb: slopeKb('externalMb'),
		rssKb: slopeKb('rssMb'),
		heapAtZeroMb: samples[0].memory.heapUsedMb
	};
}

export async function runMemory(
	options: MemoryOptions,
	progress: (line: string) => void
): Promise<BenchmarkResult> {
	const documents = Math.max(...options.documentSteps);
	const crowd = Math.max(...options.clientSteps);
	// One person opens every document; each of the crowd is another person.
	const { servers, stop } = await startDocumentServers(documents + 1, crowd);
	const workers = Array.from({ length: options.workers }, () =>
		forkWorker('bench/fanout/client-worker.ts')
	);
	try {
		let generation = 0;
		const runs = await interleavedRounds(
			servers,
			(target) => target.subject,
			options.repetitions,
			async (target, repetition): Promise<Record<string, number>> => {
				generation += 1;
				const perDocument = await measureSeries(target, workers, options.documentSteps, (n) => ({
					plan: { clientId: n, typist: false, room: target.room(n, generation) },
					person: 0
				}));
				// The crowd sits in the one document the first series did not use.
				const crowdRoom = target.room(documents, generation);
				const perClient = await measureSeries(target, workers, options.clientSteps, (n) => ({
					plan: { clientId: n, typist: false, room: crowdRoom },
					person: n
				}));
				const run = {
					heapPerDocumentKb: perDocument.heapKb,
					externalPerDocumentKb: perDocument.externalKb,
					rssPerDocumentKb: perDocument.rssKb,
					heapPerClientKb: perClient.heapKb,
					externalPerClientKb: perClient.externalKb,
					rssPerClientKb: perClient.rssKb,
					heapIdleMb: perDocument.heapAtZeroMb
				};
				progress(
					`Speicher ${target.subject} ${roundLabel(repetition)}: Heap je Dokument ${round(run.heapPerDocumentKb, 1)} KB, je Client ${round(run.heapPerClientKb, 1)} KB`
				);
				return run;
			}
		);
		const medians = Object.fromEntries(
			[...runs].map(([subject, list]) => {
				const keys = Object.keys(list[0]);
				return [
					subject,
					Object.fromEntries(
						keys.map((key) => [key, round(median(list.map((run) => run[key])), 1)])
					)
				];
			})
		);
		const ours = medians.ours;
		const reference = medians['yjs-reference'];
		return {
			benchmark: 'memory',
			name: 'server memory',
			parameters: {
				documentSteps: options.documentSteps.join(','),
				clientSteps: options.clientSteps.join(','),
				workers: options.workers
			},
			repetitions: options.repetitions,
			medians,
			ratioOf: 'Heap je offenes Dokument (unser) / (yjs-reference)',
			ratio:
				reference.heapPerDocumentKb > 0
					? round(ours.heapPerDocumentKb / reference.heapPerDocumentKb)
					: null,
			target: 'keine Vorgabe (#23): Zahlen für die Planung',
			targetMet: null,
			details: {
				heapPerClientRatio:
					reference.heapPerClientKb > 0
						? round(ours.heapPerClientKb / reference.heapPerClientKb)
						: null
			},
			notes: [
				'Gemessen nach voller Speicherbereinigung im Server; Steigung der Ausgleichsgeraden über die Stufen.',
				'Dokumente leer, je ein Client mit Cursor; RSS gibt selten Speicher zurück und streut stärker als der Heap.'
			]
		};
	} finally {
		await Promise.all(workers.map(stopWorker));
		await stop();
	}
}
