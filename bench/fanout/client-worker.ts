// A worker process holding some of the fan-out benchmark's clients: y-websocket providers (for
// our server and the Yjs reference) or plain WebSockets (for the raw broadcast floor). Typists
// edit on their own random timers; every client records when each other client's edit arrived.
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { sharedClockMs } from '../lib/clock';
import {
	type ClientPlan,
	type ConnectCommand,
	type EditMark,
	type ExpectCommand,
	type GoCommand,
	type ParentCommand,
	type RunReport,
	type WorkerReport
} from './protocol';

interface BenchClient {
	plan: ClientPlan;
	/** Sends one edit carrying the mark. */
	edit(mark: EditMark): void;
	close(): void;
}

// y-websocket's provider adds a process exit listener per instance; dozens per worker are intended.
process.setMaxListeners(0);

let clients: BenchClient[] = [];
let runId = '';
let latencies: number[] = [];
const lastSeq = new Map<string, number>();
const received = new Map<string, number>();
let duplicates = 0;

function report(message: WorkerReport) {
	process.send!(message);
}

function receive(receiverId: number, mark: EditMark) {
	if (mark.r !== runId || mark.s === receiverId) return;
	latencies.push(sharedClockMs() - mark.t);
	const key = `${receiverId}:${mark.s}`;
	received.set(key, (received.get(key) ?? 0) + 1);
	const last = lastSeq.get(key) ?? 0;
	if (mark.q <= last) duplicates += 1;
	else lastSeq.set(key, mark.q);
}

function yjsClient(command: ConnectCommand, plan: ClientPlan): Promise<BenchClient> {
	const { origin, cookie } = command;
	class BrowserLikeWebSocket extends WebSocket {
		constructor(url: string, protocols?: string | string[]) {
			super(url, protocols, { origin, headers: cookie ? { cookie } : {} });
		}
	}
	const ydoc = new Y.Doc();
	const provider = new WebsocketProvider(command.url, plan.room ?? command.room, ydoc, {
		WebSocketPolyfill: BrowserLikeWebSocket as unknown as typeof globalThis.WebSocket,
		disableBc: true
	});
	const marks = ydoc.getArray<EditMark>('bench-marks');
	marks.observe((event) => {
		if (event.transaction.local) return;
		for (const change of event.changes.delta) {
			for (const mark of (change.insert as EditMark[] | undefined) ?? [])
				receive(plan.clientId, mark);
		}
	});
	const fragment = ydoc.getXmlFragment('default');
	let text: Y.XmlText | undefined;
	const user = { name: `Messung ${plan.clientId}`, color: '#0b5394' };

	return new Promise((resolve, reject) => {
		provider.on('connection-close', (event: CloseEvent | null) => {
			if (event && event.code >= 4400) reject(new Error(`Server schloss mit ${event.code}.`));
		});
		provider.once('sync', () => {
			// Everyone shows a caret, as an open editor does; typists move theirs with each edit.
			provider.awareness.setLocalState({ user, cursor: null });
			resolve({
				plan,
				edit(mark) {
					ydoc.transact(() => {
						if (!text) {
							const paragraph = new Y.XmlElement('paragraph');
							text = new Y.XmlText();
							paragraph.insert(0, [text]);
							fragment.push([paragraph]);
						}
						text.insert(text.length, 'a');
						marks.push([mark]);
					});
					const position = Y.createRelativePositionFromTypeIndex(text!, text!.length);
					provider.awareness.setLocalStateField('cursor', {
						anchor: Y.relativePositionToJSON(position),
						head: Y.relativePositionToJSON(position)
					});
				},
				close() {
					provider.destroy();
					ydoc.destroy();
				}
			});
		});
	});
}

function rawClient(command: ConnectCommand, plan: ClientPlan): Promise<BenchClient> {
	const socket = new WebSocket(`${command.url}/${plan.room ?? command.room}`);
	socket.on('message', (data) => receive(plan.clientId, JSON.parse(String(data)) as EditMark));
	return new Promise((resolve, reject) => {
		socket.once('error', reject);
		socket.once('open', () =>
			resolve({
				plan,
				edit: (mark) => socket.send(JSON.stringify(mark)),
				close: () => socket.close()
			})
		);
	});
}

async function connect(command: ConnectCommand) {
	const create = command.kind === 'raw-broadcast' ? rawClient : yjsClient;
	// One after another, as people open a document, rather than a thundering herd.
	for (const plan of command.clients) clients.push(await create(command, plan));
	report({ type: 'ready' });
}

/** Exponential gaps around the mean: every typist on its own clock, bursts and pauses included. */
function randomGapMs(editsPerSecond: number): number {
	return (-Math.log(1 - Math.random()) * 1000) / editsPerSecond;
}

async function run(command: GoCommand) {
	runId = command.runId;
	latencies = [];
	lastSeq.clear();
	received.clear();
	duplicates = 0;
	const sent: Record<number, number> = {};
	const endAt = performance.now() + command.durationMs;
	const typing = clients
		.filter((client) => client.plan.typist)
		.map(
			(client) =>
				new Promise<void>((resolve) => {
					sent[client.plan.clientId] = 0;
					const next = () => {
						if (performance.now() >= endAt) return resolve();
						const q = ++sent[client.plan.clientId];
						client.edit({ r: runId, s: client.plan.clientId, q, t: sharedClockMs() });
						setTimeout(next, randomGapMs(command.editsPerSecond));
					};
					setTimeout(next, randomGapMs(command.editsPerSecond));
				})
		);
	await Promise.all(typing);
	report({ type: 'typed', sent });
}

function missingEdits(sent: Record<number, number>, senderRooms?: Record<number, string>): number {
	let missing = 0;
	for (const client of clients) {
		for (const [sender, count] of Object.entries(sent)) {
			if (Number(sender) === client.plan.clientId) continue;
			if (senderRooms && senderRooms[Number(sender)] !== client.plan.room) continue;
			missing += Math.max(0, count - (received.get(`${client.plan.clientId}:${sender}`) ?? 0));
		}
	}
	return missing;
}

/** Waits until every client here has every edit, or the drain time is up: then it is a loss. */
async function settle(command: ExpectCommand) {
	const deadline = performance.now() + command.drainMs;
	while (missingEdits(command.sent, command.senderRooms) > 0 && performance.now() < deadline) {
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
	const result: RunReport = {
		type: 'result',
		latencies,
		received: Object.fromEntries(received),
		duplicates
	};
	report(result);
}

process.on('message', (command: ParentCommand) => {
	const work =
		command.type === 'connect'
			? connect(command)
			: command.type === 'go'
				? run(command)
				: command.type === 'expect'
					? settle(command)
					: Promise.resolve().then(() => {
							for (const client of clients) client.close();
							clients = [];
							report({ type: 'closed' });
						});
	work.catch((err: unknown) => report({ type: 'error', message: String(err) }));
});
