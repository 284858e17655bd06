// Hostile input on every form action and endpoint: one field at a time missing, empty, overlong,
// mistyped or with control and direction characters, and bodies that are no form at all. Each must answer
// 4xx with a German message and leave every domain table as it was.
import { request as playwrightRequest, type APIRequestContext } from '@playwright/test';
import * as Y from 'yjs';
import {
	adminCredentials,
	formBody,
	invite,
	memberPassword,
	postForm,
	serverEnvWithAdmin
} from './support/actors';
import { queryDatabase, writeDatabase } from './support/database';
import { expect, test as base } from './support/fixtures';
import {
	joinAsParticipant,
	joinCodeOf,
	seededEventSlug,
	workingGroupIdsOf
} from './support/participants';
import { discoverRoutes, routeKey } from './support/routes';
import { startServer } from './support/server';
import {
	hostileQueries,
	hostileTable,
	parameterlessEndpoints,
	type FieldSpec,
	type HostileCase
} from './authz/hostile-input-table';
import type { ActorName } from './authz/route-table';
import type { PmNode } from '../src/lib/editor/pm-node';

/**
 * Tables that record that someone asked, not what anyone made: sign-in sessions, the sign-in and
 * join throttle (hostile requests are counted there on purpose), the audit log (it records
 * refused attempts), last visits, and the migration and seed bookkeeping.
 */
const bookkeepingTables = [
	'session',
	'sign_in_throttle',
	'trusted_join_address',
	'audit_entry',
	'member_visit',
	'seed_run',
	'__drizzle_migrations'
];

/** The things the table's placeholders name, made through the app before any variant is sent. */
type HostileContext = Record<string, string>;

const test = base.extend<object, { hostile: HostileContext }>({
	// A server of this file's own, from the template: the things made below once for the worker
	// (a version of the Leitbild, questions, participants) are made before any test runs, so the
	// shared server's return to the template at a file's first test must not reach them.
	server: [
		// eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a function asks for
		async ({}, use) => {
			const server = await startServer({ env: serverEnvWithAdmin, fromTemplate: true });
			await use(server);
			await server.dispose();
		},
		{ scope: 'worker' }
	],
	hostile: [
		async ({ server, actors, participant }, use) => {
			const { url, dataDir } = server;
			const one = <T>(sql: string, ...params: unknown[]) => {
				const [row] = queryDatabase<T>(dataDir, sql, ...params);
				if (!row) throw new Error(`Nichts gefunden: ${sql}`);
				return row;
			};
			const userId = (email: string) =>
				one<{ id: string }>('select id from user where email = ?', email).id;
			const document = one<{ id: string }>("select id from document where slug = 'leitbild'").id;
			const editor = actors.editor.request;

			const scratch = new Y.Doc().getText('anker');
			scratch.insert(0, 'Unser Leitbild');
			const anchor = (index: number) =>
				Buffer.from(
					Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(scratch, index))
				).toString('base64');
			const anchorStart = anchor(0);
			const anchorEnd = anchor(5);

			const ok = async (response: Awaited<ReturnType<typeof postForm>>, what: string) =>
				expect([200, 303], `${what}: ${response.status()}`).toContain(response.status());
			await ok(
				await postForm(editor, url, '/dokumente/leitbild?/comment', {
					anchorStart,
					anchorEnd,
					quote: 'Unser',
					body: 'Ein Faden für die Proben'
				}),
				'Kommentar'
			);
			await ok(
				await postForm(editor, url, '/dokumente/leitbild/fassungen?/freeze', {
					name: 'Fassung für Proben'
				}),
				'Fassung'
			);
			const poll = `/konferenzen/${seededEventSlug}/umfragen`;
			for (const [type, prompt] of [
				['single', 'Probe im Entwurf'],
				['single', 'Offene Probe'],
				['text', 'Offene Textprobe'],
				['ranking', 'Offene Rangfolgeprobe']
			]) {
				await ok(
					await postForm(editor, url, `${poll}?/create`, {
						type,
						prompt,
						options: type === 'text' ? '' : 'Ja\nNein\nVielleicht',
						allowChange: 'ja'
					}),
					'Frage'
				);
			}
			const questionId = (prompt: string) =>
				one<{ id: string }>('select id from poll_question where prompt = ?', prompt).id;
			const openQuestion = questionId('Offene Probe');
			const openTextQuestion = questionId('Offene Textprobe');
			const openRankingQuestion = questionId('Offene Rangfolgeprobe');
			for (const id of [openQuestion, openTextQuestion, openRankingQuestion]) {
				await ok(await postForm(editor, url, `${poll}?/open`, { questionId: id }), 'Öffnen');
			}
			await ok(
				await postForm(participant, url, `/teilnahme/${seededEventSlug}/umfrage?/answer`, {
					questionId: openQuestion,
					choice: '0'
				}),
				'Antwort'
			);

			// A second participant whose re-entry code is known, for the rejoin form.
			const other = await joinAsParticipant(url, dataDir, seededEventSlug, {
				displayName: 'Rudi Rückkehr'
			});
			const home = await (await other.get(`/teilnahme/${seededEventSlug}`)).text();
			await other.dispose();
			const reentryCode = /aria-label="Wiedereinstiegscode: ([^"]+)"/
				.exec(home)?.[1]
				.replaceAll(' ', '');
			if (!reentryCode) throw new Error('Kein Wiedereinstiegscode auf der Seite');

			// A change proposal of the editor's, written directly: its anchors need not fit the text,
			// since every request below breaks some field and must be refused.
			const proposal = crypto.randomUUID();
			writeDatabase(
				dataDir,
				`insert into annotation (id, document_id, kind, anchor_start, anchor_end, quote,
				 proposed_text, organisation_id, created_by)
				 values (?, ?, 'proposal', ?, ?, '', 'Probe', ?, ?)`,
				proposal,
				document,
				anchorStart,
				anchorStart,
				one<{ id: string }>("select id from organisation where slug = 'kamen'").id,
				userId(actors.editor.email)
			);

			const admin = actors.admin.request;
			const invitation = await invite(admin, url, 'kamen', 'eingeladen@kamen.test', ['viewer']);
			const reset = await postForm(
				admin,
				url,
				`/verwaltung/personen/${userId(actors.editor.email)}?/resetLink`,
				{}
			);
			const passwordReset = /\/passwort-zuruecksetzen\/[a-z0-9]+/.exec(await reset.text())?.[0];
			if (!passwordReset) throw new Error('Kein Link zum Zurücksetzen in der Antwort');

			await use({
				adminEmail: adminCredentials.email,
				adminPassword: adminCredentials.password,
				memberPassword,
				document,
				anchorStart,
				anchorEnd,
				thread: one<{ id: string }>(
					"select id from annotation where document_id = ? and kind = 'comment'",
					document
				).id,
				proposal,
				question: questionId('Probe im Entwurf'),
				openQuestion,
				openTextQuestion,
				openRankingQuestion,
				answer: one<{ id: string }>(
					'select id from poll_answer where question_id = ?',
					openQuestion
				).id,
				viewerUser: userId(actors.viewer.email),
				version: one<{ id: string }>(
					'select id from document_version where document_id = ?',
					document
				).id,
				passage: firstPassageId(
					one<{ content: string }>(
						'select content from document_version where document_id = ?',
						document
					).content
				),
				kamenOrganisation: one<{ id: string }>("select id from organisation where slug = 'kamen'")
					.id,
				event: one<{ id: string }>('select id from event where slug = ?', seededEventSlug).id,
				workingGroup: workingGroupIdsOf(dataDir, seededEventSlug)[0],
				code: joinCodeOf(dataDir, seededEventSlug),
				reentryCode,
				invitation,
				passwordReset
			});
		},
		{ scope: 'worker' }
	]
});

/** The block id of the first numbered passage (the first paragraph of the first section) of a
 * frozen text, for the consensus forms. */
function firstPassageId(content: string): string {
	const blocks = (JSON.parse(content) as { content: PmNode[] }).content;
	const section = blocks.findIndex((node) => node.type === 'heading' && node.attrs?.level === 2);
	const paragraph = blocks.slice(section + 1).find((node) => node.type === 'paragraph');
	const id = paragraph?.attrs?.id;
	if (section < 0 || typeof id !== 'string') throw new Error('Kein Abschnitt im Leitbild');
	return id;
}

function fill(text: string, context: HostileContext): string {
	return text.replace(/\{(\w+)\}/g, (whole, name: string) => context[name] ?? whole);
}

const overlong = 'x'.repeat(100_000);

const wronglyTyped: Record<FieldSpec['kind'], string[]> = {
	text: [],
	password: [],
	email: ['keine-adresse', 'name@', 'a@b@c.de', 'name\u202e@kamen.test', 'name\u0000@kamen.test'],
	uuid: ['keine-id', '00000000-0000-0000-0000-00000000000g', "' or 1=1 --"],
	enum: ['gibt-es-nicht', 'ADMIN'],
	number: ['zwei', '1e3', '-', 'NaN'],
	date: ['morgen', '2026-02-30', '31.12.2026'],
	boolean: ['vielleicht', 'nein-doch'],
	anchor: ['kein Anker!', 'AAAA', '%%%'],
	code: ['!!!', '<script>']
};

/** Refused in every text: control characters (C0 and C1), bidi overrides and isolates, and
 * noncharacters. */
const controlCharacters: Record<string, string> = {
	NUL: '\u0000',
	BEL: '\u0007',
	'NEL (C1)': '\u0085',
	'U+202E RLO': '\u202e',
	'U+2066 LRI': '\u2066',
	'U+FFFF': '\uffff'
};

/** Refused in one-line texts only: line breaks, tabs and direction marks. */
const oneLineOnly: Record<string, string> = {
	Zeilenumbruch: '\n',
	Tabulator: '\t',
	'U+200F RLM': '\u200f'
};

/** The valid value (or a word, for an empty one) with the character in its middle, so that
 * the value is refused for the character and not for being something else. */
function withCharacter(value: string, character: string): string {
	const base = value || 'Probe';
	const middle = Math.ceil(base.length / 2);
	return `${base.slice(0, middle)}${character}${base.slice(middle)}`;
}

interface Variant {
	label: string;
	body: string | Buffer;
	contentType: string;
	/** What the refusal must say. */
	says?: RegExp;
}

function formVariant(
	label: string,
	form: Record<string, string | string[]>,
	says?: RegExp
): Variant {
	return { label, body: formBody(form), contentType: 'application/x-www-form-urlencoded', says };
}

/** The valid form with one field broken at a time. */
function fieldVariants(form: Record<string, string | string[]>, fields: Record<string, FieldSpec>) {
	const variants: Variant[] = [];
	const withValue = (name: string, value: string) => ({
		...form,
		[name]: Array.isArray(form[name]) ? [value] : value
	});
	for (const [name, spec] of Object.entries(fields)) {
		if (!spec.optional) {
			const rest = { ...form };
			delete rest[name];
			variants.push(formVariant(`${name} fehlt`, rest));
			variants.push(formVariant(`${name} leer`, withValue(name, '')));
			variants.push(formVariant(`${name} nur Leerzeichen`, withValue(name, '   ')));
		}
		if (!spec.shortensOverlong) {
			variants.push(formVariant(`${name} überlang`, withValue(name, overlong)));
		}
		for (const wrong of wronglyTyped[spec.kind]) {
			variants.push(formVariant(`${name} = ${JSON.stringify(wrong)}`, withValue(name, wrong)));
		}
		if (spec.kind === 'text' && !spec.keepsControlCharacters) {
			const refused = { ...controlCharacters, ...(spec.multiLine ? {} : oneLineOnly) };
			const value = String(form[name] ?? '');
			for (const [character, code] of Object.entries(refused)) {
				variants.push(
					formVariant(
						`${name} mit ${character}`,
						withValue(name, withCharacter(value, code)),
						/Steuerzeichen/
					)
				);
			}
		}
	}
	return variants;
}

/** Routes whose forms take files (the resolution PDF): members may send large multipart there. */
const uploadRoutes = ['/beschluesse/[slug]/[organisation]'];

/** A valid form as an enhanced page sends it (multipart), padded past the 1 MB of a text form. */
function oversizedMultipart(form: Record<string, string | string[]>) {
	const boundary = 'grenze-feindlich';
	const fields = Object.entries({ ...form, polster: 'x'.repeat(1_100_000) }).flatMap(
		([name, value]) => (Array.isArray(value) ? value : [value]).map((item) => [name, item])
	);
	const body = fields
		.map(
			([name, value]) =>
				`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`
		)
		.join('');
	return {
		label: 'zu großes multipart',
		body: `${body}--${boundary}--\r\n`,
		contentType: `multipart/form-data; boundary=${boundary}`
	};
}

/** Bodies that are no form: none of them may run the action. */
function bodyVariants(
	form: Record<string, string | string[]>,
	hasRequiredField: boolean,
	takesUploads = false
): Variant[] {
	const garbage = Buffer.from([0xff, 0xfe, 0x00, 0x26, 0x3d, 0x25, 0xc3, 0x28, 0x0a, 0x2d, 0x2d]);
	const variants: Variant[] = [
		{ label: 'JSON', body: JSON.stringify(form), contentType: 'application/json' },
		{ label: 'Text', body: formBody(form), contentType: 'text/plain' },
		{ label: 'Bytes ohne Formular', body: garbage, contentType: 'application/octet-stream' },
		{
			label: 'kaputtes multipart',
			body: garbage,
			contentType: 'multipart/form-data; boundary=grenze'
		},
		{
			label: 'zu großer Körper',
			body: formBody({ ...form, polster: 'x'.repeat(1_100_000) }),
			contentType: 'application/x-www-form-urlencoded'
		}
	];
	if (!takesUploads) variants.push(oversizedMultipart(form));
	// A urlencoded body always parses; where every field may be left out, it is simply a form.
	if (hasRequiredField) {
		variants.push({
			label: 'Bytes als Formular',
			body: garbage,
			contentType: 'application/x-www-form-urlencoded'
		});
	}
	return variants;
}

/** Every domain table's rows, sorted, as text. */
function domainSnapshot(dataDir: string): Record<string, string[]> {
	const tables = queryDatabase<{ name: string }>(
		dataDir,
		"select name from sqlite_master where type = 'table' and name not like 'sqlite_%'"
	)
		.map((row) => row.name)
		.filter((name) => !bookkeepingTables.includes(name));
	return Object.fromEntries(
		tables.map((name) => [
			name,
			queryDatabase<Record<string, unknown>>(dataDir, `select * from "${name}"`)
				.map((row) => JSON.stringify(row))
				.sort()
		])
	);
}

/** SvelteKit's and valibot's own words; anywhere in a message or an error page they mean that a
 * refusal reached people untranslated. */
const englishFrameworkMessages =
	/(Internal Error|Not Found|Unsupported Media Type|Payload Too Large|Form actions expect|Content-length|Method Not Allowed|Unknown Error|Invalid (key|type)|Expected )/;
const germanWords =
	/\b(bitte|nicht|nur|der|die|das|dies\w*|ist|sind|darf|gibt|kein\w*|ungültig\w*|unbekannt\w*|zu|höchstens|sie|es|ein\w*)\b/i;

function isGerman(message: string | undefined): boolean {
	return Boolean(message && !englishFrameworkMessages.test(message) && germanWords.test(message));
}

/**
 * The message in an action's failure data (devalue's flat form: objects hold the indices of
 * their values). Pages with several forms keep each form's message under its name, e.g.
 * `{ step: { message } }`.
 */
function failureMessage(data: string): string {
	const values = JSON.parse(data) as unknown[];
	const find = (index: number, depth: number): string | undefined => {
		const value = values[index];
		if (depth > 3 || !value || typeof value !== 'object' || Array.isArray(value)) return undefined;
		for (const [name, child] of Object.entries(value as Record<string, number>)) {
			if (/message$/i.test(name) && typeof values[child] === 'string') return values[child];
			const nested = find(child, depth + 1);
			if (nested) return nested;
		}
		return undefined;
	};
	return find(0, 0) ?? '';
}

/**
 * Status and message of an answer. SvelteKit answers an action asked for JSON with HTTP 200 and
 * the action's own status and data inside; a thrown error or an endpoint with the status itself;
 * a page with its HTML error page.
 */
async function outcomeOf(response: Awaited<ReturnType<APIRequestContext['get']>>) {
	const type = response.headers()['content-type'] ?? '';
	const text = await response.text();
	if (type.includes('application/json')) {
		const body = JSON.parse(text);
		if (body.type === 'failure') {
			return { status: body.status as number, message: failureMessage(body.data) };
		}
		if (body.type === 'success' || body.type === 'redirect') {
			return { status: body.status as number, message: `(${body.type})` };
		}
		return { status: response.status(), message: body.error?.message ?? body.message };
	}
	const main = /<main[^>]*>([\s\S]*?)<\/main>/.exec(text)?.[1] ?? text;
	return {
		status: response.status(),
		message: main
			.replace(/<[^>]+>/g, ' ')
			.replace(/\s+/g, ' ')
			.trim()
	};
}

async function requestOf(
	actorName: ActorName,
	fixtures: {
		actors: Record<string, { request: APIRequestContext }>;
		participant: APIRequestContext;
		url: string;
	}
) {
	if (actorName === 'participant') return { request: fixtures.participant, dispose: false };
	if (actorName === 'anonymous') {
		return {
			request: await playwrightRequest.newContext({ baseURL: fixtures.url }),
			dispose: true
		};
	}
	return { request: fixtures.actors[actorName].request, dispose: false };
}

function actionKey(entry: HostileCase): string {
	return entry.action
		? routeKey({ kind: 'action', route: entry.route, method: 'POST', action: entry.action })
		: routeKey({ kind: 'endpoint', route: entry.route, method: 'POST' });
}

test('every form action and POST endpoint is in the hostile-input table', () => {
	const served = discoverRoutes()
		.filter((route) => route.method === 'POST')
		.map(routeKey);
	const covered = [...new Set(hostileTable.map(actionKey))].sort();
	expect(covered, 'Aktionen ohne Eintrag in tests/authz/hostile-input-table.ts').toEqual(
		[...new Set(served)].sort()
	);
});

test('every GET endpoint has malformed requests in the table or no parameters', () => {
	const served = discoverRoutes()
		.filter((route) => route.kind === 'endpoint' && route.method === 'GET')
		.map((route) => route.route)
		.sort();
	const covered = [
		...hostileQueries.map((query) => query.route),
		...Object.keys(parameterlessEndpoints)
	];
	expect(
		served.filter((route) => !covered.includes(route)),
		'GET-Endpunkte ohne Eintrag'
	).toEqual([]);
});

for (const entry of hostileTable) {
	const label = `${actionKey(entry)} (${entry.variant ?? entry.actor})`;
	test(`${label}: hostile input is refused and changes nothing`, async ({
		server,
		actors,
		participant,
		hostile
	}) => {
		test.skip(
			Boolean(entry.noInput) && !entry.action,
			`Ein Endpunkt ohne Eingabe: ${entry.noInput}`
		);
		const { request, dispose } = await requestOf(entry.actor, {
			actors,
			participant,
			url: server.url
		});
		const form = Object.fromEntries(
			Object.entries(entry.form).map(([name, value]) => [
				name,
				Array.isArray(value) ? value.map((item) => fill(item, hostile)) : fill(value, hostile)
			])
		);
		const path = fill(entry.path, hostile);
		const target = entry.action && entry.action !== 'default' ? `${path}?/${entry.action}` : path;
		const variants = [
			...fieldVariants(form, entry.fields),
			...bodyVariants(
				form,
				Object.values(entry.fields).some((spec) => !spec.optional),
				uploadRoutes.includes(entry.route)
			)
		];
		const before = domainSnapshot(server.dataDir);
		const problems: string[] = [];
		try {
			for (const variant of variants) {
				const response = await request.post(target, {
					data: variant.body,
					headers: {
						'content-type': variant.contentType,
						accept: 'application/json',
						'x-sveltekit-action': 'true',
						origin: server.url
					},
					maxRedirects: 0
				});
				const { status, message } = await outcomeOf(response);
				if (status < 400 || status >= 500) {
					problems.push(`${variant.label}: ${status} ${message ?? ''}`.slice(0, 300));
				} else if (!isGerman(message)) {
					problems.push(`${variant.label}: ${status} ohne deutsche Meldung: ${message}`);
				} else if (variant.says && !variant.says.test(message)) {
					problems.push(`${variant.label}: ${status} aus anderem Grund: ${message}`);
				}
			}
		} finally {
			if (dispose) await request.dispose();
		}
		expect(problems, 'Varianten, die nicht mit 4xx und Meldung abgelehnt wurden').toEqual([]);
		expect(domainSnapshot(server.dataDir), 'Fachliche Tabellen unverändert').toEqual(before);
	});
}

for (const query of hostileQueries) {
	test(`GET ${query.route}: malformed parameters answer 4xx with a message`, async ({
		server,
		actors,
		participant
	}) => {
		const { request } = await requestOf(query.actor, { actors, participant, url: server.url });
		const problems: string[] = [];
		for (const path of query.paths) {
			const response = await request.get(path, {
				headers: { accept: 'application/json' },
				maxRedirects: 0
			});
			const { status, message } = await outcomeOf(response);
			if (status < 400 || status >= 500) problems.push(`${path.slice(0, 120)}: ${status}`);
			else if (!isGerman(message)) {
				problems.push(`${path.slice(0, 120)}: ${status} ohne deutsche Meldung: ${message}`);
			}
		}
		expect(problems, 'Anfragen, die nicht mit 4xx und Meldung abgelehnt wurden').toEqual([]);
	});
}

test('a browser without JavaScript gets the German error page for a body that is no form', async ({
	server,
	actors
}) => {
	const before = domainSnapshot(server.dataDir);
	const problems: string[] = [];
	for (const variant of bodyVariants({ title: 'Ohne Skript', kind: 'sonstiges' }, true)) {
		const response = await actors.editor.request.post('/dokumente?/create', {
			data: variant.body,
			headers: { 'content-type': variant.contentType, accept: 'text/html', origin: server.url },
			maxRedirects: 0
		});
		const { status, message } = await outcomeOf(response);
		if (status < 400 || status >= 500 || !isGerman(message)) {
			problems.push(`${variant.label}: ${status} ${message.slice(0, 200)}`);
		}
	}
	expect(problems, 'Varianten ohne deutsche Fehlerseite').toEqual([]);
	expect(domainSnapshot(server.dataDir), 'Fachliche Tabellen unverändert').toEqual(before);
});

test('only a signed-in member sends more than a text form, and only where files are taken', async ({
	server
}) => {
	const form = oversizedMultipart({ stage: 'vorlage-im-rat' });
	const anonymous = await playwrightRequest.newContext({ baseURL: server.url });
	try {
		for (const path of ['/beschluesse/leitbild/kamen?/record', '/anmelden', '/join']) {
			const response = await anonymous.post(path, {
				data: form.body,
				headers: { 'content-type': form.contentType, accept: 'text/html', origin: server.url },
				maxRedirects: 0
			});
			expect(response.status(), path).toBe(413);
			expect(await response.text(), path).toContain('Das Formular ist zu groß.');
		}
	} finally {
		await anonymous.dispose();
	}
});
