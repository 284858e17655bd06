// The servers the many-documents and memory benchmarks measure, side by side: our app with a set
// of documents and of people created for the run, and the plain y-websocket server as the
// reference. Clients are the fan-out benchmark's workers; each client names its own document.
import type { ChildProcess } from 'node:child_process';
import { eq } from 'drizzle-orm';
import { openAppDatabase, removeDataDir, startApp } from '../lib/app-server';
import { freePort, nextMessage, startMeasuredServer, type MeasuredServer } from '../lib/processes';
import { createSession, sessionCookieName } from '../../src/lib/server/auth/session';
import { createDocument } from '../../src/lib/server/documents/documents';
import { closeDatabase, transaction, type AppDatabase } from '../../src/lib/server/db/database';
import { membership, organisation, user } from '../../src/lib/server/db/schema';
import type { ClientPlan, ConnectCommand, ParentCommand } from '../fanout/protocol';

export type Subject = 'ours' | 'yjs-reference';

export interface DocumentServer {
	subject: Subject;
	server: MeasuredServer;
	/** What a worker needs to connect; the room comes with each client's plan. */
	connection: Omit<ConnectCommand, 'type' | 'room' | 'clients' | 'cookie'>;
	/** The Cookie header of each person (the reference asks for none). */
	cookie(person: number): string;
	/**
	 * The name of the index-th document on this server. The reference keeps a room in memory
	 * after its last client left (it has nothing to unload to), so each `generation` gets fresh
	 * rooms there; ours unloads an idle document and reuses it.
	 */
	room(index: number, generation?: number): string;
}

/**
 * People signed in, one session each. Distinct people, because y-websocket clients echo others'
 * presence, and when a lagging client drops a quiet one's presence it announces that as news:
 * the server lets a person speak so for their own other tabs (up to a few clients per
 * connection), so one account in a crowd of tabs would be closed for it, which no real room
 * does. Inserted directly: signing in a hundred people would measure the password hash.
 */
function createPeople(db: AppDatabase, count: number): string[] {
	const kreis = db.select().from(organisation).where(eq(organisation.kind, 'kreis')).get();
	if (!kreis) throw new Error('Die Organisationen sind noch nicht eingespielt.');
	return Array.from({ length: count }, (_, index) => {
		const id = crypto.randomUUID();
		transaction(db, (tx) => {
			tx.insert(user)
				.values({
					id,
					email: `messung-${index}@kreis-unna.test`,
					name: `Messung ${index}`,
					passwordHash: 'kein-passwort'
				})
				.run();
			tx.insert(membership)
				.values({ userId: id, organisationId: kreis.id, roles: ['admin'] })
				.run();
		});
		return `${sessionCookieName}=${createSession(db, id).token}`;
	});
}

/** Our app with `documentCount` empty documents and `people` signed-in people, and the y-websocket
 * reference. */
export async function startDocumentServers(
	documentCount: number,
	people: number
): Promise<{
	servers: DocumentServer[];
	stop(): Promise<void>;
}> {
	const app = await startApp();
	const db = openAppDatabase(app.dataDir);
	const cookies = createPeople(db, people);
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
				origin: app.url
			},
			cookie: (person) => cookies[person],
			room: (index) => documentIds[index]
		},
		{
			subject: 'yjs-reference',
			server: yjsReference,
			connection: {
				kind: 'yjs-reference',
				url: `ws://127.0.0.1:${yjsPort}`,
				origin: `http://127.0.0.1:${yjsPort}`
			},
			cookie: () => '',
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

/** A client to connect, and the person whose session it uses. */
export interface PlannedClient {
	plan: ClientPlan;
	person: number;
}

/**
 * Connects the clients, dealt round-robin over the workers so no worker holds all of one
 * document, and waits until all are synced. A worker's connect command carries one cookie, so
 * each worker gets one command per person, in turn.
 */
export async function connectClients(
	target: DocumentServer,
	workers: ChildProcess[],
	clients: readonly PlannedClient[]
): Promise<void> {
	await Promise.all(
		workers.map(async (worker, workerIndex) => {
			const byPerson = new Map<number, ClientPlan[]>();
			clients.forEach(({ plan, person }, index) => {
				if (index % workers.length !== workerIndex) return;
				const plans = byPerson.get(person) ?? [];
				plans.push(plan);
				byPerson.set(person, plans);
			});
			for (const [person, plans] of byPerson) {
				const ready = nextMessage(worker, 'ready', 300_000);
				send(worker, {
					type: 'connect',
					...target.connection,
					cookie: target.cookie(person),
					room: '',
					clients: plans
				});
				await ready;
			}
		})
	);
}

/** Closes every client of every worker. */
export async function closeClients(workers: ChildProcess[]): Promise<void> {
	const closed = workers.map((worker) => nextMessage(worker, 'closed'));
	for (const worker of workers) send(worker, { type: 'close' });
	await Promise.all(closed);
}
