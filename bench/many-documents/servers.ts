// The servers the many-documents and memory benchmarks measure, side by side: our app with a set
// of documents created for the run, and the plain y-websocket server as the reference. Clients
// are the fan-out benchmark's workers; each client names its own document.
import type { ChildProcess } from 'node:child_process';
import { signIn } from '../lib/app-client';
import { benchAdmin, openAppDatabase, removeDataDir, startApp } from '../lib/app-server';
import { freePort, nextMessage, startMeasuredServer, type MeasuredServer } from '../lib/processes';
import { createDocument } from '../../src/lib/server/documents/documents';
import { closeDatabase } from '../../src/lib/server/db/database';
import type { ClientPlan, ConnectCommand, ParentCommand } from '../fanout/protocol';

export type Subject = 'ours' | 'yjs-reference';

export interface DocumentServer {
	subject: Subject;
	server: MeasuredServer;
	/** What a worker needs to connect; the room comes with each client's plan. */
	connection: Omit<ConnectCommand, 'type' | 'room' | 'clients'>;
	/**
	 * The name of the index-th document on this server. The reference keeps a room in memory
	 * after its last client left (it has nothing to unload to), so each `generation` gets fresh
	 * rooms there; ours unloads an idle document and reuses it.
	 */
	room(index: number, generation?: number): string;
}

/** Our app with `documentCount` empty documents, and the y-websocket reference. */
export async function startDocumentServers(documentCount: number): Promise<{
	servers: DocumentServer[];
	stop(): Promise<void>;
}> {
	const app = await startApp();
	const session = await signIn(app.url, benchAdmin.email, benchAdmin.password);
	const db = openAppDatabase(app.dataDir);
	const documentIds = Array.from(
		{ length: documentCount },
		(_, index) =>
			createDocument(db, { title: `Messdokument ${index + 1}`, kind: 'sonstiges', createdBy: null })
				.id
	);
	closeDatabase(db);

	const yjsPort = await freePort();
	const yjsReference = await startMeasuredServer({
		script: 'node_modules/@y/websocket-server/src/server.js',
		port: yjsPort
	});
	const servers: DocumentServer[] = [
		{
			subject: 'ours',
			server: app.server,
			connection: {
				kind: 'ours',
				url: `ws://127.0.0.1:${app.port}/collab/document`,
				origin: app.url,
				cookie: session.cookieHeader
			},
			room: (index) => documentIds[index]
		},
		{
			subject: 'yjs-reference',
			server: yjsReference,
			connection: {
				kind: 'yjs-reference',
				url: `ws://127.0.0.1:${yjsPort}`,
				origin: `http://127.0.0.1:${yjsPort}`,
				cookie: ''
			},
			room: (index, generation = 0) => `messdokument-${generation}-${index}`
		}
	];
	return {
		servers,
		async stop() {
			await Promise.all(servers.map((target) => target.server.stop()));
			removeDataDir(app.dataDir);
		}
	};
}

function send(worker: ChildProcess, command: ParentCommand) {
	worker.send(command);
}

/** Connects each worker's clients (plans carry their rooms) and waits until all are synced. */
export async function connectClients(
	target: DocumentServer,
	workers: ChildProcess[],
	plansByWorker: ClientPlan[][]
): Promise<void> {
	const ready = workers.map((worker) => nextMessage(worker, 'ready', 300_000));
	workers.forEach((worker, index) =>
		send(worker, {
			type: 'connect',
			...target.connection,
			room: '',
			clients: plansByWorker[index]
		})
	);
	await Promise.all(ready);
}

/** Closes every client of every worker. */
export async function closeClients(workers: ChildProcess[]): Promise<void> {
	const closed = workers.map((worker) => nextMessage(worker, 'closed'));
	for (const worker of workers) send(worker, { type: 'close' });
	await Promise.all(closed);
}

/** Clients dealt round-robin over the workers, so no worker holds all of one document. */
export function dealClients(plans: ClientPlan[], workers: number): ClientPlan[][] {
	const byWorker: ClientPlan[][] = Array.from({ length: workers }, () => []);
	plans.forEach((plan, index) => byWorker[index % workers].push(plan));
	return byWorker;
}
