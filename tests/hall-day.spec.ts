// A conference day at hall scale (#18.8): 150 phones as protocol clients and three real browsers
// (a phone, the projector, the moderator), all behind one address, join by code, write cards on
// their group's board, dot-vote and answer the closing survey while the moderator reveals it. The
// server is killed with SIGKILL mid-vote and restarted. Counts, not times: every acknowledged
// card, dot and answer is stored exactly once, nobody counts twice, the projection shows the
// final numbers and the exports equal the database. (The timings are `npm run bench`'s.)
import { allowServerAway } from './support/browser-errors';
import type { Page } from '@playwright/test';
import { connectBoard, type BoardSocket } from '../bench/lib/board-socket';
import { joinEvent, signIn, type AppSession } from '../bench/lib/app-client';
import type { BoardView } from '../src/lib/boards/types';
import { adminCredentials, serverEnvWithAdmin, signedInRequest } from './support/actors';
import { queryDatabase } from './support/database';
import { expect, openPage, test } from './support/fixtures';
import { boardIdsOf, joinCodeOf, seededEventSlug, workingGroupIdsOf } from './support/participants';
import { startServer, type AppServer } from './support/server';

const participantCount = 150;
const cardsEach = 2;
const dotsEach = 3;
/** After this many acknowledged dots the server is killed, in the middle of the vote. */
const killAfterDots = 200;
const closingSurvey = 'Welche nächsten Schritte sind Ihnen am wichtigsten?';
const optionCount = 10;
const consolePath = `/konferenzen/${seededEventSlug}/umfragen`;

interface Phone {
	index: number;
	session: AppSession;
	boardId: string;
	socket?: BoardSocket;
	/** Cards this phone voted for and the server acknowledged. */
	ackedVotes: Set<string>;
	answerAcked: boolean;
	choices: string[];
}

function boardOf(socket: BoardSocket): BoardView {
	return socket.state as BoardView;
}

/** Cards of the board, each once, stacked ones included (dots go to what people see). */
function cardIds(board: BoardView): string[] {
	return board.columns.flatMap((column) => column.cards.map((card) => card.id));
}

async function openSocket(server: AppServer, phone: Phone) {
	phone.socket = connectBoard(server.url, phone.boardId, phone.session.cookieHeader);
	await phone.socket.opened;
	await phone.socket.waitForState(() => true);
}

/** Runs `work` for every item, at most `parallel` at a time, as a hall's phones do. */
async function inWaves<T>(items: T[], parallel: number, work: (item: T) => Promise<void>) {
	let next = 0;
	await Promise.all(
		Array.from({ length: parallel }, async () => {
			while (next < items.length) await work(items[next++]);
		})
	);
}

async function answer(phone: Phone, questionId: string) {
	const response = await phone.session.postForm(
		`/teilnahme/${seededEventSlug}/umfrage?/answer`,
		{ questionId, choices: phone.choices },
		{ enhanced: true }
	);
	const body = (await response.json()) as { type?: string };
	if (response.status === 200 && body.type === 'success') phone.answerAcked = true;
}

/** The votes a phone still has, on cards it has not dotted yet; acknowledged ones remembered. */
async function voteRemaining(phone: Phone, onAck: () => void) {
	const socket = phone.socket!;
	const board = boardOf(socket);
	const mine = new Set(
		board.columns.flatMap((column) =>
			column.cards.filter((card) => card.myVotes > 0).map((card) => card.id)
		)
	);
	const candidates = cardIds(board).filter((id) => !mine.has(id));
	const left = board.myDotsLeft;
	for (let k = 0; k < left; k++) {
		const cardId = candidates[(phone.index * 7 + k * 11) % candidates.length];
		candidates.splice(candidates.indexOf(cardId), 1);
		const result = await socket.send({ type: 'vote', cardId });
		expect(result, `Punkt von Telefon ${phone.index}`).toMatchObject({ ok: true });
		phone.ackedVotes.add(cardId);
		onAck();
	}
}

/** The counts the projector's table shows, by option label. */
async function projectedCounts(page: Page): Promise<Map<string, number>> {
	const rows = await page
		.getByRole('table')
		.getByRole('row')
		.evaluateAll((nodes) => nodes.map((row) => (row as HTMLElement).innerText));
	const counts = new Map<string, number>();
	for (const row of rows) {
		const [label, value] = row.split('\t');
		const number = Number.parseInt(value ?? '', 10);
		if (label && Number.isFinite(number)) counts.set(label.trim(), number);
	}
	return counts;
}

test('a conference day: 150 phones behind one address, a crash mid-vote, nothing lost or counted twice', async ({
	browser,
	browserErrors
}) => {
	test.setTimeout(10 * 60_000);
	allowServerAway(browserErrors);
	const server = await startServer({ env: serverEnvWithAdmin });
	const moderator = await signedInRequest(
		server.url,
		adminCredentials.email,
		adminCredentials.password
	);
	const staff = await signIn(server.url, adminCredentials.email, adminCredentials.password);
	const { dataDir } = server;
	const code = joinCodeOf(dataDir, seededEventSlug);
	const groups = workingGroupIdsOf(dataDir, seededEventSlug);
	const boards = boardIdsOf(dataDir, seededEventSlug);
	const [{ id: questionId }] = queryDatabase<{ id: string }>(
		dataDir,
		'select id from poll_question where prompt = ?',
		closingSurvey
	);
	const browsers: { close(): Promise<void> }[] = [];
	const phones: Phone[] = [];
	try {
		// The moderator opens the closing survey and puts it on the projector.
		for (const action of ['open', 'project']) {
			const response = await staff.postForm(`${consolePath}?/${action}`, { questionId });
			expect(response.status, action).toBe(200);
		}
		const moderatorContext = await browser.newContext({
			baseURL: server.url,
			storageState: await moderator.storageState()
		});
		browsers.push(moderatorContext);
		const moderatorPage = await moderatorContext.newPage();
		await openPage(moderatorPage, consolePath);
		const projectorContext = await browser.newContext({
			baseURL: server.url,
			storageState: await moderator.storageState(),
			viewport: { width: 1280, height: 800 }
		});
		browsers.push(projectorContext);
		const projector = await projectorContext.newPage();
		await openPage(projector, `${consolePath}/projektion`);
		await expect(projector.getByRole('heading', { level: 1 })).toHaveText(closingSurvey);

		// The hall joins: 150 phones by code, a few at a time, spread over the five groups.
		phones.push(
			...Array.from({ length: participantCount }, (_, index) => ({
				index,
				session: undefined as unknown as AppSession,
				boardId: boards[index % boards.length],
				ackedVotes: new Set<string>(),
				answerAcked: false,
				choices: [String(index % optionCount), String((index * 3 + 1) % optionCount)].filter(
					(value, position, all) => all.indexOf(value) === position
				)
			}))
		);
		await inWaves(phones, 8, async (phone) => {
			phone.session = await joinEvent(server.url, code, groups[phone.index % groups.length]);
		});
		// One real phone joins through the page, in the first group.
		const phoneContext = await browser.newContext({
			baseURL: server.url,
			viewport: { width: 390, height: 844 },
			isMobile: true,
			hasTouch: true
		});
		browsers.push(phoneContext);
		const phonePage = await phoneContext.newPage();
		await openPage(phonePage, `/join/${code}`);
		await phonePage.getByRole('radio', { name: /^AG 1/ }).check();
		await phonePage.getByRole('button', { name: 'Teilnehmen' }).click();
		await phonePage.getByRole('link', { name: /\(Ihre Gruppe\)/ }).click();
		await phonePage.locator('html[data-hydrated="true"]').waitFor();

		// Everyone writes their cards on their own group's board.
		await inWaves(phones, 30, (phone) => openSocket(server, phone));
		const moderatorSockets = boards.map((boardId) =>
			connectBoard(server.url, boardId, staff.cookieHeader)
		);
		await Promise.all(moderatorSockets.map((socket) => socket.opened));
		const ackedCards = new Set<string>();
		await inWaves(phones, 50, async (phone) => {
			const board = boardOf(phone.socket!);
			for (let k = 0; k < cardsEach; k++) {
				const text = `Saal ${phone.index}-${k}`;
				const columnId = board.columns[(phone.index + k) % board.columns.length].id;
				const result = await phone.socket!.send({ type: 'addCard', columnId, text });
				expect(result, text).toMatchObject({ ok: true });
				ackedCards.add(text);
			}
		});
		await phonePage.getByLabel('Neue Karte in „Dringend nötig“').fill('Vom Handy: Runder Tisch');
		await phonePage
			.getByRole('region', { name: /^Dringend nötig/ })
			.getByRole('button', { name: 'Karte anheften' })
			.click();
		await expect(phonePage.getByText('Vom Handy: Runder Tisch')).toBeVisible();
		ackedCards.add('Vom Handy: Runder Tisch');

		// The moderator starts a hidden dot vote on every board.
		for (const socket of moderatorSockets) {
			expect(
				await socket.send({ type: 'startVoting', dots: dotsEach, hidden: true })
			).toMatchObject({ ok: true });
		}
		for (const phone of phones) {
			await phone.socket!.waitForState((board) => (board as BoardView).dotsPerVoter === dotsEach);
		}

		// Dots and answers come in together; after 200 acknowledged dots the server dies.
		let ackedDots = 0;
		let killed: Promise<void> | undefined;
		const killWhenDue = () => {
			ackedDots += 1;
			if (ackedDots >= killAfterDots && !killed) killed = server.kill();
		};
		await inWaves(phones, 50, async (phone) => {
			await Promise.allSettled([voteRemaining(phone, killWhenDue), answer(phone, questionId)]);
		});
		expect(killed, 'the server was killed mid-vote').toBeDefined();
		await killed;
		expect(ackedDots).toBeLessThan(participantCount * dotsEach);
		for (const socket of moderatorSockets) socket.close();

		// Back up: the phones reconnect and finish what they had not got through.
		await server.restart();
		await inWaves(phones, 30, (phone) => openSocket(server, phone));
		await inWaves(phones, 30, async (phone) => {
			await voteRemaining(phone, () => undefined);
			if (!phone.answerAcked) await answer(phone, questionId);
			expect(phone.answerAcked, `Antwort von Telefon ${phone.index}`).toBe(true);
		});

		// The real phone reconnected by itself: it votes and answers through its pages.
		await expect(phonePage.getByText('Verbunden', { exact: true })).toBeVisible({
			timeout: 30_000
		});
		await phonePage.getByRole('button', { name: 'Punkt geben: Vom Handy: Runder Tisch' }).click();
		await expect(phonePage.getByText(`Abstimmung: noch 2 von ${dotsEach} Punkten`)).toBeVisible();
		await openPage(phonePage, `/teilnahme/${seededEventSlug}/umfrage`);
		await phonePage.getByRole('checkbox', { name: 'Einen „Runden Tisch“ anregen' }).check();
		await phonePage.getByRole('button', { name: 'Antwort senden' }).click();
		await expect(phonePage.getByRole('button', { name: 'Antwort ändern' })).toBeVisible();

		// The moderator reveals the survey: the projector, reconnected after the crash, shows it.
		await openPage(moderatorPage, consolePath);
		await moderatorPage
			.getByRole('button', { name: 'Ergebnis zeigen (Projektion und Handys)' })
			.first()
			.click();
		await expect(
			moderatorPage.getByRole('button', { name: 'Ergebnis verbergen' }).first()
		).toBeVisible();
		const everyone = participantCount + 1;
		await expect(projector.getByTestId('answer-count')).toContainText(`${everyone} Antworten`, {
			timeout: 20_000
		});

		// Cards: each acknowledged one exactly once, none twice.
		const storedCards = queryDatabase<{ text: string; copies: number }>(
			dataDir,
			"select text, count(*) as copies from card where text like 'Saal %' or text like 'Vom Handy%' group by text"
		);
		expect(storedCards.filter((row) => row.copies !== 1)).toEqual([]);
		const storedTexts = new Set(storedCards.map((row) => row.text));
		expect([...ackedCards].filter((text) => !storedTexts.has(text))).toEqual([]);
		expect(storedCards).toHaveLength(participantCount * cardsEach + 1);

		// Dots: each person within their budget, no card twice by one person, and every acknowledged
		// dot in the server's own record of that phone.
		const storedDots = queryDatabase<{ voter_key: string; card_id: string }>(
			dataDir,
			'select voter_key, card_id from vote'
		);
		const byVoter = new Map<string, string[]>();
		for (const dot of storedDots) {
			byVoter.set(dot.voter_key, [...(byVoter.get(dot.voter_key) ?? []), dot.card_id]);
		}
		expect([...byVoter.values()].filter((cards) => cards.length > dotsEach)).toEqual([]);
		expect([...byVoter.values()].filter((cards) => new Set(cards).size !== cards.length)).toEqual(
			[]
		);
		expect(storedDots).toHaveLength(participantCount * dotsEach + 1);
		for (const phone of phones) {
			await phone.socket!.waitForState((board) => (board as BoardView).myDotsLeft === 0);
			const mine = new Set(
				boardOf(phone.socket!)
					.columns.flatMap((column) => column.cards)
					.filter((card) => card.myVotes > 0)
					.map((card) => card.id)
			);
			expect([...phone.ackedVotes].filter((cardId) => !mine.has(cardId))).toEqual([]);
		}

		// Answers: one per person, the projector shows what the database holds.
		const answers = queryDatabase<{ participant_id: string; choices: string }>(
			dataDir,
			'select participant_id, choices from poll_answer where question_id = ?',
			questionId
		);
		expect(answers).toHaveLength(everyone);
		expect(new Set(answers.map((row) => row.participant_id)).size).toBe(everyone);
		const tally = new Array<number>(optionCount).fill(0);
		for (const row of answers) for (const choice of JSON.parse(row.choices)) tally[choice] += 1;
		const options = queryDatabase<{ options: string }>(
			dataDir,
			'select options from poll_question where id = ?',
			questionId
		)[0];
		const labels = JSON.parse(options.options) as string[];
		// The answer count shows before the reveal does, so wait for the table to follow.
		await expect
			.poll(
				async () => {
					const shown = await projectedCounts(projector);
					return labels.map((label) => shown.get(label));
				},
				{ timeout: 20_000 }
			)
			.toEqual(tally);

		// The exports equal the database.
		const answersCsv = await fetch(`${server.url}${consolePath}/antworten.csv`, {
			headers: { cookie: staff.cookieHeader }
		}).then((response) => response.text());
		const answerRows = answersCsv.trim().split('\r\n').slice(1);
		expect(answerRows.filter((row) => row.includes(closingSurvey))).toHaveLength(everyone);
		const boardCsv = await fetch(`${server.url}/konferenzen/${seededEventSlug}/ergebnisse/csv`, {
			headers: { cookie: staff.cookieHeader }
		}).then((response) => response.text());
		const votesByText = new Map(
			queryDatabase<{ text: string; dots: number }>(
				dataDir,
				`select card.text, count(distinct vote.voter_key) as dots from card
				 left join vote on vote.card_id = card.id group by card.id`
			).map((row) => [row.text, row.dots])
		);
		const exportedCards = boardCsv
			.trim()
			.split('\r\n')
			.map((line) => line.split(';'))
			.filter((fields) => fields[1] === 'Karte' && /^(Saal|Vom Handy)/.test(fields[3]));
		expect(exportedCards).toHaveLength(participantCount * cardsEach + 1);
		for (const fields of exportedCards) {
			expect(Number(fields[5]), fields[3]).toBe(votesByText.get(fields[3]));
		}
	} finally {
		for (const phone of phones) phone.socket?.close();
		for (const context of browsers) await context.close();
		await moderator.dispose();
		await server.dispose();
	}
});
