// Hostile input on the sockets: random, truncated, oversized and well-formed-but-hostile
// messages, floods and clients that stop reading. The server stays up, other clients keep
// working, and documents and boards change only as their rules allow.
import WebSocket from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { queryDatabase } from './support/database';
import { createDocument } from './support/documents';
import { expect, openPage, pageAs, test } from './support/fixtures';
import { boardIdsOf, cookieHeader, joinAsParticipant } from './support/participants';
import { connectDocument, sessionCookie } from './support/yjs-client';

function wsUrl(httpUrl: string, path: string) {
	return httpUrl.replace(/^http/, 'ws') + path;
}

/** A small seeded generator, so that a failing run can be repeated exactly. */
function random(seed: number) {
	let state = seed >>> 0;
	const next = () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	return {
		next,
		int: (below: number) => Math.floor(next() * below),
		bytes(length: number) {
			return Uint8Array.from({ length }, () => Math.floor(next() * 256));
		}
	};
}

function syncUpdateMessage(update: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, 0);
	syncProtocol.writeUpdate(encoder, update);
	return encoding.toUint8Array(encoder);
}

function awarenessMessage(update: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, 1);
	encoding.writeVarUint8Array(encoder, update);
	return encoding.toUint8Array(encoder);
}

/** A presence update for `clientId` as a raw awareness message (state null: "gone"). */
function presenceMessage(clientId: number, clock: number, state: unknown): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, 1);
	encoding.writeVarUint(encoder, clientId);
	encoding.writeVarUint(encoder, clock);
	encoding.writeVarString(encoder, JSON.stringify(state));
	return awarenessMessage(encoding.toUint8Array(encoder));
}

/** Realistic messages to corrupt: an edit, a sync request and a presence update. */
function wellFormedMessages(): Uint8Array[] {
	const doc = new Y.Doc();
	const paragraph = new Y.XmlElement('paragraph');
	paragraph.insert(0, [new Y.XmlText('Ein ganz normaler Absatz mit etwas Text.')]);
	doc.getXmlFragment('default').push([paragraph]);
	const step1 = encoding.createEncoder();
	encoding.writeVarUint(step1, 0);
	syncProtocol.writeSyncStep1(step1, doc);
	const awareness = new awarenessProtocol.Awareness(doc);
	awareness.setLocalState({ user: { name: 'Fuzz', color: '#000000' } });
	return [
		syncUpdateMessage(Y.encodeStateAsUpdate(doc)),
		encoding.toUint8Array(step1),
		awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]))
	];
}

/** A sync request whose answer shows that the server has handled everything sent before it. */
function syncProbe(): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, 0);
	syncProtocol.writeSyncStep1(encoder, new Y.Doc());
	return encoding.toUint8Array(encoder);
}

/**
 * Opens a raw socket and sends the messages. Resolves with the close code, or with 'open' once
 * the server answered: with `probe`, a sync request sent last (the server handles one
 * connection's messages in order); with `answers`, that many command answers; otherwise when
 * the connection is still open after `waitMs`.
 */
async function sendRaw(
	url: string,
	origin: string,
	cookie: string,
	messages: (Uint8Array | string)[],
	{ waitMs = 300, probe = false, answers = 0 } = {}
): Promise<number | 'open'> {
	const socket = new WebSocket(url, { origin, headers: { cookie } });
	socket.on('error', () => {});
	await new Promise((resolve, reject) => {
		socket.once('open', resolve);
		socket.once('unexpected-response', (_req, res) =>
			reject(new Error(`Handshake ${res.statusCode}`))
		);
	});
	const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
	const answered = new Promise<'open'>((resolve) => {
		if (!probe && answers === 0) setTimeout(() => resolve('open'), waitMs);
		let commandAnswers = 0;
		socket.on('message', (data: Buffer, isBinary: boolean) => {
			if (probe && data[0] === 0 && data[1] === 1) resolve('open');
			if (
				!isBinary &&
				/"type":"(done|refused)"/.test(String(data)) &&
				++commandAnswers === answers
			) {
				resolve('open');
			}
		});
	});
	for (const message of [...messages, ...(probe ? [syncProbe()] : [])]) {
		if (socket.readyState === socket.OPEN) socket.send(message);
	}
	const result = await Promise.race([closed, answered]);
	socket.terminate();
	return result;
}

function stateOf(client: { ydoc: Y.Doc }) {
	return client.ydoc.getXmlFragment('default').toJSON();
}

test('every line about a connection carries its id, from opening to closing', async ({
	actors,
	server
}) => {
	const { id } = await createDocument(server, actors.editor, 'Verbindungsprotokoll');
	const url = wsUrl(server.url, `/collab/document/${id}`);
	const cookie = await sessionCookie(actors.editor.request);
	expect(await sendRaw(url, server.url, cookie, [Uint8Array.from([0, 9, 9])])).toBe(1007);
	type Line = { event: string; connection?: string; document?: string; code?: number };
	const lines = () =>
		server
			.output()
			.split('\n')
			// A line still being written is left for the next look.
			.filter((line) => line.startsWith('{') && line.endsWith('}'))
			.map((line) => JSON.parse(line) as Line);
	// The server's log holds every earlier test's connections too: this one is found by its
	// document, and its close may be logged a moment after the socket here saw it.
	const bad = () =>
		lines().findLast((line) => line.event === 'collab.bad_message' && line.document === id);
	await expect.poll(() => bad()?.connection).toMatch(/^[A-Za-z0-9_-]{12}$/);
	const ofConnection = () => lines().filter((line) => line.connection === bad()!.connection);
	await expect
		.poll(() => ofConnection().map((line) => line.event))
		.toEqual([
			'realtime.opened',
			'collab.document_loaded',
			'collab.bad_message',
			'realtime.closed'
		]);
	expect(ofConnection().at(-1)?.code).toBe(1007);
});

test('random, truncated and corrupted frames end only their own connection', async ({
	actors,
	server,
	request
}) => {
	test.setTimeout(120_000);
	const { id } = await createDocument(server, actors.editor, 'Fuzzprobe');
	const cookie = await sessionCookie(actors.editor.request);
	const url = wsUrl(server.url, `/collab/document/${id}`);
	const bystander = connectDocument(server.url, id, cookie);
	await bystander.synced;
	bystander.addParagraph('Vorher geschrieben');

	const rng = random(20261130);
	const samples = wellFormedMessages();
	const outcomes = new Map<string, number>();
	for (let round = 0; round < 120; round++) {
		const kind = round % 4;
		let message: Uint8Array;
		if (kind === 0) {
			message = rng.bytes(1 + rng.int(600));
		} else {
			const sample = samples[rng.int(samples.length)];
			if (kind === 1) {
				message = sample.slice(0, 1 + rng.int(sample.length - 1));
			} else if (kind === 2) {
				message = sample.slice();
				for (let flips = 1 + rng.int(4); flips > 0; flips--) {
					message[rng.int(message.length)] ^= 1 << rng.int(8);
				}
			} else {
				// A plausible type byte followed by noise.
				message = Uint8Array.from([rng.int(2), ...rng.bytes(rng.int(200))]);
			}
		}
		const outcome = await sendRaw(url, server.url, cookie, [message], { waitMs: 150 });
		outcomes.set(String(outcome), (outcomes.get(String(outcome)) ?? 0) + 1);
	}
	// Most of this is refused by closing (1007); none of it may take the server down.
	expect(outcomes.get('1007') ?? 0).toBeGreaterThan(30);
	expect([...outcomes.keys()].every((k) => ['1007', 'open', '1003', '1006'].includes(k))).toBe(
		true
	);
	// Twice the largest allowed message.
	expect(await sendRaw(url, server.url, cookie, [new Uint8Array(2 << 20)], { waitMs: 5000 })).toBe(
		1009
	);
	expect((await request.get('/healthz')).status()).toBe(200);

	// The bystander's connection survived and still works both ways; every client agrees.
	bystander.addParagraph('Nachher geschrieben');
	const witness = connectDocument(server.url, id, cookie);
	await witness.synced;
	await expect.poll(() => witness.text(), { timeout: 10_000 }).toContain('Nachher geschrieben');
	expect(witness.text()).toContain('Vorher geschrieben');
	await expect
		.poll(() => JSON.stringify(stateOf(witness)) === JSON.stringify(stateOf(bystander)), {
			timeout: 10_000
		})
		.toBe(true);
	bystander.destroy();
	witness.destroy();
});

test('nobody moves or removes another person’s caret, and huge presence is refused', async ({
	actors,
	server
}) => {
	const { id } = await createDocument(server, actors.editor, 'Präsenzprobe');
	const url = wsUrl(server.url, `/collab/document/${id}`);
	const owner = connectDocument(server.url, id, await sessionCookie(actors.editor.request));
	owner.provider.awareness.setLocalStateField('user', { name: 'Emil Redaktion', color: '#1d4ed8' });
	await owner.synced;
	const watcher = connectDocument(server.url, id, await sessionCookie(actors.admin.request));
	await watcher.synced;
	const ownerId = owner.ydoc.clientID;
	await expect
		.poll(() => watcher.provider.awareness.getStates().has(ownerId), { timeout: 10_000 })
		.toBe(true);

	// A viewer claims the editor's presence: first to change it, then to remove it.
	const viewerCookie = await sessionCookie(actors.viewer.request);
	const spoof = await sendRaw(
		url,
		server.url,
		viewerCookie,
		[
			presenceMessage(ownerId, 1000, { user: { name: 'Falscher Name', color: '#000000' } }),
			presenceMessage(ownerId, 1001, null)
		],
		{ probe: true }
	);
	expect(spoof).toBe('open');
	// One's own presence of any reasonable size is fine; a huge one is not.
	const huge = { user: { name: 'x'.repeat(100_000), color: '#000000' } };
	expect(await sendRaw(url, server.url, viewerCookie, [presenceMessage(4242, 1, huge)])).toBe(4400);

	// The owner's own renewal is relayed after what the server did with the viewer's claims.
	owner.provider.awareness.setLocalStateField('note', 'noch da');
	await expect
		.poll(
			() =>
				(watcher.provider.awareness.getStates().get(ownerId) as { note?: string } | undefined)
					?.note === 'noch da',
			{ timeout: 10_000 }
		)
		.toBe(true);
	const seen = watcher.provider.awareness.getStates().get(ownerId) as
		{ user?: { name?: string } } | undefined;
	expect(seen?.user?.name).toBe('Emil Redaktion');
	expect(watcher.provider.awareness.getStates().has(4242)).toBe(false);
	owner.destroy();
	watcher.destroy();
});

/** Opens a raw socket and resolves once the server has greeted it, with what it greeted with. */
async function openRaw(url: string, origin: string, cookie: string) {
	const socket = new WebSocket(url, { origin, headers: { cookie } });
	socket.on('error', () => {});
	const received: Buffer[] = [];
	socket.on('message', (data: Buffer) => received.push(data));
	const closed = new Promise<{ code: number; reason: string }>((resolve) =>
		socket.once('close', (code, reason) => resolve({ code, reason: String(reason) }))
	);
	await new Promise((resolve) => socket.once('open', resolve));
	return { socket, received, closed };
}

/** The first presence message a socket received: what every newcomer gets at once. */
function presenceGreeting(received: Buffer[]): Buffer | undefined {
	return received.find((message) => message[0] === 1);
}

test('a presence flood from many sockets leaves newcomers a bounded greeting', async ({
	actors,
	server
}) => {
	test.setTimeout(60_000);
	const { id } = await createDocument(server, actors.editor, 'Präsenzflut');
	const url = wsUrl(server.url, `/collab/document/${id}`);
	const owner = connectDocument(server.url, id, await sessionCookie(actors.editor.request));
	owner.provider.awareness.setLocalStateField('user', { name: 'Emil Redaktion', color: '#1d4ed8' });
	await owner.synced;

	// Presence of almost 4 KB, each for a client nobody has announced yet.
	let clientId = 1_000_000;
	const flood = () =>
		presenceMessage(clientId++, 1, {
			user: { name: 'Flut', color: '#000000' },
			padding: 'x'.repeat(3800)
		});
	// A connection that speaks for ever new clients is ended, with a reason.
	const greedy = await sendRaw(
		url,
		server.url,
		await sessionCookie(actors.editor.request),
		Array.from({ length: 60 }, flood),
		{ probe: true }
	);
	expect(greedy).toBe(4429);

	// Three readers, each on 8 sockets, each socket speaking for 4 clients: all within the limits
	// of one connection, 375 KB together.
	const sockets = [];
	for (const reader of [actors.viewer, actors.signatory, actors.manager]) {
		const cookie = await sessionCookie(reader.request);
		for (let i = 0; i < 8; i++) {
			const socket = await openRaw(url, server.url, cookie);
			for (let j = 0; j < 4; j++) socket.socket.send(flood());
			sockets.push(socket);
		}
	}
	for (const { socket, received } of sockets) {
		const answered = received.length;
		socket.send(syncProbe());
		await expect.poll(() => received.length > answered, { timeout: 10_000 }).toBe(true);
	}

	// What every newcomer receives at once is held to 256 KB, real carets with names in it.
	const newcomer = await openRaw(url, server.url, await sessionCookie(actors.admin.request));
	await expect
		.poll(() => presenceGreeting(newcomer.received) !== undefined, { timeout: 10_000 })
		.toBe(true);
	const greeting = presenceGreeting(newcomer.received)!;
	expect(greeting.length).toBeGreaterThan(200 * 1024);
	expect(greeting.length).toBeLessThan(260 * 1024);
	expect(greeting.toString('utf8')).toContain('Emil Redaktion');
	newcomer.socket.close();
	// Once the flood's connections are gone, so is their presence; real carets come and go.
	for (const { socket } of sockets) socket.close();
	await expect
		.poll(
			() =>
				[...owner.provider.awareness.getStates().values()].every(
					(state) => (state as { user?: { name?: string } }).user?.name !== 'Flut'
				),
			{ timeout: 10_000 }
		)
		.toBe(true);
	const watcher = connectDocument(server.url, id, await sessionCookie(actors.admin.request));
	await watcher.synced;
	owner.provider.awareness.setLocalStateField('note', 'noch da');
	await expect
		.poll(
			() =>
				(watcher.provider.awareness.getStates().get(owner.ydoc.clientID) as { note?: string })
					?.note === 'noch da',
			{ timeout: 10_000 }
		)
		.toBe(true);
	owner.destroy();
	watcher.destroy();
});

test('one person opens a document in eight connections, not in nine', async ({
	actors,
	server,
	browser
}) => {
	test.setTimeout(60_000);
	const { id, slug } = await createDocument(server, actors.editor, 'Viele Fenster');
	const url = wsUrl(server.url, `/collab/document/${id}`);
	const cookie = await sessionCookie(actors.editor.request);
	const tabs = [];
	for (let i = 0; i < 8; i++) tabs.push(await openRaw(url, server.url, cookie));
	const ninth = await openRaw(url, server.url, cookie);
	expect(await ninth.closed).toEqual({
		code: 1008,
		reason:
			'Zu viele offene Verbindungen von Ihnen zu dieser Seite. Bitte schließen Sie andere Fenster.'
	});
	// The eight work; another person is not counted against them.
	for (const tab of tabs) {
		const answered = tab.received.length;
		tab.socket.send(syncProbe());
		await expect.poll(() => tab.received.length > answered, { timeout: 10_000 }).toBe(true);
	}
	const other = connectDocument(server.url, id, await sessionCookie(actors.admin.request));
	await other.synced;

	// The page in a ninth window says why it is not connected, in its connection state.
	const { page, close } = await pageAs(browser, actors.editor, server.url);
	await openPage(page, `/dokumente/${slug}`);
	await expect(page.getByRole('status').filter({ hasText: 'Nicht verbunden:' })).toContainText(
		'Zu viele offene Verbindungen von Ihnen zu dieser Seite'
	);
	// Once a window closes, the page gets in by itself.
	tabs.pop()!.socket.close();
	await expect(page.getByText('Verbunden – alle Änderungen gespeichert')).toBeVisible({
		timeout: 15_000
	});
	await close();
	for (const tab of tabs) tab.socket.close();
	other.destroy();
});

test('a flood is disconnected, and others keep working', async ({ actors, server }) => {
	const { id } = await createDocument(server, actors.editor, 'Flutprobe');
	const cookie = await sessionCookie(actors.editor.request);
	const bystander = connectDocument(server.url, id, cookie);
	await bystander.synced;
	const sync = wellFormedMessages()[1];
	const flood = Array.from({ length: 2000 }, () => sync);
	// The close answers as soon as it comes; the long wait only serves a busy machine.
	expect(
		await sendRaw(wsUrl(server.url, `/collab/document/${id}`), server.url, cookie, flood, {
			waitMs: 10_000
		})
	).toBe(1008);
	bystander.addParagraph('Trotz Flut gespeichert');
	const witness = connectDocument(server.url, id, cookie);
	await witness.synced;
	await expect.poll(() => witness.text(), { timeout: 10_000 }).toContain('Trotz Flut gespeichert');
	bystander.destroy();
	witness.destroy();
});

test('a client that stops reading is cut off instead of buffered for', async ({
	actors,
	server
}) => {
	test.setTimeout(90_000);
	const { id } = await createDocument(server, actors.editor, 'Langsamprobe');
	const cookie = await sessionCookie(actors.editor.request);
	const stalled = new WebSocket(wsUrl(server.url, `/collab/document/${id}`), {
		origin: server.url,
		headers: { cookie }
	});
	stalled.on('error', () => {});
	await new Promise((resolve) => stalled.once('open', resolve));
	const closed = new Promise<number>((resolve) => stalled.once('close', (code) => resolve(code)));
	// Stop reading: the server's data piles up in the kernel's buffers, then in the server.
	(stalled as unknown as { _socket: { pause(): void } })._socket.pause();

	const writer = connectDocument(server.url, id, cookie);
	await writer.synced;
	const blocksBefore = writer.ydoc.getXmlFragment('default').length;
	const paragraphs = 60;
	for (let i = 0; i < paragraphs; i++) {
		writer.addParagraph(`${i}: ${'Lorem ipsum dolor sit amet. '.repeat(18_000)}`);
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
	// Everything the writer sent is stored and reaches a reading client.
	const witness = connectDocument(server.url, id, cookie);
	await witness.synced;
	await expect
		.poll(() => witness.ydoc.getXmlFragment('default').length === blocksBefore + paragraphs, {
			timeout: 30_000
		})
		.toBe(true);

	(stalled as unknown as { _socket: { resume(): void } })._socket.resume();
	// Cut off by the server: no closing handshake, so the code is "abnormal".
	expect(await closed).toBe(1006);
	writer.destroy();
	witness.destroy();
});

test('random commands on a board change nothing another board holds', async ({
	baseURL,
	server
}) => {
	const [ownBoard, otherBoard] = boardIdsOf(server.dataDir, 'zukunftskonferenz');
	const neighbour = await joinAsParticipant(baseURL!, server.dataDir, 'zukunftskonferenz', {
		group: 1
	});
	const intruder = await joinAsParticipant(baseURL!, server.dataDir, 'zukunftskonferenz', {
		group: 0
	});
	const [column] = queryDatabase<{ id: string }>(
		server.dataDir,
		'select id from board_column where board_id = ? order by sort_order',
		otherBoard
	);
	await sendRaw(
		wsUrl(baseURL!, `/collab/board/${otherBoard}`),
		baseURL!,
		await cookieHeader(neighbour),
		[JSON.stringify({ ref: 1, command: { type: 'addCard', columnId: column.id, text: 'Meine' } })],
		{ answers: 1 }
	);
	const snapshot = () => ({
		cards: queryDatabase(
			server.dataDir,
			'select id, column_id, text, sort_order from card where board_id = ? order by id',
			otherBoard
		),
		columns: queryDatabase(
			server.dataDir,
			'select id, title, sort_order from board_column where board_id = ? order by id',
			otherBoard
		),
		votes: queryDatabase(
			server.dataDir,
			'select count(*) as n from vote where board_id = ?',
			otherBoard
		)
	});
	const before = snapshot();
	// The worker's server is shared: other files may have put cards on this board before.
	const foreignCard = (before.cards as { id: string; text: string }[]).find(
		(card) => card.text === 'Meine'
	)?.id;
	if (!foreignCard) throw new Error('Die Karte der Nachbargruppe fehlt');

	const rng = random(7);
	const types = ['addCard', 'editCard', 'deleteCard', 'moveCard', 'mergeCards', 'vote', 'unvote'];
	const values = [foreignCard, column.id, '', 'x'.repeat(1000), -1, 1e308, null, {}, [], true];
	const commands = Array.from({ length: 80 }, () => {
		const command: Record<string, unknown> = { type: types[rng.int(types.length)] };
		for (const field of ['cardId', 'intoCardId', 'columnId', 'text', 'index']) {
			if (rng.next() < 0.7) command[field] = values[rng.int(values.length)];
		}
		return JSON.stringify({ ref: rng.int(1000), command });
	});
	const outcome = await sendRaw(
		wsUrl(baseURL!, `/collab/board/${ownBoard}`),
		baseURL!,
		await cookieHeader(intruder),
		[...commands, '{"ref":', '[]', 'null'],
		{ answers: commands.length + 3 }
	);
	expect(outcome).toBe('open');
	expect(snapshot()).toEqual(before);
	await neighbour.dispose();
	await intruder.dispose();
});
