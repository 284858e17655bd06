// Every projection fits the screen it is projected on: the poll results of each kind, the board
// and the event's QR page, each with the longest texts and the most options the forms allow, at
// the beamer sizes of a hall. Nothing scrolls, the join code and QR stay on screen, what does not
// fit is counted ("und 37 weitere"). Each screenshot is kept with the test's results.
import { expectNoAxeViolations } from './support/axe';
import type { APIRequestContext, Locator, Page, TestInfo } from '@playwright/test';
import { adminCredentials, postForm, serverEnvWithAdmin, signedInRequest } from './support/actors';
import { sendBoardCommands } from './support/board-socket';
import { queryDatabase, writeDatabase } from './support/database';
import { expect, openPage, pageWithState, test } from './support/fixtures';
import {
	boardIdsOf,
	cookieHeader,
	joinAsParticipant,
	seededEventSlug as slug
} from './support/participants';
import { startServer, type AppServer } from './support/server';

const sizes = [
	{ width: 1280, height: 720 },
	{ width: 1280, height: 800 },
	{ width: 1920, height: 1080 }
];

// The limits of the forms (src/lib/server/polls/forms.ts, events/forms.ts, boards/commands.ts).
const maxOptions = 20;
const maxOptionLength = 200;
const maxPromptLength = 300;
const maxScaleLabelLength = 40;
const maxAnswerLength = 280;
const maxCardLength = 280;
const maxColumns = 8;
const maxColumnTitleLength = 60;
const maxEventTitleLength = 200;
const maxGroupTitleLength = 120;
const maxGroupQuestionLength = 500;

const words =
	'Armutsfolgenbekämpfung Sozialberichterstattung Chancengerechtigkeit Quartiersarbeit ' +
	'Familienzentren Beteiligung Verwaltungsvereinbarung Wohlfahrtsverbände Schuldnerberatung ' +
	'Kindergrundsicherung Teilhabe Ehrenamt Mobilität Wohnungslosigkeit Gesundheitsförderung ' +
	'Bildungsberatung Netzwerkkoordination Frühe Hilfen Tafeln Lotsendienste';

/** German words up to exactly `length` characters, starting at word `offset`. */
function longText(length: number, offset = 0): string {
	const pool = words.split(' ');
	let text = '';
	for (let i = offset; text.length < length; i++) text += `${pool[i % pool.length]} `;
	return text.slice(0, length).trimEnd().padEnd(length, 'x');
}

const consolePath = `/konferenzen/${slug}/umfragen`;

let server: AppServer;
let admin: APIRequestContext;
let participants: APIRequestContext[];
const questionIds: Record<string, string> = {};

test.beforeAll(async () => {
	test.setTimeout(180_000);
	// Board limits raised, so a hall's worth of cards gets onto one board in seconds.
	server = await startServer({
		env: {
			...serverEnvWithAdmin,
			BOARD_CARDS_PER_PARTICIPANT: '200',
			BOARD_CARDS_PER_MINUTE: '1000',
			BOARD_CARDS_BURST_PER_ADDRESS: '1000',
			BOARD_CARDS_PER_MINUTE_PER_ADDRESS: '1000'
		}
	});
	admin = await signedInRequest(server.url, adminCredentials.email, adminCredentials.password);
	// The longest title and the longest group texts the event form accepts.
	writeDatabase(
		server.dataDir,
		'update event set title = ? where slug = ?',
		longText(maxEventTitleLength),
		slug
	);
	writeDatabase(
		server.dataDir,
		`update working_group set title = ?, question = ? where id = (
			select working_group_id from board where id = ?)`,
		longText(maxGroupTitleLength, 3),
		longText(maxGroupQuestionLength, 5),
		boardIdsOf(server.dataDir, slug)[0]
	);
	participants = await Promise.all(
		Array.from({ length: 40 }, (_, i) =>
			joinAsParticipant(server.url, server.dataDir, slug, { displayName: `Person ${i + 1}` })
		)
	);
	await seedPolls();
	await seedBoard();
});

test.afterAll(async () => {
	await Promise.all(participants.map((p) => p.dispose()));
	await admin.dispose();
	await server.dispose();
});

async function createQuestion(fields: Record<string, string>): Promise<string> {
	const response = await postForm(admin, server.url, `${consolePath}?/create`, fields);
	expect(response.status(), 'Frage angelegt').toBe(200);
	return queryDatabase<{ id: string }>(
		server.dataDir,
		'select id from poll_question where prompt = ? order by created_at desc limit 1',
		fields.prompt
	)[0].id;
}

async function moderate(action: string, questionId: string, fields: Record<string, string> = {}) {
	const response = await postForm(admin, server.url, `${consolePath}?/${action}`, {
		questionId,
		...fields
	});
	expect(response.status(), action).toBe(200);
}

async function answerAll(questionId: string, answer: (index: number) => Record<string, unknown>) {
	const statuses = await Promise.all(
		participants.map((person, index) =>
			postForm(person, server.url, `/teilnahme/${slug}/umfrage?/answer`, {
				questionId,
				...(answer(index) as Record<string, string | string[]>)
			}).then((response) => response.status())
		)
	);
	expect(statuses.every((status) => status === 200)).toBe(true);
}

const options = Array.from({ length: maxOptions }, (_, i) =>
	`${i + 1}. ${longText(maxOptionLength, i)}`.slice(0, maxOptionLength)
).join('\n');

async function seedPolls() {
	const prompt = (kind: string) => `${kind}: ${longText(maxPromptLength - kind.length - 2, 7)}`;
	questionIds.single = await createQuestion({ type: 'single', prompt: prompt('Einzel'), options });
	questionIds.multiple = await createQuestion({
		type: 'multiple',
		prompt: prompt('Mehrfach'),
		options
	});
	questionIds.ranking = await createQuestion({
		type: 'ranking',
		prompt: prompt('Rangfolge'),
		options
	});
	questionIds.scale = await createQuestion({
		type: 'scale',
		prompt: prompt('Skala'),
		scaleMin: '0',
		scaleMax: '10',
		scaleMinLabel: longText(maxScaleLabelLength, 2),
		scaleMaxLabel: longText(maxScaleLabelLength, 9)
	});
	questionIds.text = await createQuestion({ type: 'text', prompt: prompt('Freitext') });

	for (const id of Object.values(questionIds)) await moderate('open', id);
	await answerAll(questionIds.single, (i) => ({ choice: String(i % maxOptions) }));
	await answerAll(questionIds.multiple, (i) => ({
		choices: [String(i % maxOptions), String((i * 7 + 3) % maxOptions)].filter(
			(value, index, all) => all.indexOf(value) === index
		)
	}));
	await answerAll(questionIds.ranking, (i) => ({
		ranking: Array.from({ length: maxOptions }, (_, k) => String((k + i + 1) % maxOptions)),
		confirmOrder: 'ja'
	}));
	await answerAll(questionIds.scale, (i) => ({ value: String(i % 11) }));
	await answerAll(questionIds.text, (i) => ({ text: longText(maxAnswerLength, i) }));
	// The worst case for the wall is the revealed result.
	for (const id of Object.values(questionIds)) await moderate('results', id, { visible: 'ja' });
}

async function seedBoard() {
	const boardId = boardIdsOf(server.dataDir, slug)[0];
	const moderator = await cookieHeader(admin);
	const existing = queryDatabase<{ id: string }>(
		server.dataDir,
		'select id from board_column where board_id = ?',
		boardId
	);
	const added = await sendBoardCommands(
		server.url,
		boardId,
		moderator,
		Array.from({ length: maxColumns - existing.length }, (_, i) => ({
			type: 'addColumn',
			title: `${i + 4}: ${longText(maxColumnTitleLength - 3, i)}`
		}))
	);
	expect(added.every((answer) => answer.type === 'done')).toBe(true);
	const columns = queryDatabase<{ id: string }>(
		server.dataDir,
		'select id from board_column where board_id = ? order by sort_order',
		boardId
	).map((row) => row.id);
	expect(columns).toHaveLength(maxColumns);
	// Three people pin 60 long cards each, spread over every column.
	const pinned = await Promise.all(
		participants.slice(0, 3).map(async (person, p) =>
			sendBoardCommands(
				server.url,
				boardId,
				await cookieHeader(person),
				Array.from({ length: 60 }, (_, i) => ({
					type: 'addCard',
					columnId: columns[(i + p) % columns.length],
					text: longText(maxCardLength, i + p)
				}))
			)
		)
	);
	expect(pinned.flat().filter((answer) => answer.type === 'done')).toHaveLength(180);
	const voting = await sendBoardCommands(server.url, boardId, moderator, [
		{ type: 'startVoting', dots: 3, hidden: false }
	]);
	expect(voting[0].type).toBe('done');
	const cardIds = queryDatabase<{ id: string }>(
		server.dataDir,
		'select id from card where board_id = ? order by created_at limit 3',
		boardId
	).map((row) => row.id);
	const votes = await sendBoardCommands(
		server.url,
		boardId,
		await cookieHeader(participants[5]),
		cardIds.map((cardId) => ({ type: 'vote', cardId }))
	);
	expect(votes.every((answer) => answer.type === 'done')).toBe(true);
}

/**
 * Nothing scrolls, nothing sticks out of the screen, and the way to join is on it. The
 * screenshot is kept with the test's results, to look at.
 */
async function expectFits(page: Page, testInfo: TestInfo, name: string) {
	const size = page.viewportSize()!;
	await page.screenshot({ path: testInfo.outputPath(`${name}-${size.width}x${size.height}.png`) });
	const measured = await page.evaluate(() => ({
		scrollHeight: document.documentElement.scrollHeight,
		scrollWidth: document.documentElement.scrollWidth
	}));
	expect(
		measured.scrollHeight,
		`${name}: Höhe bei ${size.width}×${size.height}`
	).toBeLessThanOrEqual(size.height);
	expect(
		measured.scrollWidth,
		`${name}: Breite bei ${size.width}×${size.height}`
	).toBeLessThanOrEqual(size.width);
	for (const target of [
		page.getByRole('heading', { level: 1 }),
		page.getByRole('img', { name: /^QR-Code/ }),
		page.getByText(/^[A-Z0-9]{3} [A-Z0-9]{3}$/)
	]) {
		const box = await target.boundingBox();
		expect(box, `${name}: sichtbar`).not.toBeNull();
		expect(box!.y).toBeGreaterThanOrEqual(0);
		expect(box!.y + box!.height, `${name}: ganz auf dem Bild`).toBeLessThanOrEqual(size.height);
		expect(box!.x + box!.width).toBeLessThanOrEqual(size.width);
	}
	// A phone in the back row still reads the QR code.
	const qr = await page.getByRole('img', { name: /^QR-Code/ }).boundingBox();
	expect(qr!.width, `${name}: QR-Code groß genug`).toBeGreaterThanOrEqual(size.height / 6);
}

/** Every item the list shows lies wholly inside it: none is cut off at the bottom. */
async function expectWhollyShown(list: Locator) {
	const cut = await list.evaluate((node) => {
		const bottom = node.getBoundingClientRect().bottom;
		return [...node.children].filter(
			(item) =>
				!item.classList.contains('fit-hidden') && item.getBoundingClientRect().bottom > bottom + 1
		).length;
	});
	expect(cut, 'angeschnittene Einträge').toBe(0);
}

for (const kind of ['single', 'multiple', 'ranking', 'scale', 'text'] as const) {
	test(`poll results (${kind}) fit every beamer size`, async ({ browser }, testInfo) => {
		test.setTimeout(90_000);
		await moderate('project', questionIds[kind]);
		const { page, close } = await pageWithState(browser, admin, server.url);
		for (const size of sizes) {
			await page.setViewportSize(size);
			await openPage(page, `${consolePath}/projektion`);
			await expect(page.getByRole('heading', { level: 1 })).toContainText(
				{
					single: 'Einzel',
					multiple: 'Mehrfach',
					ranking: 'Rangfolge',
					scale: 'Skala',
					text: 'Freitext'
				}[kind]
			);
			await expect(page.getByTestId('answer-count')).toContainText(
				kind === 'ranking' ? '40 Rangfolgen' : '40 Antworten'
			);
			await expectFits(page, testInfo, `umfrage-${kind}`);
			if (kind === 'text') {
				// The wall shows the newest answers that fit and counts the rest.
				await expectWhollyShown(page.getByTestId('wall-answers'));
				const shown = await page.getByTestId('wall-answers').locator('li:not(.fit-hidden)').count();
				await expect(page.getByTestId('wall-more')).toHaveText(
					`und ${40 - shown} weitere Antworten`
				);
			} else {
				// Every option is on the screen, each in full in the table for screen readers.
				const labels = page.locator('svg.bar-chart text.label');
				const bottoms = await labels.evaluateAll((nodes) =>
					nodes.map((node) => node.getBoundingClientRect().bottom)
				);
				expect(Math.max(...bottoms)).toBeLessThanOrEqual(size.height);
				await expect(page.getByRole('table')).toContainText(
					kind === 'scale' ? longText(maxScaleLabelLength, 9) : `20. ${longText(20, 19)}`
				);
			}
		}
		await expectNoAxeViolations(page);
		await close();
	});
}

test('the board projection fits every beamer size and counts the cards it cannot show', async ({
	browser
}, testInfo) => {
	test.setTimeout(90_000);
	const boardId = boardIdsOf(server.dataDir, slug)[0];
	const { page, close } = await pageWithState(browser, admin, server.url);
	for (const size of sizes) {
		await page.setViewportSize(size);
		await openPage(page, `/konferenzen/${slug}/pinnwand/${boardId}/projektion`);
		await expect(page.getByRole('region')).toHaveCount(maxColumns);
		await expectFits(page, testInfo, 'pinnwand');
		// Per column: the cards on screen and "und N weitere Karten" add up to the column's cards.
		let total = 0;
		for (const column of await page.getByRole('region').all()) {
			const cards = await column.getByRole('listitem').count();
			const onScreen = await column.locator('li:not(.fit-hidden)').count();
			expect(onScreen, 'mindestens eine Karte je Spalte').toBeGreaterThan(0);
			await expectWhollyShown(column.getByRole('list'));
			if (onScreen < cards) {
				await expect(column.getByTestId('wall-more')).toHaveText(
					`und ${cards - onScreen} ${cards - onScreen === 1 ? 'weitere Karte' : 'weitere Karten'}`
				);
			}
			total += cards;
		}
		expect(total).toBe(180);
	}
	await expectNoAxeViolations(page);
	await close();
});

test('the event QR page fits every beamer size', async ({ browser }, testInfo) => {
	const { page, close } = await pageWithState(browser, admin, server.url);
	for (const size of sizes) {
		await page.setViewportSize(size);
		await openPage(page, `/konferenzen/${slug}/projektion`);
		await expectFits(page, testInfo, 'qr-seite');
	}
	await expectNoAxeViolations(page);
	await close();
});
