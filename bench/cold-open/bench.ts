// 2. Cold open: a freshly started server, a fresh client, a document with a long stored history;
// the time from opening the WebSocket to `synced`, before and after compaction.
import { interleavedRounds, roundLabel } from '../lib/rounds';
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { compactDocument, countUpdates } from '../../src/lib/server/collab/update-store';
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
import { median, ratio, round } from '../lib/stats';
import { finalText, writeHistory } from './history';

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

/** Connects as a fresh editor would and waits for `synced`; returns the time and the text. */
async function openDocument(url: string, documentId: string, cookie: string) {
	class BrowserLikeWebSocket extends WebSocket {
		constructor(address: string, protocols?: string | string[]) {
			super(address, protocols, { origin: url, headers: { cookie } });
		}
	}
	const ydoc = new Y.Doc();
	const started = performance.now();
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
			clearTimeout(timer);
			resolve();
		});
	});
	const syncMs = performance.now() - started;
	const text = finalText(ydoc);
	provider.destroy();
	ydoc.destroy();
	return { syncMs, text };
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
		const times = await interleavedRounds(
			histories,
			(history) => history,
			options.repetitions,
			async (history, repetition) => {
				// Every open starts from the stored state as written: the server compacts on close.
				const dataDir = copyDataDir(history.dataDir);
				const server = await startApp(dataDir);
				try {
					const opened = await openDocument(server.url, history.documentId, session.cookieHeader);
					if (opened.text !== expectedText.get(history.updates)) {
						throw new Error(`Kaltstart: Der geöffnete Text weicht ab (${history.updates}).`);
					}
					progress(
						`Kaltstart ${history.updates} ${history.compacted ? 'kompaktiert' : 'unkompaktiert'} ${roundLabel(repetition)}: ${round(opened.syncMs)} ms`
					);
					return opened.syncMs;
				} finally {
					await server.server.stop();
					removeDataDir(dataDir);
				}
			}
		);

		const medians: Record<string, Record<string, number>> = {};
		for (const history of histories) {
			medians[
				`${history.updates} Änderungen, ${history.compacted ? 'nach' : 'vor'} Kompaktierung`
			] = {
				syncMs: round(median(times.get(history)!)),
				storedRows: history.storedRows,
				storedKb: round(history.storedBytes / 1024)
			};
		}
		const compacted = histories.filter((history) => history.compacted);
		const shortest = compacted[0];
		const longest = compacted[compacted.length - 1];
		const longestMs = median(times.get(longest)!);
		const flatness = ratio(longestMs, median(times.get(shortest)!));
		const beforeVsAfterCompaction = Object.fromEntries(
			options.historyLengths.map((updates) => {
				const [before, after] = [false, true].map((compactedState) =>
					histories.find((h) => h.updates === updates && h.compacted === compactedState)!
				);
				return [String(updates), ratio(median(times.get(before)!), median(times.get(after)!))];
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
			details: { beforeVsAfterCompaction }
		};
	} finally {
		removeDataDir(template);
		for (const history of histories) removeDataDir(history.dataDir);
	}
}
