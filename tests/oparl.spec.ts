// The council information system (issue #20, part 1): an admin connects Kamen to its OParl
// system, a signatory links a paper, takes over the proposed steps, a later result arrives through
// "Jetzt abgleichen"; every failure of the system gives a German message and changes nothing.
import { expectNoAxeViolations } from './support/axe';
import type { Page } from '@playwright/test';
import { adminCredentials, postForm, serverEnvWithAdmin, signedInRequest } from './support/actors';
import { queryDatabase } from './support/database';
import { createDocument } from './support/documents';
import { expect, openPage, pageAs, test as base } from './support/fixtures';
import {
	councilDecided,
	meetingStart,
	startOparlServer,
	type OparlServer
} from './support/oparl-server';
import { startServer, type AppServer } from './support/server';
import type { TestActor } from './support/actors';

const test = base.extend<object, { oparl: OparlServer }>({
	oparl: [
		// eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a function asks for
		async ({}, use) => {
			const oparl = await startOparlServer();
			await use(oparl);
			await oparl.close();
		},
		{ scope: 'worker' }
	],
	server: [
		// eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a function asks for
		async ({}, use) => {
			const server = await startServer({
				fromTemplate: true,
				env: {
					...serverEnvWithAdmin,
					// The test's OParl server listens on 127.0.0.1.
					OPARL_ALLOW_PRIVATE_NETWORKS: 'true',
					OPARL_TIMEOUT_SECONDS: '1',
					OPARL_SYNC_MINUTES: '0'
				}
			});
			await use(server);
			await server.dispose();
		},
		{ scope: 'worker' }
	]
});

test.describe.configure({ mode: 'serial' });
test.beforeEach(({ oparl }) => oparl.reset());

async function freeze(server: AppServer, editor: TestActor, slug: string, name: string) {
	const response = await postForm(
		editor.request,
		server.url,
		`/dokumente/${slug}/fassungen?/freeze`,
		{ name }
	);
	expect(response.status()).toBe(200);
}

function stepsOf(server: AppServer, documentId: string) {
	return queryDatabase<{ stage: string; body_name: string; paper_number: string; note: string }>(
		server.dataDir,
		'select stage, body_name, paper_number, note from adoption_step where document_id = ? order by id',
		documentId
	);
}

/** Every row the OParl connection and the adoption records hold, to compare before and after. */
function records(server: AppServer) {
	const table = (name: string) =>
		queryDatabase<Record<string, unknown>>(server.dataDir, `select * from ${name} order by 1`);
	return {
		steps: table('adoption_step'),
		plans: table('adoption_plan'),
		papers: table('oparl_paper'),
		proposals: table('oparl_proposal'),
		news: table('oparl_news'),
		connections: table('oparl_connection').map((row) => ({
			...row,
			last_error: null,
			last_error_at: null
		}))
	};
}

const proposal = (page: Page, label: string) =>
	page.getByTestId('oparl-proposal').filter({ hasText: label });

async function connectKamen(page: Page, oparl: OparlServer) {
	await openPage(page, '/verwaltung/organisationen/kamen');
	await page.getByRole('link', { name: 'Ratsinformationssystem (OParl) verbinden' }).click();
	await page.getByLabel('Adresse des OParl-Systems').fill(oparl.systemUrl);
	await page.getByRole('button', { name: 'Körperschaften lesen' }).click();
	// Kamen's AGS 05978020 picks Kamen, not Bergkamen, which the system lists first.
	await expect(page.getByLabel(/Stadt Kamen \(AGS 05978020\) – passt/)).toBeChecked();
	await expect(page.getByLabel(/Stadt Bergkamen/)).not.toBeChecked();
	for (const width of [375, 1280]) {
		await page.setViewportSize({ width, height: 900 });
		await page.screenshot({
			path: test.info().outputPath(`oparl-einrichten-${width}.png`),
			fullPage: true
		});
	}
	await page.getByRole('button', { name: 'Verbindung speichern' }).click();
	await expect(
		page.getByRole('status').filter({ hasText: 'Kamen ist mit „Stadt Kamen“ verbunden.' })
	).toBeVisible();
}

test('admin connects Kamen, a signatory links a paper, takes over the proposals, and a later result arrives through the sync', async ({
	browser,
	actors,
	baseURL,
	server,
	oparl
}) => {
	const admin = await pageAs(browser, actors.admin, baseURL!);
	try {
		await connectKamen(admin.page, oparl);
		await expectNoAxeViolations(admin.page);
	} finally {
		await admin.close();
	}
	expect(
		queryDatabase<{ body_url: string }>(server.dataDir, 'select body_url from oparl_connection')
	).toEqual([{ body_url: `${oparl.origin}/oparl/body/kamen` }]);

	const doc = await createDocument(server, actors.editor, 'Leitbild für den Rat Kamen');
	await freeze(server, actors.editor, doc.slug, 'Vorlage für den Rat');
	const session = await pageAs(browser, actors.signatory, baseURL!);
	const page = session.page;
	try {
		await openPage(page, `/beschluesse/${doc.slug}/kamen`);
		await page.getByLabel('Drucksache: Nummer oder Adresse').fill('DS 2027/017');
		await page.getByRole('button', { name: 'Drucksache verknüpfen' }).click();
		await expect(
			page.getByRole('status').filter({ hasText: 'Die Drucksache ist verknüpft.' })
		).toBeVisible();
		// The paper is on the list's second page: the search followed links.next.
		expect(oparl.requests).toContain('/oparl/body/kamen/papers?page=2');
		await expect(page.getByTestId('oparl-proposal')).toHaveCount(2);
		await expect(page.getByTestId('oparl-news')).toContainText(
			/Rat der Stadt Kamen: Sitzung am .* terminiert/
		);
		// Nothing is recorded by the machine alone.
		expect(stepsOf(server, doc.id)).toEqual([]);

		for (const width of [375, 1280]) {
			await page.setViewportSize({ width, height: 900 });
			await page.getByRole('region', { name: 'Ratsinformationssystem' }).screenshot({
				path: test.info().outputPath(`oparl-vorschlaege-${width}.png`)
			});
		}
		await expectNoAxeViolations(page);

		// The committee step, with the body's name corrected before it is taken over.
		const committee = proposal(page, 'Im Ausschuss beraten');
		await committee.getByLabel('Gremium').fill('Sozialausschuss');
		await committee.getByRole('button', { name: /^Übernehmen/ }).click();
		await expect(
			page.getByRole('status').filter({ hasText: 'Der Schritt ist erfasst.' })
		).toBeVisible();
		await expect(page.getByTestId('history-entry')).toHaveCount(1);
		await expect(page.getByTestId('history')).toContainText('Im Ausschuss beraten');
		expect(stepsOf(server, doc.id)).toEqual([
			expect.objectContaining({
				stage: 'im-ausschuss',
				body_name: 'Sozialausschuss',
				paper_number: 'DS 2027/017'
			})
		]);

		// The council's date goes into the plan.
		await proposal(page, 'Termin')
			.getByRole('button', { name: /^Übernehmen/ })
			.click();
		await expect(
			page.getByRole('status').filter({ hasText: 'Der Termin ist in den Zeitplan übernommen.' })
		).toBeVisible();
		await expect(page.getByTestId('planned')).toContainText('Entscheidung im Rat');
		expect(
			queryDatabase<{ stage: string; planned_on: string }>(
				server.dataDir,
				'select stage, planned_on from adoption_plan where document_id = ?',
				doc.id
			)
		).toEqual([{ stage: 'vorlage-im-rat', planned_on: meetingStart(new Date(), 14).slice(0, 10) }]);

		// The first sync reads the paper's path; the next, with nothing changed, only asks the
		// body's lists what was modified since the first began, and reads no paper path.
		const syncNow = async (says: string) => {
			await Promise.all([
				page.waitForResponse((r) => r.url().includes('?/sync')),
				page.getByRole('button', { name: 'Jetzt abgleichen' }).click()
			]);
			await expect(page.getByRole('status').filter({ hasText: says })).toBeVisible();
		};
		await syncNow('Abgeglichen: nichts Neues.');
		oparl.requests.length = 0;
		await syncNow('Abgeglichen: nichts Neues.');
		expect(oparl.requests.filter((p) => !p.includes('modified_since'))).toEqual([
			'/oparl/body/kamen'
		]);
		expect(oparl.requests.map((p) => p.split('?')[0])).toEqual([
			'/oparl/body/kamen',
			'/oparl/body/kamen/papers',
			'/oparl/body/kamen/papers',
			'/oparl/body/kamen/meetings',
			'/oparl/body/kamen/agendaitems'
		]);

		// Later the council decides; "Jetzt abgleichen" finds the modified meeting and agenda item
		// and reads the paper's path again.
		councilDecided(oparl);
		oparl.requests.length = 0;
		await syncNow('Abgeglichen: 1 Neuigkeit.');
		await expect(page.getByTestId('oparl-news')).toContainText(
			'Rat der Stadt Kamen: Ergebnis: ungeändert beschlossen (Beschlossen) – bitte bestätigen'
		);
		expect(oparl.requests).toContain('/oparl/paper/17');
		expect(oparl.requests.some((p) => p.startsWith('/oparl/body/kamen/agendaitems?'))).toBe(true);
		const decision = proposal(page, 'Beschlossen');
		await expect(decision).toContainText('Ergebnis laut System: ungeändert beschlossen');
		await expect(
			decision.getByRole('link', { name: 'Beschluss im Ratsinformationssystem' })
		).toHaveAttribute('href', `${oparl.origin}/oparl/file/5/zugriff`);
		await decision.getByRole('button', { name: /^Übernehmen/ }).click();
		await expect(
			page.getByRole('status').filter({ hasText: 'Der Schritt ist erfasst.' })
		).toBeVisible();
		await expect(page.getByTestId('body-status')).toContainText('Beschlossen');
		const steps = stepsOf(server, doc.id);
		expect(steps.map((s) => s.stage)).toEqual(['im-ausschuss', 'beschlossen']);
		expect(steps[1].note).toContain(`Beschluss: ${oparl.origin}/oparl/file/5/zugriff`);
		await expect(page.getByTestId('oparl-last-sync')).not.toHaveText('noch keiner');

		// A second sync finds nothing new and proposes nothing twice.
		await syncNow('Abgeglichen: nichts Neues.');
		await expect(page.getByTestId('oparl-proposal')).toHaveCount(0);

		// After a restart the connection, the papers, the decided proposals and the news remain.
		await server.restart();
		await openPage(page, `/beschluesse/${doc.slug}/kamen`);
		await expect(page.getByTestId('oparl-status')).toContainText('Stadt Kamen');
		await expect(page.getByTestId('oparl-papers')).toContainText('DS 2027/017');
		await expect(page.getByTestId('oparl-news')).toContainText('ungeändert beschlossen');
		await expect(page.getByText('Entschiedene Vorschläge (3)')).toBeVisible();
	} finally {
		await session.close();
	}
});

test('every failure of the council information system gives a German message and changes nothing', async ({
	browser,
	actors,
	baseURL,
	server,
	oparl
}) => {
	const saved = await postForm(
		actors.admin.request,
		server.url,
		'/verwaltung/organisationen/kamen/oparl?/save',
		{ systemUrl: oparl.systemUrl, bodyUrl: `${oparl.origin}/oparl/body/kamen` }
	);
	expect(saved.status()).toBe(200);
	const doc = await createDocument(server, actors.editor, 'Leitbild für Fehlerfälle');
	await freeze(server, actors.editor, doc.slug, 'Fassung für Fehlerfälle');
	const [version] = queryDatabase<{ id: string }>(
		server.dataDir,
		'select v.id from document_version v where v.document_id = ?',
		doc.id
	);
	const link = (paper: string) =>
		postForm(actors.signatory.request, server.url, `/beschluesse/${doc.slug}/kamen?/link`, {
			paper,
			versionId: version.id
		});
	const paperUrl = `${oparl.origin}/oparl/paper/17`;
	const cases: { what: string; breakIt: () => void; paper: string; says: string }[] = [
		{
			what: 'kaputtes JSON',
			breakIt: () => oparl.raw('/oparl/paper/17', '{"id": "'),
			paper: paperUrl,
			says: 'ist kein gültiges JSON'
		},
		{
			what: '404',
			breakIt: () => oparl.remove('/oparl/meeting/1'),
			paper: 'DS 2027/017',
			says: '(HTTP 404)'
		},
		{
			what: 'zu langsam',
			breakIt: () => oparl.delay('/oparl/meeting/2', 3000),
			paper: 'DS 2027/017',
			says: 'nicht rechtzeitig geantwortet'
		},
		{
			what: 'Seitenschleife',
			breakIt: () =>
				oparl.patch('/oparl/body/kamen/papers?page=2', {
					data: [],
					links: { next: `${oparl.origin}/oparl/body/kamen/papers` }
				}),
			paper: 'DS 2027/017',
			says: 'schon gelesene Seite'
		},
		{
			what: 'anderer Server',
			breakIt: () =>
				oparl.patch('/oparl/agendaitem/11', {
					resolutionFile: `${oparl.origin.replace('127.0.0.1', 'localhost')}/oparl/file/5`
				}),
			paper: 'DS 2027/017',
			says: 'liegt nicht auf dem Server des Ratsinformationssystems'
		}
	];
	for (const failure of cases) {
		oparl.reset();
		failure.breakIt();
		const before = records(server);
		const response = await link(failure.paper);
		expect(response.status(), failure.what).toBe(400);
		expect(await response.text(), failure.what).toContain(failure.says);
		expect(records(server), failure.what).toEqual(before);
	}

	// A sync that fails shows its message on the page and keeps it with the connection.
	oparl.reset();
	expect((await link('DS 2027/017')).status()).toBe(200);
	oparl.raw('/oparl/meeting/2', '<html>Wartungsarbeiten</html>');
	const before = records(server);
	const session = await pageAs(browser, actors.signatory, baseURL!);
	try {
		await openPage(session.page, `/beschluesse/${doc.slug}/kamen`);
		await session.page.getByRole('button', { name: 'Jetzt abgleichen' }).click();
		await expect(session.page.getByRole('alert')).toContainText('kein gültiges JSON');
		// The failure stays with the connection, for everyone who opens the page later.
		await openPage(session.page, `/beschluesse/${doc.slug}/kamen`);
		await expect(session.page.getByTestId('oparl-error')).toContainText('kein gültiges JSON');
	} finally {
		await session.close();
	}
	expect(records(server)).toEqual(before);
	expect(
		queryDatabase<{ last_error: string }>(
			server.dataDir,
			'select last_error from oparl_connection'
		)[0].last_error
	).toContain('kein gültiges JSON');

	// Another Kommune's manager may neither link nor sync Kamen's papers.
	for (const action of ['link', 'sync']) {
		const refused = await postForm(
			actors.managerOther.request,
			server.url,
			`/beschluesse/${doc.slug}/kamen?/${action}`,
			{ paper: 'DS 2027/017', versionId: version.id }
		);
		expect(refused.status(), action).toBe(403);
	}
});

test('without OPARL_ALLOW_PRIVATE_NETWORKS the loopback system is refused before any request', async ({
	oparl
}) => {
	const plain = await startServer({ env: serverEnvWithAdmin });
	try {
		const admin = await signedInRequest(
			plain.url,
			adminCredentials.email,
			adminCredentials.password
		);
		const asked = oparl.requests.length;
		const response = await postForm(
			admin,
			plain.url,
			'/verwaltung/organisationen/kamen/oparl?/bodies',
			{
				systemUrl: oparl.systemUrl
			}
		);
		expect(response.status()).toBe(400);
		expect(await response.text()).toContain('OPARL_ALLOW_PRIVATE_NETWORKS=true');
		expect(oparl.requests.length).toBe(asked);
		expect(queryDatabase(plain.dataDir, 'select * from oparl_connection')).toEqual([]);
		await admin.dispose();
	} finally {
		await plain.dispose();
	}
});
