// Growing delays instead of locks: guessing is slowed, the right people are never locked out.
// The server runs behind a pretend proxy (ADDRESS_HEADER=X-Forwarded-For), so each request says
// which address it comes from: an attacker, the owner at home, a Kreishaus, a conference hall.
import { hash } from '@node-rs/argon2';
import { adminCredentials, serverEnvWithAdmin } from './support/actors';
import { queryDatabase, writeDatabase } from './support/database';
import { expect, test } from './support/fixtures';
import { joinCodeOf, seededEventSlug, workingGroupIdsOf } from './support/participants';
import { metricNow } from './support/metrics';
import { startServer, type AppServer } from './support/server';

// Behind the proxy only the token opens /metrics.
const metricsToken = 'messwerte-fuer-den-betrieb-0123456789';
const behindProxy = {
	...serverEnvWithAdmin,
	ADDRESS_HEADER: 'X-Forwarded-For',
	METRICS_TOKEN: metricsToken
};

async function withServer(work: (server: AppServer) => Promise<void>) {
	const server = await startServer({ env: behindProxy });
	try {
		await work(server);
	} finally {
		await server.dispose();
	}
}

/** A form post as a browser sends it, from the given address, without following redirects. */
function post(
	server: AppServer,
	path: string,
	fields: Record<string, string>,
	address: string,
	cookie?: string
) {
	return fetch(`${server.url}${path}`, {
		method: 'POST',
		body: new URLSearchParams(fields),
		headers: {
			origin: server.url,
			accept: 'text/html',
			'x-forwarded-for': address,
			...(cookie ? { cookie } : {})
		},
		redirect: 'manual'
	});
}

/** Runs `work` for 0 … count-1, at most `parallel` at a time, and returns the results in order. */
async function pool<T>(count: number, parallel: number, work: (i: number) => Promise<T>) {
	const results: T[] = new Array(count);
	let next = 0;
	await Promise.all(
		Array.from({ length: parallel }, async () => {
			while (next < count) {
				const i = next++;
				results[i] = await work(i);
			}
		})
	);
	return results;
}

interface Answer {
	status: number;
	retryAfter: string | null;
	text: string;
}

async function answer(response: Response): Promise<Answer> {
	return {
		status: response.status,
		retryAfter: response.headers.get('retry-after'),
		text: await response.text()
	};
}

const wrongPassword = 'falsch-geraten-1234';

test.describe('signing in', () => {
	test.describe.configure({ timeout: 120_000 });

	test("an attacker's 50 failures do not keep the owner out, who signs in from elsewhere", async () => {
		await withServer(async (server) => {
			const attacker = await pool(50, 1, async () =>
				answer(
					await post(
						server,
						'/anmelden',
						{ email: adminCredentials.email, password: wrongPassword },
						'203.0.113.66'
					)
				)
			);
			// The attacker was slowed: most of the 50 were not even checked.
			expect(attacker.filter((a) => a.status === 429).length).toBeGreaterThan(30);
			// Two addresses in X-Forwarded-For are two pairs: the owner at home is not held up.
			const owner = await post(server, '/anmelden', adminCredentials, '198.51.100.7');
			expect(owner.status).toBe(303);
			expect(owner.headers.get('set-cookie')).toContain('lw_sitzung=');
		});
	});

	test('one address with 200 people signing in, a quarter of them mistyping first, blocks nobody', async () => {
		await withServer(async (server) => {
			const password = 'Kreishaus-Passwort-2026';
			const passwordHash = await hash(password);
			const [kamen] = queryDatabase<{ id: string }>(
				server.dataDir,
				"select id from organisation where slug = 'kamen'"
			);
			const people = Array.from({ length: 200 }, (_, i) => ({
				id: crypto.randomUUID(),
				email: `person${i}@kreishaus.test`
			}));
			writeDatabase(
				server.dataDir,
				`insert into user (id, email, name, password_hash) values ${people.map(() => '(?, ?, ?, ?)').join(', ')}`,
				...people.flatMap((p, i) => [p.id, p.email, `Person ${i}`, passwordHash])
			);
			writeDatabase(
				server.dataDir,
				`insert into membership (user_id, organisation_id, roles) values ${people.map(() => '(?, ?, \'["viewer"]\')').join(', ')}`,
				...people.flatMap((p) => [p.id, kamen.id])
			);
			const kreishaus = '192.0.2.10';
			const results = await pool(people.length, 4, async (i) => {
				const { email } = people[i];
				if (i % 4 === 0) {
					const typo = await post(
						server,
						'/anmelden',
						{ email, password: 'vertippt-vertippt' },
						kreishaus
					);
					expect(typo.status).toBe(400);
				}
				return (await post(server, '/anmelden', { email, password }, kreishaus)).status;
			});
			expect(results.filter((status) => status === 303)).toHaveLength(200);
		});
	});

	test('guessing one password from one address is slowed by short, growing waits', async () => {
		await withServer(async (server) => {
			const guesses: Answer[] = [];
			for (let i = 0; i < 40; i++) {
				guesses.push(
					await answer(
						await post(
							server,
							'/anmelden',
							{ email: adminCredentials.email, password: `${wrongPassword}-${i}` },
							'203.0.113.70'
						)
					)
				);
			}
			const checked = guesses.filter((g) => g.status === 400);
			const refused = guesses.filter((g) => g.status === 429);
			expect(checked.length + refused.length).toBe(40);
			// Six tries are answered at once; after that one more per wait, and the waits double.
			expect(checked.length).toBeGreaterThanOrEqual(6);
			expect(checked.length).toBeLessThanOrEqual(12);
			expect(guesses.slice(0, 6).map((g) => g.status)).toEqual([400, 400, 400, 400, 400, 400]);
			// A wait, not a lock: the first is a second long, and said in German.
			expect(refused[0].retryAfter).toBe('1');
			expect(refused[0].text).toContain('Bitte warten Sie 1 Sekunde');
			// Nothing near the old quarter of an hour: the loop only lasts a few seconds.
			const waits = refused.map((g) => Number(g.retryAfter));
			expect(Math.max(...waits)).toBeLessThanOrEqual(60);
		});
	});

	test('twenty guesses sent at once are not all checked', async () => {
		await withServer(async (server) => {
			const burst = await Promise.all(
				Array.from({ length: 20 }, async (_, i) =>
					answer(
						await post(
							server,
							'/anmelden',
							{ email: adminCredentials.email, password: `${wrongPassword}-${i}` },
							'203.0.113.71'
						)
					)
				)
			);
			const checked = burst.filter((g) => g.status === 400).length;
			expect(checked).toBeGreaterThanOrEqual(1);
			expect(checked).toBeLessThanOrEqual(6);
			expect(burst.filter((g) => g.status === 429).length).toBe(20 - checked);
		});
	});

	test('trying one password on many accounts from one address is slowed after a hundred', async () => {
		await withServer(async (server) => {
			const spray = await pool(140, 4, async (i) =>
				answer(
					await post(
						server,
						'/anmelden',
						{ email: `geraten${i}@kreis-unna.test`, password: 'Sommer2026!' },
						'203.0.113.72'
					)
				)
			);
			const checked = spray.filter((g) => g.status === 400).length;
			// An office's hundred typos are answered; a script beyond them waits.
			expect(checked).toBeGreaterThanOrEqual(100);
			expect(checked).toBeLessThanOrEqual(115);
			const refused = spray.filter((g) => g.status === 429);
			expect(refused.length).toBe(140 - checked);
			expect(refused[0].text).toContain('Bitte warten Sie');
			// Other addresses are not affected.
			expect((await post(server, '/anmelden', adminCredentials, '198.51.100.8')).status).toBe(303);
		});
	});
});

const alphabet = 'ACDEFGHJKMNPQRTUVWXY34679';

/** Codes from the join-code alphabet that no event has: a script's guesses. */
function wrongCodes(dataDir: string, count: number, length = 6): string[] {
	const taken = new Set(
		queryDatabase<{ join_code: string }>(dataDir, 'select join_code from event').map(
			(row) => row.join_code
		)
	);
	const codes = new Set<string>();
	while (codes.size < count) {
		const code = Array.from(
			{ length },
			() => alphabet[Math.floor(Math.random() * alphabet.length)]
		).join('');
		if (!taken.has(code)) codes.add(code);
	}
	return [...codes];
}

/** A code with one character changed, as a thumb slips. */
function typoOf(code: string, i: number): string {
	const position = i % code.length;
	const replacement = alphabet[(alphabet.indexOf(code[position]) + 1 + (i % 7)) % alphabet.length];
	return code.slice(0, position) + replacement + code.slice(position + 1);
}

function participantCount(dataDir: string): number {
	return queryDatabase<{ n: number }>(dataDir, 'select count(*) as n from participant')[0].n;
}

test.describe('joining a conference', () => {
	test.describe.configure({ timeout: 120_000 });

	test('a hall of 300 phones behind one address joins, 100 of them mistyping the code first', async () => {
		await withServer(async (server) => {
			const code = joinCodeOf(server.dataDir, seededEventSlug);
			const group = workingGroupIdsOf(server.dataDir, seededEventSlug)[0];
			const hall = '192.0.2.77';
			const before = participantCount(server.dataDir);
			const joined = await pool(300, 6, async (i) => {
				if (i % 3 === 0) {
					const typo = await post(server, '/join', { code: typoOf(code, i) }, hall);
					expect(typo.status).toBe(404);
					expect(await typo.text()).toContain('Zu diesem Code finden wir keine Veranstaltung');
				}
				// Half type the code, half scan the QR code that links to /join/<CODE>.
				if (i % 2 === 0) {
					const typed = await post(server, '/join', { code: code.toLowerCase() }, hall);
					expect(typed.status).toBe(303);
					expect(typed.headers.get('location')).toBe(`/join/${code}`);
				} else {
					const scanned = await fetch(`${server.url}/join/${code}`, {
						headers: { 'x-forwarded-for': hall }
					});
					expect(scanned.status).toBe(200);
				}
				const entered = await post(
					server,
					`/join/${code}?/join`,
					{ displayName: '', workingGroupId: group },
					hall
				);
				return entered.status;
			});
			expect(joined.filter((status) => status === 303)).toHaveLength(300);
			expect(participantCount(server.dataDir)).toBe(before + 300);
		});
	});

	test('guessing codes from one address is slowed, and the guesser learns nothing while waiting', async () => {
		await withServer(async (server) => {
			const code = joinCodeOf(server.dataDir, seededEventSlug);
			const guesser = '203.0.113.90';
			const guesses: Answer[] = [];
			for (const guess of wrongCodes(server.dataDir, 300)) {
				guesses.push(await answer(await post(server, '/join', { code: guess }, guesser)));
			}
			const answered = guesses.filter((g) => g.status === 404).length;
			const refused = guesses.filter((g) => g.status === 429);
			expect(answered + refused.length).toBe(300);
			// Two hundred wrong codes are a hall's typos; beyond them each guess waits longer.
			expect(answered).toBeGreaterThanOrEqual(200);
			expect(answered).toBeLessThanOrEqual(212);
			expect(refused[0].retryAfter).toBe('1');
			expect(refused[0].text).toContain('Bitte warten Sie 1 Sekunde');
			// The operators see each refusal: as a wait answered, and as a locked join code.
			const join = { route: '/(participant)/join' };
			expect(
				await metricNow(server.url, 'leitbild_throttled_requests_total', join, metricsToken)
			).toBe(refused.length);
			expect(
				await metricNow(
					server.url,
					'leitbild_join_refusals_total',
					{ reason: 'locked' },
					metricsToken
				)
			).toBe(refused.length);
			// The loop may end just before the current wait does; on a slow machine the checks below
			// would then come after it. They are about the wait, not its length: make it a minute.
			expect(
				writeDatabase(
					server.dataDir,
					'update sign_in_throttle set locked_until = ? where key = ?',
					Date.now() + 60_000,
					`beitritt:${guesser}`
				)
			).toBe(1);
			// While it waits, the right code gets the same answer as a wrong one: a script guessing
			// codes cannot tell when it hit one.
			const hit = await answer(await post(server, '/join', { code }, guesser));
			expect(hit.status).toBe(429);
			expect(hit.text).toContain('Zu viele falsche Codes');
			const qr = await fetch(`${server.url}/join/${code}`, {
				headers: { 'x-forwarded-for': guesser }
			});
			expect(qr.status).toBe(429);
			expect(qr.headers.get('retry-after')).toMatch(/^\d+$/);
		});
	});

	test('after many wrong codes from a hall, its right join and re-entry codes still work', async () => {
		await withServer(async (server) => {
			const code = joinCodeOf(server.dataDir, seededEventSlug);
			const group = workingGroupIdsOf(server.dataDir, seededEventSlug)[0];
			const hall = '192.0.2.78';
			// The first phone in the hall joins and notes its re-entry code.
			const first = await post(
				server,
				`/join/${code}?/join`,
				{ displayName: 'Erstes Telefon', workingGroupId: group },
				hall
			);
			expect(first.status).toBe(303);
			const cookie = first.headers.get('set-cookie')!.split(';')[0];
			const home = await fetch(`${server.url}/teilnahme/${seededEventSlug}`, {
				headers: { cookie, 'x-forwarded-for': hall }
			});
			const reentry = /aria-label="Wiedereinstiegscode: ([^"]+)"/
				.exec(await home.text())?.[1]
				.replace(/\s/g, '');
			expect(reentry).toMatch(/^[A-Z0-9]{8}$/);

			// A prankster on the hall's Wi-Fi sends 300 wrong join codes and 250 wrong re-entry codes.
			const guesses = wrongCodes(server.dataDir, 300);
			const wrong = await pool(
				300,
				4,
				async (i) => (await post(server, '/join', { code: guesses[i] }, hall)).status
			);
			expect(wrong).toContain(429);
			const reentryGuesses = wrongCodes(server.dataDir, 250, 8).filter((c) => c !== reentry);
			const wrongReentry = await pool(
				reentryGuesses.length,
				4,
				async (i) =>
					(await post(server, `/join/${code}?/rejoin`, { reentryCode: reentryGuesses[i] }, hall))
						.status
			);
			expect(wrongReentry).toContain(429);

			// The hall still gets in: typed code, QR link, joining, and moving to another phone.
			const typed = await post(server, '/join', { code }, hall);
			expect(typed.status).toBe(303);
			expect(typed.headers.get('location')).toBe(`/join/${code}`);
			const scanned = await fetch(`${server.url}/join/${code}`, {
				headers: { 'x-forwarded-for': hall }
			});
			expect(scanned.status).toBe(200);
			const another = await post(
				server,
				`/join/${code}?/join`,
				{ displayName: '', workingGroupId: group },
				hall
			);
			expect(another.status).toBe(303);
			const moved = await post(server, `/join/${code}?/rejoin`, { reentryCode: reentry! }, hall);
			expect(moved.status).toBe(303);
			expect(moved.headers.get('location')).toBe(`/teilnahme/${seededEventSlug}`);
		});
	});
});
