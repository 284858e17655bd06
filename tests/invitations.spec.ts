// Accepting an invitation (#17.2): for an existing account only through the throttled sign-in,
// and the page tells the holder of the link nothing about whether the address has an account.
import { request as playwrightRequest } from '@playwright/test';
import {
	acceptInvitation,
	adminCredentials,
	invite,
	memberPassword,
	postForm,
	signedInRequest
} from './support/actors';
import { queryDatabase, writeDatabase } from './support/database';
import { expect, openPage, pageWithState, test } from './support/fixtures';

function membershipsOf(dataDir: string, email: string) {
	return queryDatabase<{ slug: string }>(
		dataDir,
		`select o.slug from membership m join organisation o on o.id = m.organisation_id
		 join user u on u.id = m.user_id where u.email = ? and m.deactivated_at is null order by o.slug`,
		email
	).map((row) => row.slug);
}

/** The page's words, with what differs by design (address, date) taken out. */
async function invitationPageText(path: string, baseURL: string, email: string) {
	const visitor = await playwrightRequest.newContext({ baseURL });
	const html = await (await visitor.get(path)).text();
	await visitor.dispose();
	const main = /<main[\s\S]*<\/main>/.exec(html)![0];
	return main
		.replace(/<[^>]+>/g, ' ')
		.replaceAll(email, 'ADRESSE')
		.replace(/\d{1,2}\. \w+ \d{4}[^A-Za-zÄÖÜäöü]*(\d{1,2}:\d{2})?( Uhr)?/g, 'DATUM')
		.replace(/\s+/g, ' ');
}

/** Someone who already has an account in `org` (made through an invitation, signed in as
 * `member`) and a second invitation of the same address into `invitedTo`. */
async function invitedAgain(
	baseURL: string,
	person: { email: string; name: string; org: string; roles?: string[] },
	invitedTo: string,
	roles = ['viewer']
) {
	const admin = await signedInRequest(baseURL, adminCredentials.email, adminCredentials.password);
	try {
		const first = await invite(
			admin,
			baseURL,
			person.org,
			person.email,
			person.roles ?? ['viewer']
		);
		const member = await acceptInvitation(baseURL, first, person.name, memberPassword);
		return { member, link: await invite(admin, baseURL, invitedTo, person.email, roles) };
	} finally {
		await admin.dispose();
	}
}

test('the invitation page looks the same whether or not the address has an account', async ({
	server
}) => {
	const known = 'bekannt@bergkamen.test';
	const { member, link: forKnown } = await invitedAgain(
		server.url,
		{ email: known, name: 'Bea Bekannt', org: 'bergkamen' },
		'kamen',
		['editor']
	);
	await member.dispose();
	const unknown = 'neu@kamen.test';
	const admin = await signedInRequest(
		server.url,
		adminCredentials.email,
		adminCredentials.password
	);
	const forUnknown = await invite(admin, server.url, 'kamen', unknown, ['editor']);
	await admin.dispose();

	const knownText = await invitationPageText(forKnown, server.url, known);
	const unknownText = await invitationPageText(forUnknown, server.url, unknown);
	expect(knownText).toBe(unknownText);
	expect(knownText).toContain('Sie haben schon ein Konto?');
	expect(knownText).toContain('Neu in der Leitbild-Werkstatt');
});

test('guessing the password through an invitation is throttled like every sign-in', async ({
	server
}) => {
	const email = 'ziel@unna.test';
	const { member, link } = await invitedAgain(
		server.url,
		{ email, name: 'Zora Ziel', org: 'unna', roles: ['signatory'] },
		'kamen',
		['viewer']
	);
	await member.dispose();

	const attacker = await playwrightRequest.newContext({ baseURL: server.url });
	const statuses: number[] = [];
	for (let attempt = 0; attempt < 25; attempt++) {
		const response = await postForm(attacker, server.url, `${link}?/signIn`, {
			password: `falsch-${attempt}-raten`
		});
		statuses.push(response.status());
		if (response.status() === 400) {
			expect(await response.text()).toContain('E-Mail-Adresse oder Passwort sind nicht richtig.');
		}
	}
	// Most of the guesses were not even checked, and the right password right after is held back.
	expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(15);
	const right = await postForm(attacker, server.url, `${link}?/signIn`, {
		password: memberPassword
	});
	expect(right.status()).toBe(429);
	// The old way, a password with the link and nothing else, no longer exists.
	const old = await postForm(attacker, server.url, link, { password: memberPassword });
	expect(old.status()).toBeGreaterThanOrEqual(400);
	await attacker.dispose();
	expect(membershipsOf(server.dataDir, email)).toEqual(['unna']);
	expect(
		queryDatabase(server.dataDir, 'select used_at from account_link where email = ?', email).map(
			(row) => (row as { used_at: number | null }).used_at
		)
	).toEqual([expect.any(Number), null]);
});

test('someone with an account signs in on the invitation and gets the new membership', async ({
	server,
	browser
}) => {
	const email = 'doppelt@werne.test';
	const { member, link } = await invitedAgain(
		server.url,
		{ email, name: 'Dora Doppelt', org: 'werne', roles: ['viewer'] },
		'selm',
		['editor']
	);
	await member.dispose();

	// Creating a second account under the address is refused, and the link stays usable.
	const stranger = await playwrightRequest.newContext({ baseURL: server.url });
	const asNew = await postForm(stranger, server.url, `${link}?/create`, {
		name: 'Falsche Dora',
		password: 'Anderes-Passwort-2026',
		passwordRepeat: 'Anderes-Passwort-2026'
	});
	expect(asNew.status()).toBe(409);
	await stranger.dispose();
	expect(membershipsOf(server.dataDir, email)).toEqual(['werne']);

	const context = await browser.newContext({ baseURL: server.url });
	const page = await context.newPage();
	await openPage(page, link);
	await page.getByLabel('Passwort Ihres Kontos').fill(memberPassword);
	await page.getByRole('button', { name: 'Anmelden und Einladung annehmen' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Guten Tag, Dora Doppelt');
	await expect(page.getByRole('listitem').filter({ hasText: 'Stadt Selm' })).toContainText(
		'Redaktion'
	);
	await context.close();
	expect(membershipsOf(server.dataDir, email)).toEqual(['selm', 'werne']);
});

test('signed in, one accepts with a button, and only for one’s own address', async ({
	server,
	browser
}) => {
	const email = 'angemeldet@holzwickede.test';
	const { member, link } = await invitedAgain(
		server.url,
		{ email, name: 'Anton Angemeldet', org: 'holzwickede' },
		'froendenberg-ruhr'
	);
	const other = await signedInRequest(
		server.url,
		adminCredentials.email,
		adminCredentials.password
	);

	// Someone else, signed in, cannot take it.
	const refused = await postForm(other, server.url, `${link}?/accept`, {});
	expect(refused.status()).toBe(409);
	expect(membershipsOf(server.dataDir, email)).toEqual(['holzwickede']);
	await other.dispose();

	const { page, close } = await pageWithState(browser, member, server.url);
	await openPage(page, link);
	await expect(page.getByText('Sie sind mit dieser Adresse angemeldet.')).toBeVisible();
	await expect(page.getByLabel(/Passwort/)).toHaveCount(0);
	await page.getByRole('button', { name: 'Einladung annehmen' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Guten Tag, Anton Angemeldet');
	await close();
	await member.dispose();
	expect(membershipsOf(server.dataDir, email)).toHaveLength(2);
});

test('a person whose memberships all ended comes back through an invitation', async ({
	server
}) => {
	const email = 'zurueck@schwerte.test';
	const { member, link } = await invitedAgain(
		server.url,
		{ email, name: 'Rita Rückkehr', org: 'schwerte', roles: ['viewer'] },
		'unna',
		['viewer']
	);
	await member.dispose();
	writeDatabase(
		server.dataDir,
		'update membership set deactivated_at = 1 where user_id = (select id from user where email = ?)',
		email
	);

	const person = await playwrightRequest.newContext({ baseURL: server.url });
	const response = await postForm(person, server.url, `${link}?/signIn`, {
		password: memberPassword
	});
	expect(response.status()).toBe(303);
	expect((await person.get('/konto', { maxRedirects: 0 })).status()).toBe(200);
	await person.dispose();
	expect(membershipsOf(server.dataDir, email)).toEqual(['unna']);
});
