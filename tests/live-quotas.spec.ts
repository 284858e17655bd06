// Quotas on live channels that need a server of their own: a small storage limit for documents
// and a low card limit (to reach them quickly), and addresses taken from X-Forwarded-For, so that
// one test process can be a hall behind one Wi-Fi address and someone elsewhere.
import { request as playwrightRequest, type APIRequestContext } from '@playwright/test';
import WebSocket from 'ws';
import { createActors, postForm, serverEnvWithAdmin } from './support/actors';
import { queryDatabase } from './support/database';
import { createDocument } from './support/documents';
import { expect, openPage, pageAs, pageWithState, test } from './support/fixtures';
import {
	boardIdsOf,
	cookieHeader,
	joinAsParticipant,
	joinCodeOf,
	seededEventSlug,
	workingGroupIdsOf
} from './support/participants';
import { startServer, type AppServer } from './support/server';
import { connectDocument, sessionCookie } from './support/yjs-client';

function firstColumnOf(dataDir: string, boardId: string): string {
	return queryDatabase<{ id: string }>(
		dataDir,
		'select id from board_column where board_id = ? order by sort_order limit 1',
		boardId
	)[0].id;
}

function storedBytesOf(dataDir: string, documentId: string): number {
	return queryDatabase<{ bytes: number }>(
		dataDir,
		'select coalesce(sum(length("update")), 0) as bytes from document_update where document_id = ?',
		documentId
	)[0].bytes;
}

test.describe('with a small storage limit and few cards per participant', () => {
	let server: AppServer;

	test.beforeAll(async () => {
		server = await startServer({
			env: { ...serverEnvWithAdmin, DOCUMENT_SIZE_LIMIT: '64K', BOARD_CARDS_PER_PARTICIPANT: '2' }
		});
	});
	test.afterAll(async () => server.dispose());

	test('a full document refuses changes, keeps what it stored and says so in the editor', async ({
		browser
	}) => {
		test.setTimeout(90_000);
		const actors = await createActors(server.url);
		const { id, slug } = await createDocument(server, actors.editor, 'Speichergrenze');
		const cookie = await sessionCookie(actors.editor.request);
		const witness = connectDocument(server.url, id, await sessionCookie(actors.admin.request));
		const writer = connectDocument(server.url, id, cookie);
		await Promise.all([witness.synced, writer.synced]);
		let refusal: { code: number; reason: string } | undefined;
		writer.provider.on('closed', (event) => (refusal = event));

		// About 1 KB a paragraph: 200 of them would be three times the limit.
		for (let i = 1; i <= 200 && !refusal; i++) {
			writer.addParagraph(`Absatz ${i}: ${'Text '.repeat(200)}`);
			await new Promise((resolve) => setTimeout(resolve, 10));
		}
		await expect.poll(() => refusal, { timeout: 10_000 }).toBeDefined();
		expect(refusal).toEqual({
			code: 4413,
			reason: 'Dieses Dokument hat seine Speichergrenze erreicht.'
		});
		expect(storedBytesOf(server.dataDir, id)).toBeLessThanOrEqual(64 * 1024);
		// Everything the server took reached the others; nothing after the refusal did.
		const stored = witness.text();
		const paragraphs = stored.split('\n').filter((line) => line.startsWith('Absatz'));
		expect(paragraphs.length).toBeGreaterThan(40);
		expect(paragraphs.length).toBeLessThan(70);
		expect(writer.text().length).toBeGreaterThan(stored.length);
		writer.destroy();
		witness.destroy();

		// What was stored survives a restart.
		await server.stop();
		await server.restart();
		const reader = connectDocument(server.url, id, cookie);
		await reader.synced;
		expect(reader.text()).toBe(stored);
		reader.destroy();

		// In the editor: a long paste does not fit (if the editor's first greeting did not already
		// overflow the little room left); the page says so and takes no more typing.
		const { page, close } = await pageAs(browser, actors.editor, server.url);
		await openPage(page, `/dokumente/${slug}`);
		const text = page.getByRole('textbox', { name: 'Text von „Speichergrenze“' });
		await expect(text).toContainText('Absatz 1:');
		await text.click();
		await page.keyboard.press('Control+End');
		await page.keyboard.insertText('Eingefügt '.repeat(7000));
		await page.keyboard.insertText('Nachher getippt');
		await expect(page.getByRole('status').filter({ hasText: 'Speichergrenze' })).toHaveText(
			/Dieses Dokument hat seine Speichergrenze erreicht und nimmt keine Änderungen mehr an\./
		);
		await expect(text).toHaveAttribute('contenteditable', 'false');
		await expect(text).toHaveAttribute('aria-readonly', 'true');
		await expect(text).not.toContainText('Nachher getippt');
		await close();
		expect(storedBytesOf(server.dataDir, id)).toBeLessThanOrEqual(64 * 1024);
	});

	test('a phone is told why it cannot pin another card', async ({ browser }) => {
		const boardId = boardIdsOf(server.dataDir, seededEventSlug)[1];
		const request = await joinAsParticipant(server.url, server.dataDir, seededEventSlug, {
			displayName: 'Pia',
			group: 1
		});
		const { page, close } = await pageWithState(browser, request, server.url);
		await page.setViewportSize({ width: 390, height: 844 });
		await openPage(page, `/teilnahme/${seededEventSlug}/pinnwand/${boardId}`);
		await expect(page.getByText('Verbunden', { exact: true })).toBeVisible();
		const column = page.getByRole('region', { name: /^Schon geschafft/ });
		for (const text of ['Erste Karte', 'Zweite Karte', 'Dritte Karte']) {
			await page.getByLabel('Neue Karte in „Schon geschafft“').fill(text);
			await column.getByRole('button', { name: 'Karte anheften' }).click();
			if (text !== 'Dritte Karte') await expect(column).toContainText(text);
		}
		await expect(page.getByRole('alert')).toContainText(
			'Sie haben schon 2 Karten auf dieser Pinnwand. Löschen Sie eine, um eine neue anzuheften.'
		);
		await expect(column).not.toContainText('Dritte Karte');
		await close();
		await request.dispose();
	});
});

test.describe('with addresses from X-Forwarded-For', () => {
	let server: AppServer;

	test.beforeAll(async () => {
		server = await startServer({
			env: {
				...serverEnvWithAdmin,
				ADDRESS_HEADER: 'X-Forwarded-For',
				LIVE_CONNECTIONS_PER_ADDRESS: '40',
				JOINS_BURST_PER_ADDRESS: '30',
				JOINS_PER_MINUTE_PER_ADDRESS: '1'
			}
		});
	});
	test.afterAll(async () => server.dispose());

	async function join(address: string, group = 0) {
		const request = await playwrightRequest.newContext({
			baseURL: server.url,
			extraHTTPHeaders: { 'x-forwarded-for': address }
		});
		const code = joinCodeOf(server.dataDir, seededEventSlug);
		const response = await postForm(request, server.url, `/join/${code}?/join`, {
			displayName: '',
			workingGroupId: workingGroupIdsOf(server.dataDir, seededEventSlug)[group]
		});
		return { request, response };
	}

	async function joined(address: string): Promise<APIRequestContext> {
		const { request, response } = await join(address);
		expect(response.status(), 'Beitritt').toBe(303);
		return request;
	}

	function socketFrom(address: string, path: string, cookie = '') {
		const socket = new WebSocket(`${server.url.replace('http', 'ws')}${path}`, {
			origin: server.url,
			headers: { cookie, 'x-forwarded-for': address }
		});
		socket.on('error', () => {});
		const closed = new Promise<{ code: number; reason: string }>((resolve) =>
			socket.once('close', (code, reason) => resolve({ code, reason: String(reason) }))
		);
		const opened = new Promise<void>((resolve) => socket.once('open', () => resolve()));
		return { socket, closed, opened };
	}

	/** Sends addCard commands one after another; resolves with every answer. */
	async function pinCards(address: string, cookie: string, boardId: string, texts: string[]) {
		const { socket, opened } = socketFrom(address, `/collab/board/${boardId}`, cookie);
		await opened;
		const columnId = firstColumnOf(server.dataDir, boardId);
		const answers: { type: string; message?: string }[] = [];
		for (const [ref, text] of texts.entries()) {
			const answered = new Promise<{ type: string; message?: string }>((resolve) => {
				const onMessage = (data: Buffer) => {
					const answer = JSON.parse(String(data));
					if (answer.ref !== ref) return;
					socket.off('message', onMessage);
					resolve(answer);
				};
				socket.on('message', onMessage);
			});
			socket.send(JSON.stringify({ ref, command: { type: 'addCard', columnId, text } }));
			answers.push(await answered);
		}
		socket.close();
		return answers;
	}

	test('throwaway participants do not fill a board, and a real one still pins a card', async () => {
		test.setTimeout(120_000);
		const boardId = boardIdsOf(server.dataDir, seededEventSlug)[0];
		// The attack: 26 throwaway joins from one address, 20 cards each, all at once.
		const throwaways = await Promise.all(Array.from({ length: 26 }, () => joined('198.51.100.66')));
		const answers = (
			await Promise.all(
				throwaways.map(async (request, p) =>
					pinCards(
						'198.51.100.66',
						await cookieHeader(request),
						boardId,
						Array.from({ length: 20 }, (_, i) => `Flut ${p}.${i}`)
					)
				)
			)
		).flat();
		const pinned = answers.filter((answer) => answer.type === 'done').length;
		const refusals = answers.filter((answer) => answer.type === 'refused');
		// One address gets 150 cards onto a board at once, then one a second: far from full.
		expect(pinned).toBeGreaterThanOrEqual(150);
		expect(pinned).toBeLessThan(250);
		expect(refusals.length + pinned).toBe(26 * 20);
		for (const { message } of refusals) {
			expect(message).toMatch(
				/^(Sie haben gerade sehr viele Karten geschrieben|Auf dieser Pinnwand entstehen gerade sehr viele Karten aus Ihrem Netz)\. Bitte (warten Sie|versuchen Sie es in) .+\.$/
			);
		}
		const [{ cards }] = queryDatabase<{ cards: number }>(
			server.dataDir,
			'select count(*) as cards from card where board_id = ?',
			boardId
		);
		expect(cards).toBeLessThan(500);

		// Someone in the hall next door, on another address, pins a card at once.
		const real = await joined('203.0.113.7');
		expect(
			await pinCards('203.0.113.7', await cookieHeader(real), boardId, ['Echte Karte'])
		).toEqual([expect.objectContaining({ type: 'done' })]);
		for (const request of [...throwaways, real]) await request.dispose();
	});

	test('one address holds a bounded number of live connections, others are not affected', async () => {
		/** Whether the echo channel serves the connection: it answers, or it is closed. */
		async function served(connection: ReturnType<typeof socketFrom>): Promise<boolean> {
			await connection.opened;
			const answered = new Promise<boolean>((resolve) =>
				connection.socket.once('message', () => resolve(true))
			);
			connection.socket.send('da?');
			return Promise.race([answered, connection.closed.then(() => false)]);
		}
		const echoes = Array.from({ length: 40 }, () => socketFrom('198.51.100.9', '/collab/echo'));
		expect(await Promise.all(echoes.map(served))).toEqual(Array(40).fill(true));
		const refused = socketFrom('198.51.100.9', '/collab/echo');
		expect(await refused.closed).toEqual({
			code: 1008,
			reason: 'Zu viele Verbindungen von Ihrem Netzanschluss. Neuer Versuch folgt.'
		});
		const elsewhere = socketFrom('198.51.100.10', '/collab/echo');
		expect(await served(elsewhere)).toBe(true);
		elsewhere.socket.close();
		// A closed connection makes room again, once the server has seen it close.
		echoes.pop()!.socket.close();
		let again = socketFrom('198.51.100.9', '/collab/echo');
		while (!(await served(again))) again = socketFrom('198.51.100.9', '/collab/echo');
		again.socket.close();
		for (const echo of echoes) echo.socket.close();
	});

	test('new participants from one address come at a pace, from others at once', async () => {
		const hall = [];
		for (let i = 0; i < 30; i++) hall.push(await joined('198.51.100.20'));
		const { request, response } = await join('198.51.100.20');
		expect(response.status()).toBe(429);
		expect(await response.text()).toContain(
			'Über Ihr Netz sind gerade sehr viele Personen beigetreten. Bitte warten Sie'
		);
		const [{ participants }] = queryDatabase<{ participants: number }>(
			server.dataDir,
			'select count(*) as participants from participant'
		);
		hall.push(request, await joined('198.51.100.21'));
		expect(
			queryDatabase<{ participants: number }>(
				server.dataDir,
				'select count(*) as participants from participant'
			)[0].participants
		).toBe(participants + 1);
		for (const member of hall) await member.dispose();
	});
});
