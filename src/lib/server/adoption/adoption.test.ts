import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { appendUpdate } from '../collab/update-store';
import { adoptionPlan, adoptionStep, auditEntry, document, membership, user } from '../db/schema';
import { runSeeds } from '../db/seeds';
import { createTestDatabase } from '../db/test-database';
import { yjsUpdateFromJSON } from '../documents/document-state';
import { createDocument, deleteDocument } from '../documents/documents';
import { markdownToDocument } from '../documents/markdown';
import { freezeVersion } from '../documents/versions';
import { findOrganisationBySlug } from '../workspace/organisations';
import { organisationsSeed } from '../workspace/organisations-seed';
import { berlinToday, isCalendarDate } from './calendar';
import { adoptionCsv } from './exports';
import { adoptionOverview } from './overview';
import { planHistory, planStep } from './plans';
import { isPublished, setPublished } from './publication';
import { signatoryReminders } from './reminders';
import { checkResolutionUpload, readResolution, resolutionMaxBytes } from './resolution-files';
import { recordStep, stepHistory, listSteps, type StepInput } from './steps';

// 14:00 in Berlin on 10 March 2027.
const now = new Date('2027-03-10T13:00:00Z');

const dataDirs: string[] = [];
afterEach(() => {
	for (const dir of dataDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function setup() {
	const db = createTestDatabase();
	runSeeds(db, [organisationsSeed()]);
	db.insert(user)
		.values({ id: 'sina', email: 'sina@kamen.de', name: 'Sina Zeichnung', passwordHash: 'x' })
		.run();
	const kamen = findOrganisationBySlug(db, 'kamen')!;
	const unna = findOrganisationBySlug(db, 'unna')!;
	db.insert(membership)
		.values({ userId: 'sina', organisationId: kamen.id, roles: ['signatory'] })
		.run();
	const doc = createDocument(db, { title: 'Leitbild', kind: 'leitbild', createdBy: null });
	const other = createDocument(db, { title: 'Anderes', kind: 'sonstiges', createdBy: null });
	const freeze = (documentId: string, text: string, name: string) => {
		appendUpdate(db, documentId, yjsUpdateFromJSON(markdownToDocument(text)));
		const result = freezeVersion(db, { documentId, name, userId: null });
		if (!result.ok) throw new Error(result.message);
		return result.version;
	};
	const v1 = freeze(doc.id, 'Armut schränkt Chancen ein.', 'Entwurf');
	const dataDir = mkdtempSync(path.join(tmpdir(), 'adoption-'));
	dataDirs.push(dataDir);
	const step = (fields: Partial<StepInput> = {}): StepInput => ({
		documentId: doc.id,
		organisationId: kamen.id,
		stage: 'in-vorbereitung',
		versionId: v1.id,
		decidedOn: '2027-03-01',
		bodyName: 'Verwaltung',
		paperNumber: '',
		paperUrl: '',
		note: '',
		correctsStepId: null,
		userId: 'sina',
		resolution: null,
		...fields
	});
	return { db, doc, other, kamen, unna, v1, freeze, dataDir, step };
}

describe('calendar', () => {
	it('counts days in Berlin and knows real dates', () => {
		// 23:30 UTC on 31 December is already New Year in Berlin.
		expect(berlinToday(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
		expect(isCalendarDate('2027-02-28')).toBe(true);
		expect(isCalendarDate('2027-02-31')).toBe(false);
		expect(isCalendarDate('01.03.2027')).toBe(false);
	});
});

describe('recording adoption steps', () => {
	it('records steps in order and keeps each as history with before and after', () => {
		const { db, doc, kamen, step, dataDir } = setup();
		expect(recordStep(db, dataDir, step(), now).ok).toBe(true);
		expect(
			recordStep(
				db,
				dataDir,
				step({ stage: 'im-ausschuss', decidedOn: '2027-03-05', bodyName: 'Sozialausschuss' }),
				now
			).ok
		).toBe(true);
		const steps = listSteps(db, doc.id, kamen.id);
		const history = stepHistory(steps);
		expect(history.map((h) => [h.before?.stage ?? null, h.step.stage])).toEqual([
			[null, 'in-vorbereitung'],
			['in-vorbereitung', 'im-ausschuss']
		]);
		expect(history[1].step).toMatchObject({ bodyName: 'Sozialausschuss', recordedBy: 'sina' });
		const overview = adoptionOverview(db, doc.id, now);
		const row = overview.bodies.find((b) => b.organisation.slug === 'kamen')!;
		expect(row.stage).toBe('im-ausschuss');
		expect(overview.bodies).toHaveLength(11);
		expect(overview.bodies.filter((b) => b.stage === 'nicht-begonnen')).toHaveLength(10);
	});

	it('refuses every bad input the issue lists, writing nothing', () => {
		const { db, other, step, dataDir, freeze } = setup();
		const foreign = freeze(other.id, 'Anderer Text.', 'Fremd');
		const refusals: [Partial<StepInput>, RegExp][] = [
			[{ versionId: 'nicht-festgehalten' }, /festgehaltene Fassung/],
			[{ versionId: foreign.id }, /anderen Dokument/],
			[{ decidedOn: '2027-03-11' }, /Zukunft/],
			[{ decidedOn: '2027-02-30' }, /Datum/],
			[{ stage: 'beschlossen', bodyName: 'Rat', paperNumber: ' ' }, /Drucksache/],
			[{ stage: 'vorlage-im-rat', bodyName: 'Rat' }, /Drucksache/],
			[
				{ stage: 'beschlossen-mit-aenderungen', bodyName: 'Rat', paperNumber: 'DS 12/2027' },
				/was der Rat am Text geändert hat/
			],
			[{ bodyName: '  ' }, /Gremium/],
			[{ paperUrl: 'javascript:alert(1)' }, /https:\/\//],
			[{ stage: 'fertig' }, /Schritt/],
			[{ stage: 'nicht-begonnen' }, /Schritt/],
			[{ correctsStepId: 999 }, /gehört nicht/]
		];
		for (const [fields, message] of refusals) {
			const result = recordStep(db, dataDir, step({ ...fields, resolution: pdfUpload() }), now);
			expect(result.ok, JSON.stringify(fields)).toBe(false);
			if (!result.ok) expect(result.message).toMatch(message);
		}
		expect(db.select().from(adoptionStep).all()).toHaveLength(0);
		expect(readdirSync(dataDir)).toEqual([]);
	});

	it('accepts a decision today in Berlin, with paper, link, note and resolution PDF', () => {
		const { db, doc, kamen, step, dataDir } = setup();
		const result = recordStep(
			db,
			dataDir,
			step({
				stage: 'beschlossen-mit-aenderungen',
				decidedOn: '2027-03-10',
				bodyName: 'Rat',
				paperNumber: 'DS 12/2027',
				paperUrl: 'https://ratsinfo.kamen.de/oparl/paper/12',
				note: 'Absatz 3 um Familien ergänzt.',
				resolution: pdfUpload()
			}),
			now
		);
		expect(result.ok).toBe(true);
		const [stored] = db.select().from(adoptionStep).all();
		expect(stored.resolutionFile).toMatch(/\.pdf$/);
		expect(readResolution(dataDir, stored.resolutionFile!)?.subarray(0, 5).toString()).toBe(
			'%PDF-'
		);
		const overview = adoptionOverview(db, doc.id, now);
		expect(overview.adoptedCount).toBe(1);
		expect(overview.bodies.find((b) => b.organisation.id === kamen.id)?.current).toMatchObject({
			paperNumber: 'DS 12/2027',
			hasResolution: true
		});
	});

	it('keeps the records append-only: no update, no delete, corrections are new records', () => {
		const { db, doc, kamen, step, dataDir } = setup();
		const first = recordStep(db, dataDir, step({ stage: 'im-ausschuss' }), now);
		if (!first.ok) throw new Error(first.message);
		expect(() =>
			db
				.update(adoptionStep)
				.set({ stage: 'beschlossen' })
				.where(eq(adoptionStep.id, first.stepId))
				.run()
		).toThrow(/append-only/);
		expect(() => db.delete(adoptionStep).run()).toThrow(/append-only/);
		const correction = recordStep(
			db,
			dataDir,
			step({ stage: 'in-vorbereitung', correctsStepId: first.stepId, note: 'Irrtümlich erfasst.' }),
			now
		);
		expect(correction.ok).toBe(true);
		const history = stepHistory(listSteps(db, doc.id, kamen.id));
		expect(history.map((h) => h.step.stage)).toEqual(['im-ausschuss', 'in-vorbereitung']);
		expect(history[1].step.correctsStepId).toBe(first.stepId);
		expect(history[1].before?.stage).toBe('im-ausschuss');
		// Deleting the whole document still takes its records with it.
		deleteDocument(db, doc.id);
		expect(db.select().from(adoptionStep).all()).toHaveLength(0);
		expect(db.select().from(document).where(eq(document.id, doc.id)).all()).toHaveLength(0);
	});
});

function pdf(size = 100): File {
	const bytes = Buffer.alloc(size, 0x20);
	bytes.write('%PDF-1.7\n');
	return new File([bytes], 'beschluss.pdf', { type: 'application/pdf' }) as File;
}

function pdfUpload() {
	return { bytes: Buffer.from('%PDF-1.7\n'), fileName: 'beschluss.pdf' };
}

describe('resolution uploads', () => {
	it('accepts PDFs by their first bytes and refuses other files and oversized ones', async () => {
		expect(await checkResolutionUpload(null)).toEqual({ ok: true, upload: null });
		expect(await checkResolutionUpload(new File([], ''))).toEqual({ ok: true, upload: null });
		const ok = await checkResolutionUpload(pdf());
		expect(ok.ok && ok.upload?.fileName).toBe('beschluss.pdf');
		const fake = new File(['<html>kein pdf</html>'], 'beschluss.pdf', { type: 'application/pdf' });
		expect(await checkResolutionUpload(fake)).toMatchObject({ ok: false, message: /kein PDF/ });
		expect(await checkResolutionUpload(pdf(resolutionMaxBytes + 1))).toMatchObject({
			ok: false,
			message: /höchstens 10 MB/
		});
	});
});

describe('version awareness, plans and reminders', () => {
	it('says when a newer, different version has been frozen since the body adopted', () => {
		const { db, doc, step, dataDir, freeze } = setup();
		recordStep(
			db,
			dataDir,
			step({ stage: 'beschlossen', bodyName: 'Rat', paperNumber: 'DS 1' }),
			now
		);
		const kamenRow = () =>
			adoptionOverview(db, doc.id, now).bodies.find((b) => b.organisation.slug === 'kamen')!;
		expect(kamenRow().newerVersion).toBeNull();
		freeze(doc.id, 'Armut schränkt Chancen ein. Wir handeln.', 'Zweite Lesung');
		expect(kamenRow().newerVersion).toEqual({ number: 2, name: 'Zweite Lesung' });
		expect(signatoryReminders(db, 'sina', now)).toEqual([
			{
				document: { slug: doc.slug, title: 'Leitbild' },
				organisation: { slug: 'kamen', name: 'Stadt Kamen' },
				reminders: [
					{
						kind: 'newer-version',
						stepVersionNumber: 1,
						versionNumber: 2,
						versionName: 'Zweite Lesung'
					}
				]
			}
		]);
	});

	it('shows a planned step past its date without a record as overdue, until it is recorded', () => {
		const { db, doc, kamen, unna, step, dataDir } = setup();
		expect(
			planStep(
				db,
				{
					documentId: doc.id,
					organisationId: kamen.id,
					stage: 'im-ausschuss',
					plannedOn: '2027-03-09',
					bodyName: 'Sozialausschuss',
					userId: 'sina'
				},
				now
			)
		).toEqual({ ok: true });
		planStep(
			db,
			{
				documentId: doc.id,
				organisationId: unna.id,
				stage: 'vorlage-im-rat',
				plannedOn: '2027-04-01',
				bodyName: 'Rat',
				userId: null
			},
			now
		);
		expect(
			planStep(
				db,
				{
					documentId: doc.id,
					organisationId: kamen.id,
					stage: 'im-ausschuss',
					plannedOn: '2027-13-01',
					bodyName: '',
					userId: null
				},
				now
			)
		).toMatchObject({ ok: false });
		const rows = () => adoptionOverview(db, doc.id, now).bodies;
		const kamenPlans = () => rows().find((b) => b.organisation.id === kamen.id)!.plans;
		expect(kamenPlans()).toMatchObject([
			{ stage: 'im-ausschuss', plannedOn: '2027-03-09', overdue: true }
		]);
		expect(rows().find((b) => b.organisation.id === unna.id)!.plans).toMatchObject([
			{ overdue: false }
		]);
		expect(signatoryReminders(db, 'sina', now)[0].reminders).toContainEqual({
			kind: 'overdue',
			stage: 'im-ausschuss',
			plannedOn: '09.03.2027'
		});
		recordStep(db, dataDir, step({ stage: 'im-ausschuss', decidedOn: '2027-03-09' }), now);
		expect(kamenPlans()).toEqual([]);
		planStep(
			db,
			{
				documentId: doc.id,
				organisationId: kamen.id,
				stage: 'im-ausschuss',
				plannedOn: '',
				bodyName: '',
				userId: 'sina'
			},
			now
		);
		expect(
			planHistory(db, doc.id, kamen.id).map((c) => [c.stage, c.before, c.after, c.recordedBy])
		).toEqual([
			['im-ausschuss', null, '2027-03-09', 'sina'],
			['im-ausschuss', '2027-03-09', null, 'sina']
		]);
		expect(() => db.delete(adoptionPlan).run()).toThrow(/append-only/);
	});

	it('reminds a signatory of a document with versions but no step yet', () => {
		const { db, doc } = setup();
		expect(signatoryReminders(db, 'sina', now)).toMatchObject([
			{ document: { slug: doc.slug }, reminders: [{ kind: 'not-started', versionNumber: 1 }] }
		]);
	});
});

describe('publication and export', () => {
	it('publishes and unpublishes a document', () => {
		const { db, doc } = setup();
		expect(isPublished(db, doc.id)).toBe(false);
		setPublished(db, { documentId: doc.id, published: true, userId: 'sina' });
		setPublished(db, { documentId: doc.id, published: true, userId: 'sina' });
		expect(isPublished(db, doc.id)).toBe(true);
		setPublished(db, { documentId: doc.id, published: false, userId: 'sina' });
		expect(isPublished(db, doc.id)).toBe(false);
		// Each change once in the audit log; publishing twice is one change.
		expect(
			db.select({ event: auditEntry.event, actor: auditEntry.actorUserId }).from(auditEntry).all()
		).toEqual([
			{ event: 'adoption-published', actor: 'sina' },
			{ event: 'adoption-unpublished', actor: 'sina' }
		]);
	});

	it('exports one row per body with stage, version and paper', () => {
		const { db, doc, step, dataDir } = setup();
		recordStep(
			db,
			dataDir,
			step({ stage: 'beschlossen', bodyName: 'Rat', paperNumber: '=DS 1' }),
			now
		);
		const csv = adoptionCsv(adoptionOverview(db, doc.id, now));
		const lines = csv.replace('\uFEFF', '').trim().split('\r\n');
		expect(lines).toHaveLength(12);
		const kamen = lines.find((line) => line.startsWith('Stadt Kamen'))!.split(';');
		expect(kamen.slice(0, 5)).toEqual(['Stadt Kamen', '05978020', 'Beschlossen', '1', 'Entwurf']);
		// Formula-like input is defused for spreadsheets.
		expect(kamen[8]).toBe("'=DS 1");
	});
});
