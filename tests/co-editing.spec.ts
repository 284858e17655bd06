// Real-time co-editing: live text and carets, read-only viewers, refused upgrades, durability.
import WebSocket from 'ws';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import {
	acceptInvitation,
	adminCredentials,
	invite,
	memberPassword,
	postForm,
	serverEnvWithAdmin,
	signedInRequest
} from './support/actors';
import { queryDatabase } from './support/database';
import { createDocument } from './support/documents';
import { expect, openPage, pageAs, test } from './support/fixtures';
import { startServer, type AppServer } from './support/server';
import {
	connectDocument,
	providerSocket,
	serverCaughtUp,
	sessionCookie
} from './support/yjs-client';

function leitbildId(dataDir: string): string {
	return queryDatabase<{ id: string }>(
		dataDir,
		"select id from document where kind = 'leitbild'"
	)[0].id;
}

function wsUrl(httpUrl: string, path: string) {
	return httpUrl.replace(/^http/, 'ws') + path;
}

function handshakeStatus(url: string, options: WebSocket.ClientOptions): Promise<number> {
	return new Promise((resolve, reject) => {
		const socket = new WebSocket(url, options);
		socket.once('open', () => {
			socket.close();
			resolve(101);
		});
		socket.once('unexpected-response', (_req, res) => {
			resolve(res.statusCode ?? 0);
			socket.terminate();
		});
		socket.once('error', reject);
	});
}

test('two people type in the same document and see each other’s words and caret', async ({
	browser,
	actors,
	baseURL
}) => {
	const admin = await pageAs(browser, actors.admin, baseURL!);
	const editor = await pageAs(browser, actors.editor, baseURL!);
	await openPage(admin.page, '/dokumente');
	await admin.page
		.getByRole('link', { name: /Selbstverpflichtung/ })
		.first()
		.click();
	await expect(admin.page.getByRole('status').filter({ hasText: 'Verbunden' })).toBeVisible();
	await openPage(editor.page, new URL(admin.page.url()).pathname);
	await expect(editor.page.getByRole('status').filter({ hasText: 'Verbunden' })).toBeVisible();

	const adminText = admin.page.getByRole('textbox', { name: /Text von/ });
	const editorText = editor.page.getByRole('textbox', { name: /Text von/ });
	await adminText.locator('p').last().click();
	await admin.page.keyboard.press('End');
	await admin.page.keyboard.type(' Satz der Administration.');
	await editorText.locator('h2').first().click();
	await editor.page.keyboard.press('End');
	await editor.page.keyboard.type(' – ergänzt von Emil');

	await expect(editorText).toContainText('Satz der Administration.');
	await expect(adminText).toContainText('– ergänzt von Emil');
	await expect(
		admin.page.locator('.collaboration-carets__label', { hasText: 'Emil Redaktion' })
	).toBeVisible();
	await expect(
		editor.page.locator('.collaboration-carets__label', { hasText: 'Administration' })
	).toBeVisible();
	await expect(admin.page.getByText('Gerade im Dokument:')).toBeVisible();
	await expect(admin.page.locator('.presence li', { hasText: 'Emil Redaktion' })).toBeVisible();
	await admin.close();
	await editor.close();
});

test('a viewer reads but cannot write, whatever it sends', async ({
	browser,
	actors,
	baseURL,
	server
}) => {
	const id = leitbildId(server.dataDir);
	const viewer = await pageAs(browser, actors.viewer, baseURL!);
	await openPage(viewer.page, '/dokumente/leitbild');
	const text = viewer.page.getByRole('textbox', { name: /Text von/ });
	// Viewers who may comment get a caret to select words with, but the text stays read-only.
	await expect(text).toHaveAttribute('aria-readonly', 'true');
	await expect(viewer.page.getByRole('toolbar')).toHaveCount(0);
	await expect(viewer.page.getByText('Nur lesen')).toBeVisible();
	await viewer.close();

	const rowsBefore = queryDatabase(
		server.dataDir,
		'select count(*) as n from document_update where document_id = ?',
		id
	);
	const client = connectDocument(server.url, id, await sessionCookie(actors.viewer.request));
	await client.synced;
	client.addParagraph('Eingeschleust vom Lesekonto');
	await serverCaughtUp(providerSocket(client));
	// And the same as a raw sync update, bypassing the provider.
	const raw = new WebSocket(wsUrl(server.url, `/collab/document/${id}`), {
		origin: server.url,
		headers: { cookie: await sessionCookie(actors.viewer.request) }
	});
	await new Promise((resolve) => raw.once('open', resolve));
	const foreign = new Y.Doc();
	const paragraph = new Y.XmlElement('paragraph');
	paragraph.insert(0, [new Y.XmlText('Roh eingeschleust')]);
	foreign.getXmlFragment('default').push([paragraph]);
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, 0);
	syncProtocol.writeUpdate(encoder, Y.encodeStateAsUpdate(foreign));
	raw.send(encoding.toUint8Array(encoder));
	await serverCaughtUp(raw);
	raw.close();
	client.destroy();

	const admin = connectDocument(server.url, id, await sessionCookie(actors.admin.request));
	await admin.synced;
	expect(admin.text()).not.toContain('Eingeschleust');
	expect(admin.text()).not.toContain('Roh eingeschleust');
	admin.destroy();
	expect(
		queryDatabase(
			server.dataDir,
			'select count(*) as n from document_update where document_id = ?',
			id
		)
	).toEqual(rowsBefore);
});

test('upgrades without a session, from another site or to a missing document are refused', async ({
	actors,
	server
}) => {
	const id = leitbildId(server.dataDir);
	const cookie = await sessionCookie(actors.editor.request);
	const url = wsUrl(server.url, `/collab/document/${id}`);
	expect(await handshakeStatus(url, { origin: server.url })).toBe(401);
	expect(
		await handshakeStatus(url, { origin: 'https://angreifer.example', headers: { cookie } })
	).toBe(403);
	expect(
		await handshakeStatus(
			wsUrl(server.url, '/collab/document/00000000-0000-4000-8000-000000000000'),
			{
				origin: server.url,
				headers: { cookie }
			}
		)
	).toBe(404);
	expect(await handshakeStatus(url, { origin: server.url, headers: { cookie } })).toBe(101);
});

test('garbage on the socket closes that connection only', async ({ actors, server }) => {
	const id = leitbildId(server.dataDir);
	const cookie = await sessionCookie(actors.editor.request);
	const bystander = connectDocument(server.url, id, cookie);
	await bystander.synced;
	for (const [garbage, code] of [
		[Buffer.from([7, 1, 2]), 1007],
		[Buffer.from([0]), 1007],
		['kein Yjs', 1003]
	] as const) {
		const raw = new WebSocket(wsUrl(server.url, `/collab/document/${id}`), {
			origin: server.url,
			headers: { cookie }
		});
		await new Promise((resolve) => raw.once('open', resolve));
		const closed = new Promise<number>((resolve) => raw.once('close', (c) => resolve(c)));
		raw.send(garbage);
		expect(await closed).toBe(code);
	}
	bystander.addParagraph('Noch da');
	const witness = connectDocument(server.url, id, cookie);
	await witness.synced;
	await expect.poll(() => witness.text(), { timeout: 10_000 }).toContain('Noch da');
	bystander.destroy();
	witness.destroy();
});

test.describe('with a server of its own', () => {
	test('a server killed with SIGKILL has every edit it relayed; an offline client merges', async () => {
		const server = await startServer({ env: serverEnvWithAdmin });
		const admin = await signedInRequest(
			server.url,
			adminCredentials.email,
			adminCredentials.password
		);
		const cookie = await sessionCookie(admin);
		const id = leitbildId(server.dataDir);
		try {
			const writer = connectDocument(server.url, id, cookie);
			const reader = connectDocument(server.url, id, cookie);
			await Promise.all([writer.synced, reader.synced]);
			for (let i = 1; i <= 20; i++) writer.addParagraph(`Absatz ${i} vor dem Absturz`);
			await expect
				.poll(() => reader.text(), { timeout: 10_000 })
				.toContain('Absatz 20 vor dem Absturz');
			writer.destroy();
			reader.destroy();

			await server.kill();
			await server.restart();
			const fresh = connectDocument(server.url, id, cookie);
			await fresh.synced;
			for (let i = 1; i <= 20; i++) expect(fresh.text()).toContain(`Absatz ${i} vor dem Absturz`);
			expect(fresh.text().match(/Ratsuchende Menschen/g)).toHaveLength(1);

			// One client goes offline and edits the same paragraph another edits online.
			const offline = connectDocument(server.url, id, cookie);
			await offline.synced;
			offline.provider.disconnect();
			const target = (doc: Y.Doc) => {
				const paragraphs = doc.getXmlFragment('default').toArray();
				return (paragraphs[paragraphs.length - 1] as Y.XmlElement).get(0) as Y.XmlText;
			};
			target(offline.ydoc).insert(0, 'Offline: ');
			target(fresh.ydoc).insert(target(fresh.ydoc).length, ' (online ergänzt)');
			await serverCaughtUp(providerSocket(fresh));
			offline.provider.connect();
			await expect
				.poll(
					() => offline.text().includes('(online ergänzt)') && fresh.text().includes('Offline: '),
					{ timeout: 10_000 }
				)
				.toBe(true);
			expect(fresh.text()).toContain('Offline: Absatz 20 vor dem Absturz (online ergänzt)');
			offline.destroy();
			fresh.destroy();
		} finally {
			await admin.dispose();
			await server.dispose();
		}
	});
});

test('deactivation and sign-out close open document connections at once', async ({
	actors,
	server
}) => {
	const id = leitbildId(server.dataDir);
	const link = await invite(actors.admin.request, server.url, 'kamen', 'live@kamen.test', [
		'editor'
	]);
	const member = await acceptInvitation(server.url, link, 'Lia Live', memberPassword);
	const userId = queryDatabase<{ id: string }>(
		server.dataDir,
		"select id from user where email = 'live@kamen.test'"
	)[0].id;

	const socket = new WebSocket(wsUrl(server.url, `/collab/document/${id}`), {
		origin: server.url,
		headers: { cookie: await sessionCookie(member) }
	});
	await new Promise((resolve) => socket.once('open', resolve));
	const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
	const response = await postForm(
		actors.manager.request,
		server.url,
		'/verwaltung/organisationen/kamen?/deactivate',
		{ userId }
	);
	expect(response.status()).toBe(200);
	expect(await closed).toBe(4401);
	await member.dispose();

	// Signing out ends the connections of that session too.
	const admin = await signedInRequest(
		server.url,
		adminCredentials.email,
		adminCredentials.password
	);
	const adminSocket = new WebSocket(wsUrl(server.url, `/collab/document/${id}`), {
		origin: server.url,
		headers: { cookie: await sessionCookie(admin) }
	});
	await new Promise((resolve) => adminSocket.once('open', resolve));
	const adminClosed = new Promise<number>((resolve) =>
		adminSocket.once('close', (code) => resolve(code))
	);
	await postForm(admin, server.url, '/abmelden', {});
	expect(await adminClosed).toBe(4401);
	await admin.dispose();
});

function openSocket(server: AppServer, id: string, cookie: string) {
	return new Promise<WebSocket>((resolve, reject) => {
		const socket = new WebSocket(wsUrl(server.url, `/collab/document/${id}`), {
			origin: server.url,
			headers: { cookie }
		});
		socket.once('open', () => resolve(socket));
		socket.once('error', reject);
	});
}

function closeCode(socket: WebSocket) {
	return new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
}

/** A sync update that appends a paragraph, as raw bytes on the socket. */
function paragraphUpdate(text: string): Uint8Array {
	const doc = new Y.Doc();
	const paragraph = new Y.XmlElement('paragraph');
	paragraph.insert(0, [new Y.XmlText(text)]);
	doc.getXmlFragment('default').push([paragraph]);
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, 0);
	syncProtocol.writeUpdate(encoder, Y.encodeStateAsUpdate(doc));
	return encoding.toUint8Array(encoder);
}

test('archiving closes open writers at once, and deleting closes everyone', async ({
	actors,
	server
}) => {
	const { id } = await createDocument(server, actors.editor, 'Archivprobe Schreiben');
	const storedRows = () =>
		queryDatabase<{ n: number }>(
			server.dataDir,
			'select count(*) as n from document_update where document_id = ?',
			id
		)[0].n;
	const writer = await openSocket(server, id, await sessionCookie(actors.editor.request));
	const writerClosed = closeCode(writer);
	writer.send(paragraphUpdate('Vor dem Archivieren'));
	await expect.poll(storedRows, { timeout: 10_000 }).toBe(1);

	const archived = await postForm(actors.editor.request, server.url, '/dokumente?/archive', {
		documentId: id
	});
	expect(archived.status()).toBe(200);
	// What the writer sends right after the archiving is not stored.
	writer.send(paragraphUpdate('Nach dem Archivieren'));
	// The close event comes after the server read everything sent before its close frame, and it
	// handles (here: refuses) each message as it reads it.
	expect(await writerClosed).toBe(4409);
	expect(storedRows()).toBe(1);

	// Readers may stay while the document is archived; deleting it closes them too.
	const reader = await openSocket(server, id, await sessionCookie(actors.viewer.request));
	const readerClosed = closeCode(reader);
	const deleted = await postForm(actors.admin.request, server.url, '/dokumente?/delete', {
		documentId: id,
		confirm: 'ja'
	});
	expect(deleted.status()).toBe(200);
	expect(await readerClosed).toBe(4404);
	expect(storedRows()).toBe(0);
});

test('an open editor turns read-only when its document is archived, and back when restored', async ({
	browser,
	actors,
	baseURL,
	server
}) => {
	const { id, slug } = await createDocument(server, actors.editor, 'Archivprobe Browser');
	const editor = await pageAs(browser, actors.editor, baseURL!);
	await openPage(editor.page, `/dokumente/${slug}`);
	await expect(editor.page.getByRole('status').filter({ hasText: 'Verbunden' })).toBeVisible();
	const text = editor.page.getByRole('textbox', { name: /Text von/ });
	await expect(text).toHaveAttribute('contenteditable', 'true');

	await postForm(actors.editor.request, server.url, '/dokumente?/archive', { documentId: id });
	await expect(editor.page.getByText('Dieses Dokument ist archiviert.')).toBeVisible();
	await expect(text).toHaveAttribute('contenteditable', 'false');
	await expect(editor.page.getByRole('toolbar')).toHaveCount(0);
	await expect(editor.page.getByRole('status').filter({ hasText: 'Verbunden' })).toBeVisible();

	await postForm(actors.editor.request, server.url, '/dokumente?/restore', { documentId: id });
	await expect(text).toHaveAttribute('contenteditable', 'true');
	await expect(editor.page.getByRole('toolbar')).toBeVisible();
	await expect(editor.page.getByText('Nur lesen')).toHaveCount(0);
	await editor.close();
});

test('a connection that dies after its client came back elsewhere leaves its presence', async ({
	actors,
	server
}) => {
	const id = leitbildId(server.dataDir);
	const cookie = await sessionCookie(actors.editor.request);
	const observer = connectDocument(server.url, id, cookie);
	const returning = connectDocument(server.url, id, cookie);
	await Promise.all([observer.synced, returning.synced]);
	const state = { user: { name: 'Wiederkehr', color: '#000' } };
	returning.provider.awareness.setLocalState(state);
	const clientId = returning.ydoc.clientID;
	const present = () => observer.provider.awareness.getStates().has(clientId);
	await expect.poll(present, { timeout: 10_000 }).toBe(true);

	// The client is back on a new connection and has renewed its presence there (every 15 s), while
	// the server has not yet noticed that the old connection is dead.
	const renewed = await openSocket(server, id, cookie);
	const update = encoding.createEncoder();
	encoding.writeVarUint(update, 1);
	encoding.writeVarUint(update, clientId);
	encoding.writeVarUint(update, returning.provider.awareness.meta.get(clientId)!.clock + 1);
	encoding.writeVarString(update, JSON.stringify(state));
	const message = encoding.createEncoder();
	encoding.writeVarUint(message, 1);
	encoding.writeVarUint8Array(message, encoding.toUint8Array(update));
	renewed.send(encoding.toUint8Array(message));
	await serverCaughtUp(renewed);
	// A probe of someone else, whose presence visibly goes when its connection dies: it dies after
	// the old connection, so once the observer sees it gone, the server has handled the old one.
	const probe = connectDocument(server.url, id, await sessionCookie(actors.admin.request));
	await probe.synced;
	probe.provider.awareness.setLocalState({ user: { name: 'Sonde', color: '#000' } });
	const probeId = probe.ydoc.clientID;
	const probePresent = () => observer.provider.awareness.getStates().has(probeId);
	await expect.poll(probePresent, { timeout: 10_000 }).toBe(true);
	returning.provider.shouldConnect = false;
	providerSocket(returning).terminate();
	probe.provider.shouldConnect = false;
	providerSocket(probe).terminate();
	await expect.poll(probePresent, { timeout: 10_000 }).toBe(false);
	expect(present()).toBe(true);

	// When the new connection ends too, the presence goes.
	renewed.terminate();
	await expect.poll(() => !present(), { timeout: 10_000 }).toBe(true);
	returning.destroy();
	probe.destroy();
	observer.destroy();
});
