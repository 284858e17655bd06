// Faults: a server killed in the middle of a conference keeps everything it had confirmed; a
// server stopped with SIGTERM closes every live connection and writes what it held in memory.
// Each test starts its own server. The clients speak the protocols the browser speaks: Yjs for
// documents, JSON commands on the board socket, form posts for poll answers.
import type { APIRequestContext } from '@playwright/test';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { adminCredentials, postForm, serverEnvWithAdmin, signedInRequest } from './support/actors';
import { queryDatabase } from './support/database';
import { expect, test } from './support/fixtures';
import {
	boardIdsOf,
	cookieHeader,
	joinAsParticipant,
	seededEventSlug
} from './support/participants';
import { startServer, type AppServer } from './support/server';
import { connectDocument, sessionCookie } from './support/yjs-client';

interface BoardAnswer {
	type: string;
	ref?: number | null;
	message?: string;
}

/** A board connection as the browser's board client makes it: one command at a time, each
 * answered with "done" (stored) or "refused". */
class BoardSocket {
	#socket: WebSocket;
	#ref = 0;
	#waiting = new Map<number, (answer: BoardAnswer) => void>();
	readonly opened: Promise<void>;
	readonly closed: Promise<number>;

	constructor(server: AppServer, boardId: string, cookies: string) {
		this.#socket = new WebSocket(`${server.url.replace('http', 'ws')}/collab/board/${boardId}`, {
			headers: { cookie: cookies, origin: server.url }
		});
		this.opened = new Promise((resolve, reject) => {
			this.#socket.once('open', () => resolve());
			this.#socket.once('error', reject);
		});
		this.closed = new Promise((resolve) => this.#socket.once('close', (code) => resolve(code)));
		this.#socket.on('message', (data) => {
			const answer = JSON.parse(String(data)) as BoardAnswer;
			if (answer.type === 'state' || typeof answer.ref !== 'number') return;
			this.#waiting.get(answer.ref)?.(answer);
			this.#waiting.delete(answer.ref);
		});
	}

	async send(command: object): Promise<BoardAnswer> {
		const ref = ++this.#ref;
		const answered = new Promise<BoardAnswer>((resolve) => this.#waiting.set(ref, resolve));
		this.#socket.send(JSON.stringify({ ref, command }));
		return answered;
	}

	close() {
		this.#socket.close();
	}
}

function leitbildId(dataDir: string): string {
	return queryDatabase<{ id: string }>(
		dataDir,
		"select id from document where kind = 'leitbild'"
	)[0].id;
}

function firstColumnOf(dataDir: string, boardId: string): string {
	return queryDatabase<{ id: string }>(
		dataDir,
		'select id from board_column where board_id = ? order by sort_order limit 1',
		boardId
	)[0].id;
}

function cardIdByText(dataDir: string, text: string): string {
	return queryDatabase<{ id: string }>(dataDir, 'select id from card where text = ?', text)[0].id;
}

async function createOpenQuestion(admin: APIRequestContext, server: AppServer): Promise<string> {
	const consolePath = `/konferenzen/${seededEventSlug}/umfragen`;
	const prompt = 'Wie oft soll sich der Arbeitskreis treffen?';
	const created = await postForm(admin, server.url, `${consolePath}?/create`, {
		type: 'single',
		prompt,
		options: 'monatlich\nvierteljährlich\nhalbjährlich'
	});
	expect(created.status()).toBe(200);
	const [{ id }] = queryDatabase<{ id: string }>(
		server.dataDir,
		'select id from poll_question where prompt = ?',
		prompt
	);
	expect(
		(await postForm(admin, server.url, `${consolePath}?/open`, { questionId: id })).status()
	).toBe(200);
	return id;
}

test('after SIGKILL every relayed edit, stored card, vote and answer is there', async () => {
	test.slow();
	const server = await startServer({ env: serverEnvWithAdmin });
	const admin = await signedInRequest(
		server.url,
		adminCredentials.email,
		adminCredentials.password
	);
	const people = [
		await joinAsParticipant(server.url, server.dataDir, seededEventSlug, {
			displayName: 'Pia',
			group: 0
		}),
		await joinAsParticipant(server.url, server.dataDir, seededEventSlug, {
			displayName: 'Paul',
			group: 0
		})
	];
	try {
		const documentId = leitbildId(server.dataDir);
		const boardId = boardIdsOf(server.dataDir, seededEventSlug)[0];
		const columnId = firstColumnOf(server.dataDir, boardId);
		const questionId = await createOpenQuestion(admin, server);
		const cookie = await sessionCookie(admin);

		const moderator = new BoardSocket(server, boardId, cookie);
		const boards = await Promise.all(
			people.map(async (person) => new BoardSocket(server, boardId, await cookieHeader(person)))
		);
		await Promise.all([moderator.opened, ...boards.map((b) => b.opened)]);
		expect(await moderator.send({ type: 'startVoting', dots: 5, hidden: false })).toMatchObject({
			type: 'done'
		});

		const writers = [
			connectDocument(server.url, documentId, cookie),
			connectDocument(server.url, documentId, cookie)
		];
		await Promise.all(writers.map((writer) => writer.synced));

		// All at once: two people type, two participants write cards, vote and answer the poll.
		const typing = writers.map(async (writer, w) => {
			for (let i = 1; i <= 15; i++) {
				writer.addParagraph(`Schreiber ${w + 1}, Absatz ${i}`);
				if (i % 5 === 0) await new Promise((resolve) => setTimeout(resolve, 10));
			}
		});
		const cardTexts: string[] = [];
		const carding = boards.map(async (board, p) => {
			for (let i = 1; i <= 5; i++) {
				const text = `Karte ${i} von Person ${p + 1}`;
				expect(await board.send({ type: 'addCard', columnId, text })).toMatchObject({
					type: 'done'
				});
				cardTexts.push(text);
			}
		});
		const answering = people.map(async (person, p) => {
			const response = await postForm(
				person,
				server.url,
				`/teilnahme/${seededEventSlug}/umfrage?/answer`,
				{
					questionId,
					choice: String(p)
				}
			);
			expect(response.status()).toBe(200);
		});
		await Promise.all([...typing, ...carding, ...answering]);

		// Every dot the server confirmed.
		let votes = 0;
		for (const [p, board] of boards.entries()) {
			for (const text of cardTexts.slice(0, 3)) {
				const answer = await board.send({
					type: 'vote',
					cardId: cardIdByText(server.dataDir, text)
				});
				expect(answer, `Punkt von Person ${p + 1}`).toMatchObject({ type: 'done' });
				votes++;
			}
		}

		// What each writer saw of the other came through the server: it was relayed, so stored.
		const paragraphs = [1, 2].flatMap((w) =>
			Array.from({ length: 15 }, (_, i) => `Schreiber ${w}, Absatz ${i + 1}`)
		);
		await expect
			.poll(() => writers.every((writer) => paragraphs.every((p) => writer.text().includes(p))), {
				timeout: 10_000
			})
			.toBe(true);

		// A change proposal on words the server has: a record beside the text.
		const words = writers[0].ydoc
			.getXmlFragment('default')
			.toArray()
			.map((node) => (node as Y.XmlElement).get(0))
			.find((text) => text instanceof Y.XmlText && text.toString() === 'Schreiber 2, Absatz 7');
		if (!(words instanceof Y.XmlText)) throw new Error('Absatz nicht gefunden');
		const anchor = (index: number, assoc: number) =>
			Buffer.from(
				Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(words, index, assoc))
			).toString('base64');
		const [{ organisationId }] = queryDatabase<{ organisationId: string }>(
			server.dataDir,
			`select organisation_id as organisationId from membership
			 where user_id = (select id from user where email = ?)`,
			adminCredentials.email
		);
		const proposed = await postForm(admin, server.url, '/dokumente/leitbild?/propose', {
			anchorStart: anchor(0, 0),
			anchorEnd: anchor(9, -1),
			text: 'Schreiberin',
			organisationId
		});
		expect(proposed.status()).toBe(200);

		await server.kill();
		for (const writer of writers) writer.destroy();
		for (const board of [moderator, ...boards]) board.close();
		await server.restart();

		const fresh = connectDocument(server.url, documentId, cookie);
		await fresh.synced;
		for (const paragraph of paragraphs) expect(fresh.text()).toContain(paragraph);

		// The proposal is there, and accepting it on the restarted server changes the text.
		const [proposal] = queryDatabase<{ id: string; quote: string }>(
			server.dataDir,
			"select id, quote from annotation where kind = 'proposal' and proposed_text = 'Schreiberin'"
		);
		expect(proposal.quote).toBe('Schreiber');
		expect(
			(
				await postForm(admin, server.url, '/dokumente/leitbild?/acceptProposal', {
					proposalId: proposal.id
				})
			).status()
		).toBe(200);
		await expect.poll(() => fresh.text(), { timeout: 10_000 }).toContain('Schreiberin 2, Absatz 7');
		fresh.destroy();

		const storedCards = queryDatabase<{ text: string }>(
			server.dataDir,
			'select text from card where board_id = ?',
			boardId
		).map((row) => row.text);
		expect(storedCards.sort()).toEqual([...cardTexts].sort());
		const [{ n: storedVotes }] = queryDatabase<{ n: number }>(
			server.dataDir,
			'select count(*) as n from vote where card_id in (select id from card where board_id = ?)',
			boardId
		);
		expect(storedVotes).toBe(votes);
		const answers = queryDatabase<{ choices: string }>(
			server.dataDir,
			'select choices from poll_answer where question_id = ?',
			questionId
		);
		expect(answers.map((a) => a.choices).sort()).toEqual(['[0]', '[1]']);

		// And the board still works for the same participant after the restart.
		const again = new BoardSocket(server, boardId, await cookieHeader(people[0]));
		await again.opened;
		expect(
			await again.send({ type: 'addCard', columnId, text: 'Nach dem Neustart' })
		).toMatchObject({ type: 'done' });
		again.close();
	} finally {
		await Promise.all([admin, ...people].map((request) => request.dispose()));
		await server.dispose();
	}
});

test('SIGTERM closes document and board sockets and writes what it held in memory', async () => {
	const server = await startServer({ env: serverEnvWithAdmin });
	const admin = await signedInRequest(
		server.url,
		adminCredentials.email,
		adminCredentials.password
	);
	try {
		const cookie = await sessionCookie(admin);
		const documentId = leitbildId(server.dataDir);
		const boardId = boardIdsOf(server.dataDir, seededEventSlug)[0];
		const [{ userId }] = queryDatabase<{ userId: string }>(
			server.dataDir,
			'select id as userId from user where email = ?',
			adminCredentials.email
		);

		const board = new BoardSocket(server, boardId, cookie);
		await board.opened;
		const writer = connectDocument(server.url, documentId, cookie);
		await writer.synced;
		const documentClosed = new Promise<number>((resolve) =>
			writer.provider.once('connection-close', (event) => resolve(event?.code ?? 0))
		);
		const changes = 12;
		const reader = connectDocument(server.url, documentId, cookie);
		await reader.synced;
		for (let i = 1; i <= changes; i++) writer.addParagraph(`Vor dem Beenden ${i}`);
		await expect
			.poll(() => reader.text(), { timeout: 10_000 })
			.toContain(`Vor dem Beenden ${changes}`);
		// The activity is written at most once a minute while people type: now it is only in memory.
		const editsBefore = queryDatabase<{ changes: number }>(
			server.dataDir,
			"select changes from document_activity where document_id = ? and user_id = ? and kind = 'edit'",
			documentId,
			userId
		);
		expect(editsBefore.map((row) => row.changes)).not.toContain(changes);

		expect(await server.stop()).toBe(0);
		expect(await documentClosed).toBe(1001);
		expect(await board.closed).toBe(1001);
		writer.destroy();
		reader.destroy();
		expect(server.output()).toContain('"event":"app.stopped"');

		// Written at shutdown: the editing session with every change, the text folded into one update.
		const edits = queryDatabase<{ changes: number }>(
			server.dataDir,
			"select changes from document_activity where document_id = ? and user_id = ? and kind = 'edit'",
			documentId,
			userId
		);
		expect(edits.map((row) => row.changes)).toContain(changes);
		const [{ n: updates }] = queryDatabase<{ n: number }>(
			server.dataDir,
			'select count(*) as n from document_update where document_id = ?',
			documentId
		);
		expect(updates).toBe(1);
		await server.restart();
		const fresh = connectDocument(server.url, documentId, cookie);
		await fresh.synced;
		for (let i = 1; i <= changes; i++) expect(fresh.text()).toContain(`Vor dem Beenden ${i}`);
		fresh.destroy();
	} finally {
		await admin.dispose();
		await server.dispose();
	}
});
