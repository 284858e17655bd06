import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as v from 'valibot';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
	councilDecided,
	startOparlServer,
	type OparlServer
} from '../../../../tests/support/oparl-server';
import { appendUpdate } from '../collab/update-store';
import { adoptionPlan, adoptionStep, membership, oparlProposal, user } from '../db/schema';
import { runSeeds } from '../db/seeds';
import { createTestDatabase } from '../db/test-database';
import { yjsUpdateFromJSON } from '../documents/document-state';
import { createDocument } from '../documents/documents';
import { markdownToDocument } from '../documents/markdown';
import { freezeVersion } from '../documents/versions';
import { currentPlans } from '../adoption/plans';
import { listSteps } from '../adoption/steps';
import { findOrganisationBySlug } from '../workspace/organisations';
import { organisationsSeed } from '../workspace/organisations-seed';
import { createFetcher, isPrivateAddress, OparlError } from './fetcher';
import { classifyResult, proposeSteps } from './mapping';
import { OparlPaper } from './objects';
import { agsMatches, findPapersByReference, readBody, readPaperPath } from './reader';
import {
	confirmProposal,
	dismissProposal,
	findConnection,
	listNews,
	listProposals,
	saveConnection
} from './store';
import {
	bodyChoices,
	clockMarginMs,
	linkPaperFromSystem,
	startOparlSync,
	syncOrganisation,
	type OparlSettings
} from './sync';

const settings: OparlSettings = { allowPrivateNetworks: true, timeoutMs: 1000, syncMinutes: 0 };

let server: OparlServer;
beforeAll(async () => {
	server = await startOparlServer();
});
afterAll(() => server.close());
afterEach(() => server.reset());

const fetcher = (overrides: Partial<Parameters<typeof createFetcher>[0]> = {}) =>
	createFetcher({
		systemUrl: server.systemUrl,
		allowPrivateNetworks: true,
		timeoutMs: 1000,
		maxBytes: 100_000,
		...overrides
	});

async function refusal(promise: Promise<unknown>): Promise<string> {
	const err = await promise.then(
		() => null,
		(e: unknown) => e
	);
	expect(err).toBeInstanceOf(OparlError);
	return (err as OparlError).message;
}

describe('the fetcher', () => {
	it('knows private and loopback addresses in both families', () => {
		for (const address of ['127.0.0.1', '10.1.2.3', '172.20.0.1', '192.168.1.1', '169.254.1.1']) {
			expect(isPrivateAddress(address)).toBe(true);
		}
		for (const address of ['::1', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1', '::']) {
			expect(isPrivateAddress(address)).toBe(true);
		}
		expect(isPrivateAddress('193.175.5.1')).toBe(false);
		expect(isPrivateAddress('2a00:1450::1')).toBe(false);
	});

	it('refuses loopback unless private networks are allowed, also behind a name', async () => {
		const closed = fetcher({ allowPrivateNetworks: false });
		expect(await refusal(closed.get(server.systemUrl, v.unknown(), 'System'))).toMatch(
			/OPARL_ALLOW_PRIVATE_NETWORKS=true/
		);
		const byName = createFetcher({
			systemUrl: server.systemUrl.replace('127.0.0.1', 'localhost'),
			allowPrivateNetworks: false,
			timeoutMs: 1000,
			maxBytes: 1000
		});
		expect(
			await refusal(
				byName.get(server.systemUrl.replace('127.0.0.1', 'localhost'), v.unknown(), 'System')
			)
		).toMatch(/lokalen oder privaten Netzadresse/);
		expect(server.requests.filter((p) => p === '/oparl/system')).toHaveLength(0);
	});

	it('follows no address on another host or scheme', async () => {
		const f = fetcher();
		expect(
			await refusal(f.get(server.systemUrl.replace('127.0.0.1', '127.0.0.2'), v.unknown(), 'x'))
		).toMatch(/nicht auf dem Server des Ratsinformationssystems/);
		expect(await refusal(f.get('file:///etc/passwd', v.unknown(), 'x'))).toMatch(/https?:\/\//);
	});

	it('refuses a redirect to another host', async () => {
		const { createServer } = await import('node:http');
		const redirecting = createServer((_, res) => {
			res.writeHead(302, { location: `${server.systemUrl.replace('127.0.0.1', 'localhost')}` });
			res.end();
		});
		await new Promise<void>((resolve) => redirecting.listen(0, '127.0.0.1', resolve));
		const port = (redirecting.address() as { port: number }).port;
		const f = createFetcher({
			systemUrl: `http://127.0.0.1:${port}/`,
			allowPrivateNetworks: true,
			timeoutMs: 1000,
			maxBytes: 1000
		});
		expect(await refusal(f.get(`http://127.0.0.1:${port}/x`, v.unknown(), 'x'))).toMatch(
			/liegt nicht auf dem Server/
		);
		await new Promise<void>((resolve) => redirecting.close(() => resolve()));
	});

	it('gives German messages for 404, malformed JSON, wrong shapes, slowness and size', async () => {
		const f = fetcher();
		expect(await refusal(f.get(`${server.origin}/oparl/nichts`, v.unknown(), 'x'))).toMatch(
			/kennt die Adresse .* nicht \(HTTP 404\)/
		);
		server.raw('/oparl/paper/17', '{"id": ');
		expect(await refusal(f.get(`${server.origin}/oparl/paper/17`, v.unknown(), 'x'))).toMatch(
			/kein gültiges JSON/
		);
		server.set('/oparl/paper/17', { id: 'kein Link', type: 'x' });
		expect(
			await refusal(f.get(`${server.origin}/oparl/paper/17`, OparlPaper, 'Drucksache'))
		).toMatch(/kein gültiges OParl-Objekt „Drucksache“ \(Feld id\)/);
		server.set('/oparl/paper/17', { big: 'x'.repeat(200_000) });
		expect(await refusal(f.get(`${server.origin}/oparl/paper/17`, v.unknown(), 'x'))).toMatch(
			/zu groß/
		);
		server.delay('/oparl/paper/17', 3000);
		expect(
			await refusal(
				fetcher({ timeoutMs: 200 }).get(`${server.origin}/oparl/paper/17`, v.unknown(), 'x')
			)
		).toMatch(/nicht rechtzeitig geantwortet/);
	});
});

describe('the reader', () => {
	it('matches a body by AGS, the Kreis by its five digits', () => {
		expect(agsMatches('05978020', '05978020')).toBe(true);
		expect(agsMatches('05978000', '05978')).toBe(true);
		expect(agsMatches('05978020', '05978')).toBe(false);
		expect(agsMatches(null, '05978020')).toBe(false);
	});

	it('finds a paper on the list’s second page and stops at a page seen before', async () => {
		const f = fetcher();
		const body = await readBody(f, `${server.origin}/oparl/body/kamen`);
		const found = await findPapersByReference(f, body, 'ds 2027/017');
		expect(found.map((p) => p.url)).toEqual([`${server.origin}/oparl/paper/17`]);
		server.patch('/oparl/body/kamen/papers?page=2', {
			data: [],
			links: { next: `${server.origin}/oparl/body/kamen/papers` }
		});
		expect(await refusal(findPapersByReference(f, body, 'DS 2027/017'))).toMatch(
			/schon gelesene Seite/
		);
	});

	it('reads the path: committee held, council scheduled', async () => {
		const path = await readPaperPath(fetcher(), `${server.origin}/oparl/paper/17`);
		expect(path.paper.reference).toBe('DS 2027/017');
		expect(path.consultations.map((c) => [c.organizationName, c.agendaItem?.result])).toEqual([
			['Ausschuss für Soziales und Familie', 'empfohlen'],
			['Rat der Stadt Kamen', null]
		]);
	});
});

describe('the mapping', () => {
	it('reads free-text results robustly', () => {
		const cases: [string, ReturnType<typeof classifyResult>][] = [
			['beschlossen', 'beschlossen'],
			['Ungeändert beschlossen', 'beschlossen'],
			['einstimmig beschlossen', 'beschlossen'],
			['mit Änderungen beschlossen', 'beschlossen-mit-aenderungen'],
			['Geändert beschlossen', 'beschlossen-mit-aenderungen'],
			['beispielris:vocab/decided_modified', 'beschlossen-mit-aenderungen'],
			['abgelehnt', 'abgelehnt'],
			['Nicht beschlossen', 'abgelehnt'],
			['vertagt', 'vertagt'],
			['zurückgestellt', 'vertagt'],
			['von der Tagesordnung abgesetzt', 'vertagt'],
			['zur Kenntnis genommen', null],
			['empfohlen', null]
		];
		for (const [text, stage] of cases) expect([text, classifyResult(text)]).toEqual([text, stage]);
	});

	it('proposes the committee step and the council date, then the decision', async () => {
		const now = new Date();
		const before = proposeSteps(
			await readPaperPath(fetcher(), `${server.origin}/oparl/paper/17`),
			now
		);
		expect(before.steps.map((s) => [s.kind, s.stage, s.bodyName])).toEqual([
			['step', 'im-ausschuss', 'Ausschuss für Soziales und Familie'],
			['plan', 'vorlage-im-rat', 'Rat der Stadt Kamen']
		]);
		expect(before.steps[1].news).toMatch(/^Rat der Stadt Kamen: Sitzung am .* terminiert$/);
		councilDecided(server, now);
		const after = proposeSteps(
			await readPaperPath(fetcher(), `${server.origin}/oparl/paper/17`),
			now
		);
		const decision = after.steps[1];
		expect([decision.kind, decision.stage]).toEqual(['step', 'beschlossen']);
		expect(decision.resolutionUrl).toBe(`${server.origin}/oparl/file/5/zugriff`);
		expect(decision.note).toContain('Ergebnis: ungeändert beschlossen.');
		councilDecided(server, now, 'zur Kenntnis genommen');
		const unknown = proposeSteps(
			await readPaperPath(fetcher(), `${server.origin}/oparl/paper/17`),
			now
		);
		expect(unknown.steps.map((s) => s.stage)).toEqual(['im-ausschuss']);
		expect(unknown.notices.map((n) => n.news)).toEqual([
			'Rat der Stadt Kamen: Ergebnis: zur Kenntnis genommen (nicht zugeordnet)'
		]);
	});
});

describe('a cancelled meeting', () => {
	it('proposes nothing and says so', async () => {
		server.patch('/oparl/meeting/2', { cancelled: true });
		const proposals = proposeSteps(
			await readPaperPath(fetcher(), `${server.origin}/oparl/paper/17`),
			new Date()
		);
		expect(proposals.steps.map((s) => s.stage)).toEqual(['im-ausschuss']);
		expect(proposals.notices.map((n) => n.news)).toEqual([
			expect.stringMatching(/^Rat der Stadt Kamen: Sitzung am .* abgesagt$/)
		]);
		server.patch('/oparl/meeting/2', { cancelled: false, meetingState: 'abgesagt' });
		const byState = proposeSteps(
			await readPaperPath(fetcher(), `${server.origin}/oparl/paper/17`),
			new Date()
		);
		expect(byState.steps.map((s) => s.stage)).toEqual(['im-ausschuss']);
	});
});

describe('linking, syncing and confirming', () => {
	const dataDirs: string[] = [];
	afterAll(() => {
		for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
	});

	function setup() {
		const db = createTestDatabase();
		runSeeds(db, [organisationsSeed()]);
		db.insert(user)
			.values({ id: 'sina', email: 'sina@kamen.de', name: 'Sina', passwordHash: 'x' })
			.run();
		const kamen = findOrganisationBySlug(db, 'kamen')!;
		db.insert(membership)
			.values({ userId: 'sina', organisationId: kamen.id, roles: ['signatory'] })
			.run();
		const doc = createDocument(db, { title: 'Leitbild', kind: 'leitbild', createdBy: null });
		appendUpdate(db, doc.id, yjsUpdateFromJSON(markdownToDocument('Armut schränkt ein.')));
		const frozen = freezeVersion(db, { documentId: doc.id, name: 'Entwurf', userId: null });
		if (!frozen.ok) throw new Error(frozen.message);
		const dataDir = mkdtempSync(path.join(tmpdir(), 'oparl-'));
		dataDirs.push(dataDir);
		return { db, kamen, doc, version: frozen.version, dataDir };
	}

	it('proposes Kamen’s body by its AGS', async () => {
		const { kamen } = setup();
		const choices = await bodyChoices(settings, server.systemUrl, kamen);
		expect(choices.ok && choices.value.map((c) => [c.name, c.matches])).toEqual([
			['Stadt Bergkamen', false],
			['Stadt Kamen', true]
		]);
	});

	it('links, confirms, and a later result arrives through the sync', async () => {
		const { db, kamen, doc, version, dataDir } = setup();
		saveConnection(db, {
			organisationId: kamen.id,
			systemUrl: server.systemUrl,
			bodyUrl: `${server.origin}/oparl/body/kamen`,
			bodyName: 'Stadt Kamen',
			userId: 'sina'
		});
		const link = {
			documentId: doc.id,
			organisationId: kamen.id,
			versionId: version.id,
			userId: 'sina'
		};
		const linked = await linkPaperFromSystem(db, settings, { ...link, paper: 'DS 2027/017' });
		expect(linked.ok).toBe(true);
		const again = await linkPaperFromSystem(db, settings, {
			...link,
			paper: `${server.origin}/ris/vo020?VOLFDNR=17`
		});
		expect(again).toEqual({
			ok: false,
			message: 'Diese Drucksache ist mit dem Dokument schon verknüpft.'
		});
		const proposals = listProposals(db, doc.id, kamen.id);
		expect(proposals.map((p) => [p.kind, p.stage, p.state])).toEqual([
			['step', 'im-ausschuss', 'open'],
			['plan', 'vorlage-im-rat', 'open']
		]);
		expect(db.select().from(adoptionStep).all()).toHaveLength(0);

		const ids = { documentId: doc.id, organisationId: kamen.id, userId: 'sina' };
		const committee = proposals[0];
		expect(
			confirmProposal(db, dataDir, {
				...ids,
				proposalId: committee.id,
				date: committee.date,
				bodyName: 'Sozialausschuss'
			})
		).toEqual({ ok: true, message: 'Der Schritt ist erfasst.' });
		const steps = listSteps(db, doc.id, kamen.id);
		expect(steps.map((s) => [s.stage, s.bodyName, s.paperNumber])).toEqual([
			['im-ausschuss', 'Sozialausschuss', 'DS 2027/017']
		]);
		const plan = proposals[1];
		confirmProposal(db, dataDir, {
			...ids,
			proposalId: plan.id,
			date: plan.date,
			bodyName: plan.bodyName
		});
		expect(currentPlans(db, doc.id).map((p) => [p.stage, p.plannedOn])).toEqual([
			['vorlage-im-rat', plan.date]
		]);
		expect(
			confirmProposal(db, dataDir, { ...ids, proposalId: plan.id, date: plan.date, bodyName: 'x' })
				.ok
		).toBe(false);

		councilDecided(server);
		const synced = await syncOrganisation(db, settings, kamen.id);
		expect(synced).toEqual({ ok: true, added: 1 });
		expect(listNews(db, doc.id, kamen.id)[0].text).toMatch(
			/^Rat der Stadt Kamen: Ergebnis: ungeändert beschlossen \(Beschlossen\) – bitte bestätigen$/
		);
		const decision = listProposals(db, doc.id, kamen.id).find((p) => p.state === 'open')!;
		expect(decision.stage).toBe('beschlossen');
		expect((await syncOrganisation(db, settings, kamen.id)).ok).toBe(true);
		expect(listProposals(db, doc.id, kamen.id)).toHaveLength(3);
		expect(dismissProposal(db, { ...ids, proposalId: decision.id }).ok).toBe(true);
		expect(db.select().from(adoptionStep).all()).toHaveLength(1);
	});

	it('keeps a failed sync’s message and changes nothing else', async () => {
		const { db, kamen, doc, version } = setup();
		saveConnection(db, {
			organisationId: kamen.id,
			systemUrl: server.systemUrl,
			bodyUrl: `${server.origin}/oparl/body/kamen`,
			bodyName: 'Stadt Kamen',
			userId: 'sina'
		});
		await linkPaperFromSystem(db, settings, {
			documentId: doc.id,
			organisationId: kamen.id,
			versionId: version.id,
			userId: 'sina',
			paper: `${server.origin}/oparl/paper/17`
		});
		const proposalsBefore = db.select().from(oparlProposal).all();
		councilDecided(server);
		server.patch('/oparl/agendaitem/21', {
			resolutionFile: 'https://ris.example.org/oparl/file/5'
		});
		const failed = await syncOrganisation(db, settings, kamen.id);
		expect(failed.ok).toBe(false);
		expect(!failed.ok && failed.message).toMatch(/liegt nicht auf dem Server/);
		expect(db.select().from(oparlProposal).all()).toEqual(proposalsBefore);
		expect(db.select().from(adoptionPlan).all()).toHaveLength(0);
		const refused = await linkPaperFromSystem(
			db,
			{ ...settings, allowPrivateNetworks: false },
			{
				documentId: doc.id,
				organisationId: kamen.id,
				versionId: version.id,
				userId: 'sina',
				paper: 'DS 2027/001'
			}
		);
		expect(!refused.ok && refused.message).toMatch(/OPARL_ALLOW_PRIVATE_NETWORKS/);
	});

	it('after the first sync reads only the lists modified since the last start, and a later result through them', async () => {
		const { db, kamen, doc, version } = setup();
		saveConnection(db, {
			organisationId: kamen.id,
			systemUrl: server.systemUrl,
			bodyUrl: `${server.origin}/oparl/body/kamen`,
			bodyName: 'Stadt Kamen',
			userId: 'sina'
		});
		await linkPaperFromSystem(db, settings, {
			documentId: doc.id,
			organisationId: kamen.id,
			versionId: version.id,
			userId: 'sina',
			paper: 'DS 2027/017'
		});
		const sync = async (now = new Date()) => {
			const since = findConnection(db, kamen.id)!.lastSyncAt;
			server.requests.length = 0;
			const result = await syncOrganisation(db, settings, kamen.id, now);
			expect(findConnection(db, kamen.id)!.lastSyncAt).toEqual(now);
			const asked = since && new Date(since.getTime() - clockMarginMs);
			return { result, since: asked && encodeURIComponent(asked.toISOString()) };
		};
		const modifiedLists = (since: string | null) => [
			'/oparl/body/kamen',
			`/oparl/body/kamen/papers?modified_since=${since}`,
			`/oparl/body/kamen/papers?page=2&modified_since=${since}`,
			`/oparl/body/kamen/meetings?modified_since=${since}`,
			`/oparl/body/kamen/agendaitems?modified_since=${since}`
		];

		// The first sync after linking reads the whole path, asking for no list.
		const first = await sync();
		expect(first.result).toEqual({ ok: true, added: 0 });
		expect(server.requests).toContain('/oparl/paper/17');
		expect(server.requests.some((p) => p.includes('modified_since'))).toBe(false);

		// Nothing changed: only the lists (page by page), filtered, and no paper path.
		const quiet = await sync();
		expect(quiet.result).toEqual({ ok: true, added: 0 });
		expect(server.requests).toEqual(modifiedLists(quiet.since));

		// Another paper changed: it is on the list, but no linked paper's path is read.
		server.patch('/oparl/paper/1', { name: 'Haushaltssatzung, geändert' });
		const elsewhere = await sync();
		expect(server.requests).toEqual(modifiedLists(elsewhere.since));

		// The council decided: the modified meeting and agenda item lead to the paper's path.
		councilDecided(server);
		const decided = await sync();
		expect(decided.result).toEqual({ ok: true, added: 1 });
		expect(server.requests.slice(0, 5)).toEqual(modifiedLists(decided.since));
		expect(server.requests).toContain('/oparl/paper/17');
		expect(listProposals(db, doc.id, kamen.id).map((p) => p.stage)).toContain('beschlossen');

		// A broken filtered list fails like any other read and changes nothing.
		const connectionBefore = findConnection(db, kamen.id)!;
		server.raw('/oparl/body/kamen/agendaitems', '<html>Wartung</html>');
		const broken = await syncOrganisation(db, settings, kamen.id);
		expect(!broken.ok && broken.message).toMatch(/kein gültiges JSON/);
		expect(findConnection(db, kamen.id)!.lastSyncAt).toEqual(connectionBefore.lastSyncAt);
	});

	it('reads every path once a day, for systems whose modification dates are wrong', async () => {
		const { db, kamen, doc, version } = setup();
		saveConnection(db, {
			organisationId: kamen.id,
			systemUrl: server.systemUrl,
			bodyUrl: `${server.origin}/oparl/body/kamen`,
			bodyName: 'Stadt Kamen',
			userId: 'sina'
		});
		await linkPaperFromSystem(db, settings, {
			documentId: doc.id,
			organisationId: kamen.id,
			versionId: version.id,
			userId: 'sina',
			paper: 'DS 2027/017'
		});
		const start = new Date();
		expect((await syncOrganisation(db, settings, kamen.id, start)).ok).toBe(true);
		// The result arrives with the old modification date, so the filtered lists miss it.
		const old = findConnection(db, kamen.id)!.lastSyncAt!;
		const stale = new Date(old.getTime() - 86_400_000).toISOString();
		councilDecided(server);
		server.patch('/oparl/meeting/2', { modified: stale });
		server.patch('/oparl/agendaitem/21', { modified: stale });
		const later = new Date(start.getTime() + 60_000);
		expect(await syncOrganisation(db, settings, kamen.id, later)).toEqual({ ok: true, added: 0 });
		const nextDay = new Date(start.getTime() + 24 * 3_600_000);
		server.requests.length = 0;
		expect(await syncOrganisation(db, settings, kamen.id, nextDay)).toEqual({
			ok: true,
			added: 1
		});
		expect(server.requests).toContain('/oparl/paper/17');
		expect(server.requests.some((p) => p.includes('modified_since'))).toBe(false);
		expect(findConnection(db, kamen.id)!.lastFullSyncAt).toEqual(nextDay);

		// Saving the connection again (perhaps another system) makes the next sync read every path.
		saveConnection(db, {
			organisationId: kamen.id,
			systemUrl: server.systemUrl,
			bodyUrl: `${server.origin}/oparl/body/kamen`,
			bodyName: 'Stadt Kamen',
			userId: 'sina'
		});
		server.requests.length = 0;
		const afterSave = new Date(nextDay.getTime() + 60_000);
		expect((await syncOrganisation(db, settings, kamen.id, afterSave)).ok).toBe(true);
		expect(server.requests).toContain('/oparl/paper/17');
		expect(server.requests.some((p) => p.includes('modified_since'))).toBe(false);
	});

	it('syncs in the background every OPARL_SYNC_MINUTES, and not at all with 0', async () => {
		const { db, kamen, doc, version } = setup();
		saveConnection(db, {
			organisationId: kamen.id,
			systemUrl: server.systemUrl,
			bodyUrl: `${server.origin}/oparl/body/kamen`,
			bodyName: 'Stadt Kamen',
			userId: 'sina'
		});
		await linkPaperFromSystem(db, settings, {
			documentId: doc.id,
			organisationId: kamen.id,
			versionId: version.id,
			userId: 'sina',
			paper: 'DS 2027/017'
		});
		expect(startOparlSync(db, { ...settings, syncMinutes: 0 })).toBeNull();
		councilDecided(server);
		vi.useFakeTimers({ toFake: ['setInterval'] });
		const timer = startOparlSync(db, { ...settings, syncMinutes: 5 });
		try {
			expect(listProposals(db, doc.id, kamen.id).map((p) => p.stage)).not.toContain('beschlossen');
			vi.advanceTimersByTime(5 * 60_000);
			await vi.waitFor(() =>
				expect(listProposals(db, doc.id, kamen.id).map((p) => p.stage)).toContain('beschlossen')
			);
		} finally {
			clearInterval(timer!);
			vi.useRealTimers();
		}
	});
});
