// Authority over a whole account (#17.1): an action on the account (reset link, deactivating and
// reactivating it, name and e-mail, data export, anonymisation) is for someone who manages every
// organisation the person belongs to, or an admin; an admin's account only for admins. Each cell
// below runs against a fresh person: "allowed" means the action took effect (the link signs in,
// the row changed), "refused" means 403 and nothing changed.
import { request as playwrightRequest, type APIRequestContext } from '@playwright/test';
import { hash } from '@node-rs/argon2';
import { expectNoAxeViolations } from './support/axe';
import {
	adminCredentials,
	postForm,
	serverEnvWithAdmin,
	signedInRequest,
	type MemberActorName,
	type TestActor
} from './support/actors';
import { queryDatabase, writeDatabase } from './support/database';
import { expect, openPage, pageWithState, test } from './support/fixtures';
import { startServer, type AppServer } from './support/server';
import { templateActors } from './support/template';

const personPassword = 'Personen-Passwort-2026';

/** Whom an action is aimed at, seen from the manager of Kamen. */
const targetKinds = {
	'only in Kamen': [['kamen', ['editor']]],
	'in Kamen and Bergkamen': [
		['kamen', ['viewer']],
		['bergkamen', ['signatory']]
	],
	'an admin with a role in Kamen': [
		['kreis-unna', ['admin']],
		['kamen', ['editor']]
	],
	'only in Bergkamen': [['bergkamen', ['viewer']]]
} as const satisfies Record<string, readonly (readonly [string, readonly string[]])[]>;
type TargetKind = keyof typeof targetKinds;

/** Kamen's manager may act on people only in Kamen; admins on everyone. */
const allowed: Record<'manager' | 'admin', Record<TargetKind, boolean>> = {
	manager: {
		'only in Kamen': true,
		'in Kamen and Bergkamen': false,
		'an admin with a role in Kamen': false,
		'only in Bergkamen': false
	},
	admin: {
		'only in Kamen': true,
		'in Kamen and Bergkamen': true,
		'an admin with a role in Kamen': true,
		'only in Bergkamen': true
	}
};

interface Person {
	id: string;
	email: string;
}

interface Context {
	server: AppServer;
	actors: Record<MemberActorName, TestActor>;
	passwordHash: string;
	count: number;
}

let context: Context;

test.beforeAll(async () => {
	const server = await startServer({ env: serverEnvWithAdmin, fromTemplate: true });
	context = {
		server,
		actors: await templateActors(server.url),
		passwordHash: await hash(personPassword),
		count: 0
	};
});

test.afterAll(async () => {
	await Promise.all(Object.values(context.actors).map((actor) => actor.request.dispose()));
	await context.server.dispose();
});

function one<T>(sql: string, ...params: unknown[]): T {
	const [row] = queryDatabase<T>(context.server.dataDir, sql, ...params);
	return row;
}

/** A person with the memberships of the kind, written straight into the database. */
function createPerson(kind: TargetKind): Person {
	const id = crypto.randomUUID();
	const email = `person-${++context.count}@konto.test`;
	const { dataDir } = context.server;
	writeDatabase(
		dataDir,
		'insert into user (id, email, name, password_hash) values (?, ?, ?, ?)',
		id,
		email,
		`Person ${context.count}`,
		context.passwordHash
	);
	for (const [slug, roles] of targetKinds[kind]) {
		const { id: organisationId } = one<{ id: string }>(
			'select id from organisation where slug = ?',
			slug
		);
		writeDatabase(
			dataDir,
			'insert into membership (user_id, organisation_id, roles) values (?, ?, ?)',
			id,
			organisationId,
			JSON.stringify(roles)
		);
	}
	return { id, email };
}

function userRow(id: string) {
	return one<{
		name: string;
		email: string;
		deactivated_at: number | null;
		anonymised_at: number | null;
	}>('select name, email, deactivated_at, anonymised_at from user where id = ?', id);
}

function post(actor: APIRequestContext, path: string, fields: Record<string, string> = {}) {
	return postForm(actor, context.server.url, path, fields);
}

/** Each account action: what it sends, and how to see that it took effect or did not. */
const accountActions: Record<
	string,
	{
		prepare?(person: Person): void;
		run(actor: APIRequestContext, person: Person): ReturnType<APIRequestContext['get']>;
		tookEffect(
			person: Person,
			response: Awaited<ReturnType<APIRequestContext['get']>>
		): Promise<void>;
		unchanged(person: Person): void;
	}
> = {
	'password-reset link': {
		run: (actor, person) => post(actor, `/verwaltung/personen/${person.id}?/resetLink`),
		async tookEffect(person, response) {
			const link = /\/passwort-zuruecksetzen\/[a-z0-9]+/.exec(await response.text());
			expect(link, 'link in the answer').not.toBeNull();
			const visitor = await playwrightRequest.newContext({ baseURL: context.server.url });
			const reset = await postForm(visitor, context.server.url, link![0], {
				password: 'Uebernommen-2026-neu',
				passwordRepeat: 'Uebernommen-2026-neu'
			});
			expect(reset.status(), 'the link sets a password').toBeLessThan(400);
			await visitor.dispose();
			(await signedInRequest(context.server.url, person.email, 'Uebernommen-2026-neu')).dispose();
		},
		unchanged(person) {
			expect(
				queryDatabase(
					context.server.dataDir,
					'select id from account_link where email = ?',
					person.email
				)
			).toEqual([]);
		}
	},
	'deactivating the account': {
		run: (actor, person) =>
			post(actor, `/verwaltung/personen/${person.id}?/deactivateAccount`, { confirm: 'ja' }),
		async tookEffect(person) {
			expect(userRow(person.id).deactivated_at).not.toBeNull();
			const attempt = await playwrightRequest.newContext({ baseURL: context.server.url });
			const response = await postForm(attempt, context.server.url, '/anmelden', {
				email: person.email,
				password: personPassword
			});
			expect(await response.text()).toContain('Ihr Zugang ist deaktiviert');
			await attempt.dispose();
		},
		unchanged(person) {
			expect(userRow(person.id).deactivated_at).toBeNull();
		}
	},
	'reactivating the account': {
		prepare(person) {
			writeDatabase(
				context.server.dataDir,
				'update user set deactivated_at = 1 where id = ?',
				person.id
			);
		},
		run: (actor, person) => post(actor, `/verwaltung/personen/${person.id}?/reactivateAccount`),
		async tookEffect(person) {
			expect(userRow(person.id).deactivated_at).toBeNull();
			(await signedInRequest(context.server.url, person.email, personPassword)).dispose();
		},
		unchanged(person) {
			expect(userRow(person.id).deactivated_at).toBe(1);
		}
	},
	'changing name and e-mail': {
		run: (actor, person) =>
			post(actor, `/verwaltung/personen/${person.id}?/profile`, {
				name: 'Neuer Name',
				email: `neu-${person.email}`
			}),
		async tookEffect(person) {
			expect(userRow(person.id)).toMatchObject({
				name: 'Neuer Name',
				email: `neu-${person.email}`
			});
		},
		unchanged(person) {
			expect(userRow(person.id)).toMatchObject({ email: person.email });
			expect(userRow(person.id).name).not.toBe('Neuer Name');
		}
	},
	'exporting the data': {
		run: (actor, person) => actor.get(`/verwaltung/personen/${person.id}/daten.json`),
		async tookEffect(person, response) {
			const data = (await response.json()) as { person: { email: string } };
			expect(data.person.email).toBe(person.email);
		},
		unchanged(person) {
			expect(
				queryDatabase(
					context.server.dataDir,
					"select id from audit_entry where event = 'person-data-exported' and subject_user_id = ?",
					person.id
				)
			).toEqual([]);
		}
	},
	anonymising: {
		run: (actor, person) =>
			post(actor, `/verwaltung/personen/${person.id}?/anonymise`, { confirm: 'ja' }),
		async tookEffect(person) {
			expect(userRow(person.id)).toMatchObject({ name: 'ehemaliges Mitglied' });
			expect(userRow(person.id).anonymised_at).not.toBeNull();
		},
		unchanged(person) {
			expect(userRow(person.id)).toMatchObject({ email: person.email, anonymised_at: null });
		}
	}
};

for (const actorName of ['manager', 'admin'] as const) {
	for (const [actionName, action] of Object.entries(accountActions)) {
		for (const kind of Object.keys(targetKinds) as TargetKind[]) {
			const expected = allowed[actorName][kind];
			test(`${actorName} of Kamen, ${actionName}, person ${kind}: ${expected ? 'allowed' : 'refused'}`, async () => {
				const person = createPerson(kind);
				action.prepare?.(person);
				const actor = context.actors[actorName].request;
				const response = await action.run(actor, person);
				if (expected) {
					expect(response.status(), 'succeeded').toBeLessThan(300);
					await action.tookEffect(person, response);
				} else {
					expect(response.status(), 'refused').toBe(403);
					action.unchanged(person);
				}
			});
		}
	}
}

test('the attack of the security test: Kamen’s manager cannot take over a signatory of Bergkamen', async () => {
	const signatory = createPerson('in Kamen and Bergkamen');
	const manager = context.actors.manager.request;
	const refused = await post(manager, `/verwaltung/personen/${signatory.id}?/resetLink`);
	expect(refused.status()).toBe(403);
	expect(await refused.text()).not.toMatch(/passwort-zuruecksetzen\//);
	// Nor through the member list of Kamen, where the link used to be made.
	const throughKamen = await post(manager, '/verwaltung/organisationen/kamen?/resetLink', {
		userId: signatory.id
	});
	expect(throughKamen.status()).toBeGreaterThanOrEqual(400);
	expect(await throughKamen.text()).not.toMatch(/passwort-zuruecksetzen\//);
	expect(
		queryDatabase(
			context.server.dataDir,
			'select id from account_link where email = ?',
			signatory.email
		)
	).toEqual([]);
	// The membership actions in Kamen stay with Kamen's manager: the roles there change.
	const roles = await post(manager, '/verwaltung/organisationen/kamen?/roles', {
		userId: signatory.id,
		roles: 'editor'
	});
	expect(roles.status()).toBe(200);
	expect(
		one<{ roles: string }>(
			"select m.roles from membership m join organisation o on o.id = m.organisation_id where m.user_id = ? and o.slug = 'kamen'",
			signatory.id
		).roles
	).toBe('["editor"]');
});

test('the pages offer only what the manager may do, and say why not', async ({ browser }) => {
	const onlyKamen = createPerson('only in Kamen');
	const shared = createPerson('in Kamen and Bergkamen');
	const outsider = createPerson('only in Bergkamen');
	const manager = context.actors.manager;
	expect((await manager.request.get(`/verwaltung/personen/${outsider.id}`)).status()).toBe(403);

	const { page, close } = await pageWithState(browser, manager.request, context.server.url);
	try {
		await openPage(page, '/verwaltung/organisationen/kamen');
		const sharedName = one<{ name: string }>('select name from user where id = ?', shared.id).name;
		const entry = page
			.locator('details')
			.filter({ has: page.getByText(sharedName, { exact: true }) });
		await entry.getByText(sharedName, { exact: true }).click();
		await expect(
			entry.getByText(
				'Diese Person gehört auch zu Stadt Bergkamen: Das Zurücksetzen des Passworts übernimmt die Kreisverwaltung.'
			)
		).toBeVisible();
		await expect(entry.getByRole('link', { name: /Konto von/ })).toHaveCount(0);

		await openPage(page, `/verwaltung/personen/${shared.id}`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(sharedName);
		await expect(page.getByText(/Diese Person gehört auch zu Stadt Bergkamen/)).toBeVisible();
		await expect(page.getByRole('button', { name: /Zurücksetzen/ })).toHaveCount(0);
		await expect(page.getByRole('link', { name: /Daten als JSON/ })).toHaveCount(0);
		await expect(page.getByRole('button', { name: /anonymisieren|deaktivieren/i })).toHaveCount(0);
		await expectNoAxeViolations(page);

		// Someone only in Kamen: every account action is there and works in the browser.
		await openPage(page, `/verwaltung/personen/${onlyKamen.id}`);
		await page
			.getByRole('button', { name: 'Link zum Zurücksetzen des Passworts erstellen' })
			.click();
		await expect(page.getByLabel('Link zum Zurücksetzen des Passworts')).toHaveValue(
			/\/passwort-zuruecksetzen\//
		);
		await page.getByLabel('Name', { exact: true }).fill('Karla Kamen');
		await page.getByRole('button', { name: 'Name und E-Mail-Adresse speichern' }).click();
		await expect(
			page.getByRole('status').filter({ hasText: 'Name und E-Mail-Adresse sind gespeichert.' })
		).toBeVisible();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Karla Kamen');
		await page.getByLabel('Ich will das ganze Konto von Karla Kamen deaktivieren.').check();
		await page.getByRole('button', { name: 'Konto deaktivieren' }).click();
		await expect(
			page.getByRole('status').filter({ hasText: 'Das Konto ist deaktiviert' })
		).toBeVisible();
		await expectNoAxeViolations(page);
		await page.getByRole('button', { name: 'Konto reaktivieren' }).click();
		await expect(
			page.getByRole('status').filter({ hasText: 'Das Konto ist wieder aktiv.' })
		).toBeVisible();
	} finally {
		await close();
	}
});

test('the admin’s own password is out of a manager’s reach', async () => {
	const [{ id }] = queryDatabase<{ id: string }>(
		context.server.dataDir,
		'select id from user where email = ?',
		adminCredentials.email
	);
	// The admin holds a role in Kamen too, as admins of the Kreis often do.
	writeDatabase(
		context.server.dataDir,
		"insert into membership (user_id, organisation_id, roles) select ?, id, '[\"editor\"]' from organisation where slug = 'kamen'",
		id
	);
	const response = await post(
		context.actors.manager.request,
		`/verwaltung/personen/${id}?/resetLink`
	);
	expect(response.status()).toBe(403);
	expect(
		queryDatabase(
			context.server.dataDir,
			'select id from account_link where email = ?',
			adminCredentials.email
		)
	).toEqual([]);
});
