// 2. Cold open: a freshly started server, a fresh client, a document with a long stored history;
// the time from opening the WebSocket to `synced`, before and after compaction, and where it goes
// (phases.ts). Beside it, what storing the state in Yjs's V2 encoding would change.
import { interleavedRounds, roundLabel } from '../lib/rounds';
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import {
	compactDocument,
	countUpdates,
	loadUpdates
} from '../../src/lib/server/collab/update-store';
import { closeDatabase } from '../../src/lib/server/db/database';
import { createDocument } from '../../src/lib/server/documents/documents';
import { signIn } from '../lib/app-client';
import {
	benchAdmin,
	freshDataDir,
	openAppDatabase,
	removeDataDir,
	startApp
} from '../lib/app-server';
import type { BenchmarkResult } from '../lib/report';
import { median, medianOfRuns, ratio, round } from '../lib/stats';
import { finalText, writeHistory } from './history';
import { phasesOf, serverTimings, type OpenMarks } from './phases';

export interface ColdOpenOptions {
	historyLengths: number[];
	finalLength: number;
	repetitions: number;
}

interface StoredHistory {
	updates: number;
	compacted: boolean;
	dataDir: string;
	documentId: string;
	storedRows: number;
	storedBytes: number;
}

function copyDataDir(from: string): string {
	const to = freshDataDir();
	mkdirSync(to, { recursive: true });
	// Closed with a checkpoint, so the database file holds everything.
	copyFileSync(path.join(from, 'app.db'), path.join(to, 'app.db'));
	return to;
}

function storedSize(dataDir: string, documentId: string) {
	const db = openAppDatabase(dataDir);
	try {
		const rows = countUpdates(db, documentId);
		const bytes = db.$client
			.prepare('select sum(length("update")) as bytes from document_update where document_id = ?')
			.get(documentId) as { bytes: number };
		return { storedRows: rows, storedBytes: bytes.bytes };
	} finally {
		closeDatabase(db);
	}
}

/** A sync step 2 message: the state a client asked for (message type 0, sync type 1). */
function isSyncStep2(data: Uint8Array): boolean {
	return data.length > 2 && data[0] === 0 && data[1] === 1;
}

/**
 * Connects as a fresh editor would and waits for `synced`; returns the time, the moments on the
 * way (marked before the provider handles each message) and the text.
 */
async function openDocument(
	url: string,
	documentId: string,
	cookie: string,
	/** Runs once synced, before the client closes (which makes the server compact). */
	whenSynced: () => Promise<void>
) {
	const marks: OpenMarks = {
		started: 0,
		opened: Number.NaN,
		greeted: Number.NaN,
		replied: Number.NaN,
		synced: Number.NaN,
		replyBytes: Number.NaN,
		applyCpuMs: Number.NaN
	};
	let cpuAtReply = process.cpuUsage();
	class BrowserLikeWebSocket extends WebSocket {
		constructor(address: string, protocols?: string | string[]) {
			super(address, protocols, { origin: url, headers: { cookie } });
			// Added before the provider's handlers, so these run first.
			this.once('open', () => (marks.opened = performance.now()));
			// The provider asks for ArrayBuffers.
			this.on('message', (data: ArrayBuffer | Buffer) => {
				const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : data;
				if (Number.isNaN(marks.greeted)) marks.greeted = performance.now();
				if (Number.isNaN(marks.replied) && isSyncStep2(bytes)) {
					marks.replied = performance.now();
					marks.replyBytes = bytes.length;
					cpuAtReply = process.cpuUsage();
				}
			});
		}
	}
	const ydoc = new Y.Doc();
	const started = performance.now();
	marks.started = started;
	const provider = new WebsocketProvider(
		`${url.replace(/^http/, 'ws')}/collab/document`,
		documentId,
		ydoc,
		{
			WebSocketPolyfill: BrowserLikeWebSocket as unknown as typeof globalThis.WebSocket,
			disableBc: true
		}
	);
	await new Promise<void>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error('Kein „synced“ binnen 60 s.')), 60_000);
		provider.once('sync', () => {
			marks.synced = performance.now();
			const cpu = process.cpuUsage(cpuAtReply);
			marks.applyCpuMs = (cpu.user + cpu.system) / 1000;
			clearTimeout(timer);
			resolve();
		});
	});
	const syncMs = performance.now() - started;
	await whenSynced();
	const text = finalText(ydoc);
	provider.destroy();
	ydoc.destroy();
	return { syncMs, text, marks };
}

/**
 * The compacted state in Yjs's V2 encoding, measured in this process: its size, the conversion
 * at compaction (V1 to V2) and at every send (V2 to V1, as y-websocket's sync messages carry V1),
 * and applying either in a fresh document. Medians over `repetitions` after one warm-up.
 */
function measureV2(state: Uint8Array, repetitions: number): Record<string, number> {
	const timed = (work: () => unknown) => {
		const started = performance.now();
		work();
		return performance.now() - started;
	};
	const v2 = Y.convertUpdateFormatV1ToV2(state);
	const runs: Record<string, number>[] = [];
	for (let repetition = 0; repetition <= repetitions; repetition++) {
		const run = {
			toV2Ms: timed(() => Y.convertUpdateFormatV1ToV2(state)),
			toV1Ms: timed(() => Y.convertUpdateFormatV2ToV1(v2)),
			applyV1Ms: timed(() => Y.applyUpdate(new Y.Doc(), state)),
			applyV2Ms: timed(() => Y.applyUpdateV2(new Y.Doc(), v2))
		};
		if (repetition > 0) runs.push(run);
	}
	const medians = medianOfRuns(runs);
	return {
		v1Kb: round(state.length / 1024),
		v2Kb: round(v2.length / 1024),
		...Object.fromEntries(Object.entries(medians).map(([key, value]) => [key, round(value)]))
	};
}

function subjectName(history: StoredHistory): string {
	return `${history.updates} Änderungen, ${history.compacted ? 'nach' : 'vor'} Kompaktierung`;
}

export async function runColdOpen(
	options: ColdOpenOptions,
	progress: (line: string) => void
): Promise<BenchmarkResult> {
	// A server of its own signs the admin in once; the session is stored in the database and so
	// travels with every copy of it.
	const template = freshDataDir();
	const app = await startApp(template);
	const session = await signIn(app.url, benchAdmin.email, benchAdmin.password);
	await app.server.stop();

	const histories: StoredHistory[] = [];
	const expectedText = new Map<number, string>();
	const v2ByHistory: Record<string, Record<string, number>> = {};
	try {
		for (const updates of options.historyLengths) {
			const dataDir = copyDataDir(template);
			const db = openAppDatabase(dataDir);
			const document = createDocument(db, {
				title: `Verlauf mit ${updates} Änderungen`,
				kind: 'sonstiges',
				createdBy: null
			});
			expectedText.set(updates, writeHistory(db, document.id, updates, options.finalLength));
			closeDatabase(db);
			histories.push({
				updates,
				compacted: false,
				dataDir,
				documentId: document.id,
				...storedSize(dataDir, document.id)
			});

			const compactedDir = copyDataDir(dataDir);
			const compactedDb = openAppDatabase(compactedDir);
			compactDocument(compactedDb, document.id);
			v2ByHistory[String(updates)] = measureV2(
				loadUpdates(compactedDb, document.id)[0],
				options.repetitions
			);
			closeDatabase(compactedDb);
			histories.push({
				updates,
				compacted: true,
				dataDir: compactedDir,
				documentId: document.id,
				...storedSize(compactedDir, document.id)
			});
			progress(`Kaltstart: Verlauf mit ${updates} Änderungen geschrieben`);
		}

		// The warm-up round warms the disk cache and the client.
		const runs = await interleavedRounds(
			histories,
			(history) => history,
			options.repetitions,
			async (history, repetition) => {
				// Every open starts from the stored state as written: the server compacts on close.
				const dataDir = copyDataDir(history.dataDir);
				const server = await startApp(dataDir);
				try {
					await server.server.resetProbe();
					let serverCpuMs = Number.NaN;
					const opened = await openDocument(
						server.url,
						history.documentId,
						session.cookieHeader,
						async () => {
							serverCpuMs = (await server.server.sampleProbe()).cpuMs;
						}
					);
					if (opened.text !== expectedText.get(history.updates)) {
						throw new Error(`Kaltstart: Der geöffnete Text weicht ab (${history.updates}).`);
					}
					const phases = phasesOf(opened.marks, {
						...serverTimings(server.server.output(), history.documentId),
						cpuMs: serverCpuMs
					});
					progress(
						`Kaltstart ${history.updates} ${history.compacted ? 'kompaktiert' : 'unkompaktiert'} ${roundLabel(repetition)}: ${round(opened.syncMs)} ms (${formatPhases(phases)})`
					);
					return { syncMs: opened.syncMs, phases };
				} finally {
					await server.server.stop();
					removeDataDir(dataDir);
				}
			}
		);

		const syncTimes = (history: StoredHistory) => runs.get(history)!.map((run) => run.syncMs);
		const medians: Record<string, Record<string, number>> = {};
		const breakdown: Record<string, Record<string, number>> = {};
		for (const history of histories) {
			medians[subjectName(history)] = {
				syncMs: round(median(syncTimes(history))),
				storedRows: history.storedRows,
				storedKb: round(history.storedBytes / 1024)
			};
			const phases = medianOfRuns(runs.get(history)!.map((run) => run.phases));
			breakdown[subjectName(history)] = Object.fromEntries(
				Object.entries(phases).map(([key, value]) => [key, round(value, 1)])
			);
			progress(`Kaltstart ${subjectName(history)}, Median: ${formatPhases(phases)}`);
		}
		for (const [updates, v2] of Object.entries(v2ByHistory)) {
			progress(`Kaltstart ${updates} Änderungen, Stand in V2: ${formatPhases(v2)}`);
		}
		const compacted = histories.filter((history) => history.compacted);
		const shortest = compacted[0];
		const longest = compacted[compacted.length - 1];
		const longestMs = median(syncTimes(longest));
		const flatness = ratio(longestMs, median(syncTimes(shortest)));
		const beforeVsAfterCompaction = Object.fromEntries(
			options.historyLengths.map((updates) => {
				const [before, after] = [false, true].map((compactedState) =>
					histories.find((h) => h.updates === updates && h.compacted === compactedState)!
				);
				return [String(updates), ratio(median(syncTimes(before)), median(syncTimes(after)))];
			})
		);
		return {
			benchmark: 'cold-open',
			name: 'cold open',
			parameters: {
				historyLengths: options.historyLengths.join(','),
				finalLength: options.finalLength
			},
			repetitions: options.repetitions,
			medians,
			ratioOf: `sync(${longest.updates}) / sync(${shortest.updates}), nach Kompaktierung`,
			ratio: flatness,
			target: '< 100 ms nach Kompaktierung, Verhältnis ≤ 1,5, vor / nach Kompaktierung ≤ 2',
			targetMet:
				flatness !== null &&
				flatness <= 1.5 &&
				longestMs < 100 &&
				Object.values(beforeVsAfterCompaction).every((value) => value !== null && value <= 2),
			details: { beforeVsAfterCompaction, breakdown, v2: v2ByHistory }
		};
	} finally {
		removeDataDir(template);
		for (const history of histories) removeDataDir(history.dataDir);
	}
}

function formatPhases(phases: Record<string, number>): string {
	return Object.entries(phases)
		.map(([key, value]) => `${key} ${round(value, 1)}`)
		.join(', ');
}
