import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { toBase64 } from 'lib0/buffer';
import { planStep } from '../adoption/plans';
import { recordStep } from '../adoption/steps';
import { appendUpdate } from '../collab/update-store';
import { createComment, replyToComment } from '../comments/comments';
import { mailOutbox, membership, organisation, user } from '../db/schema';
import { createTestDatabase } from '../db/test-database';
import { yjsUpdateFromJSON } from '../documents/document-state';
import { createDocument } from '../documents/documents';
import { markdownToDocument } from '../documents/markdown';
import { freezeVersion } from '../documents/versions';
import { recordActivity } from '../documents/activity';
import { setMailPreference } from '../mail/outbox';
import {
	createProposal,
	decideProposal,
	replyToProposal,
	type ChangeText,
	type ReadText
} from '../proposals/proposals';
import { queueAdoptionReminders } from './adoption-reminders';
import { runDailyCheck } from './daily-check';
import { queueWeeklyDigests } from './weekly-digest';

// 14:00 in Berlin on Monday, 8 March 2027.
const now = new Date('2027-03-08T13:00:00Z');

const dataDirs: string[] = [];

beforeEach(() => {
	vi.stubEnv('SMTP_URL', 'smtp://127.0.0.1:2525');
	vi.stubEnv('SMTP_FROM', 'werkstatt@kreis-unna.de');
	vi.stubEnv('ORIGIN', 'https://leitbild.kreis-unna.de');
});
afterEach(() => {
	vi.unstubAllEnvs();
	for (const dir of dataDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const sentence = 'Armut betrifft viele Familien im Kreis.';

function setup() {
	const db = createTestDatabase();
	db.insert(organisation)
		.values([
			{ id: 'kreis', slug: 'kreis-unna', name: 'Kreis Unna', shortName: 'Kreis', kind: 'kreis' },
			{
				id: 'kamen',
				slug: 'kamen',
				name: 'Stadt Kamen',
				shortName: 'Kamen',
				kind: 'kommune',
				adopting: true
			}
		])
		.run();
	const people = [
		['anna', 'Anna Schmidt', 'kamen', ['viewer']],
		['anna2', 'Anna Müller', 'kamen', ['viewer']],
		['ben', 'Ben Brandt', 'kamen', ['editor']],
		['carla', 'Carla Cordes', 'kamen', ['viewer']],
		['sina', 'Sina Zeichnung', 'kamen', ['signatory']],
		['mia', 'Mia Manager', 'kamen', ['manager']],
		['eva', 'Eva Editor', 'kreis', ['editor']]
	] as const;
	for (const [id, name, organisationId, roles] of people) {
		db.insert(user)
			.values({ id, email: `${id}@kreis-unna.test`, name, passwordHash: 'x' })
			.run();
		db.insert(membership)
			.values({ userId: id, organisationId, roles: [...roles] })
			.run();
	}
	// Gone: her membership ended, so she may no longer read the documents.
	db.insert(user)
		.values({ id: 'gitta', email: 'gitta@kreis-unna.test', name: 'Gitta Gone', passwordHash: 'x' })
		.run();
	db.insert(membership)
		.values({ userId: 'gitta', organisationId: 'kamen', roles: ['editor'], deactivatedAt: now })
		.run();
	const doc = createDocument(db, { title: 'Leitbild', kind: 'leitbild', createdBy: null });
	const ydoc = new Y.Doc();
	Y.applyUpdate(ydoc, yjsUpdateFromJSON(markdownToDocument(sentence)));
	appendUpdate(db, doc.id, Y.encodeStateAsUpdate(ydoc));
	const anchor = (index: number) => {
		const paragraph = ydoc.getXmlFragment('default').get(0) as Y.XmlElement;
		const text = paragraph.get(0) as Y.XmlText;
		return toBase64(
			Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, index, -1))
		);
	};
	const comment = (authorId: string, body: string) => {
		const result = createComment(
			db,
			{
				documentId: doc.id,
				authorId,
				anchorStart: anchor(0),
				anchorEnd: anchor(5),
				quote: 'Armut',
				body
			},
			now
		);
		if (!result.ok) throw new Error(result.message);
		return result.threadId;
	};
	const reply = (threadId: string, authorId: string, body: string) => {
		const result = replyToComment(db, { documentId: doc.id, threadId, authorId, body }, now);
		if (!result.ok) throw new Error(result.message);
	};
	const read: ReadText = (_id, fn) => fn(ydoc);
	const change: ChangeText = (_id, edit) => Y.transact(ydoc, () => edit(ydoc));
	const mails = () =>
		db
			.select()
			.from(mailOutbox)
			.orderBy(sql`rowid`)
			.all()
			.map((row) => ({ kind: row.kind, to: row.userId, subject: row.subject, text: row.textBody }));
	return { db, doc, comment, reply, read, change, anchor, mails };
}

describe('mentions and replies', () => {
	it('mails the people a comment mentions, not the writer, nobody who may not read it', () => {
		const { comment, mails } = setup();
		comment('ben', '@Anna Schmidt, @Carla und @Ben Brandt: passt das? Auch @Gitta Gone?');
		const sent = mails();
		expect(sent.map((mail) => [mail.kind, mail.to])).toEqual([
			['mention', 'anna'],
			['mention', 'carla']
		]);
		expect(sent[0].subject).toBe('Ben Brandt hat Sie in „Leitbild“ erwähnt');
		expect(sent[0].text).toContain('„@Anna Schmidt, @Carla und @Ben Brandt: passt das?');
		expect(sent[0].text).toMatch(
			/https:\/\/leitbild\.kreis-unna\.de\/dokumente\/leitbild[^#\s]*#kommentar-[0-9a-f-]{36}/
		);
		expect(sent[0].text).toMatch(
			/https:\/\/leitbild\.kreis-unna\.de\/e-mail-abbestellen\/anna\.mention\.[0-9a-f]{32}/
		);
	});

	it('mentions nobody for an ambiguous name', () => {
		const { comment, mails } = setup();
		comment('ben', '@Anna, was meinen Sie?');
		expect(mails()).toEqual([]);
	});

	it('mails a reply to the thread’s author and earlier writers once each, mentions as mentions', () => {
		const { comment, reply, mails } = setup();
		const thread = comment('anna', 'Fehlt hier etwas?');
		reply(thread, 'carla', 'Ja, die Familien.');
		reply(thread, 'anna', 'Danke!');
		const before = mails().length;
		reply(thread, 'ben', 'Ich ergänze es, @Carla.');
		const last = mails().slice(before);
		expect(last.map((mail) => [mail.kind, mail.to])).toEqual([
			['mention', 'carla'],
			['comment-reply', 'anna']
		]);
		expect(last[1].subject).toBe('Neue Antwort in „Leitbild“');
	});

	it('respects a person’s choice and sends nothing while mail is off', () => {
		const { db, comment, mails } = setup();
		setMailPreference(db, 'anna', 'mention', false);
		comment('ben', '@Anna Schmidt und @Carla Cordes');
		expect(mails().map((mail) => mail.to)).toEqual(['carla']);
		vi.stubEnv('SMTP_URL', '');
		comment('ben', '@Carla Cordes');
		expect(mails()).toHaveLength(1);
	});
});

describe('proposal decisions', () => {
	it('mails the author when an editor decides, not when the author decides themselves', () => {
		const { db, doc, read, change, anchor, mails } = setup();
		const propose = (authorId: string) => {
			const result = createProposal(db, read, {
				documentId: doc.id,
				authorId,
				organisationId: 'kamen',
				anchorStart: anchor(21),
				anchorEnd: anchor(29),
				text: 'Kinder',
				reason: ''
			});
			if (!result.ok) throw new Error(result.message);
			return result.proposalId;
		};
		const decide = (proposalId: string, userId: string, decision: 'accept' | 'reject') =>
			decideProposal(db, change, { documentId: doc.id, proposalId, userId, decision }, now);
		expect(decide(propose('anna'), 'ben', 'reject').ok).toBe(true);
		expect(decide(propose('ben'), 'ben', 'reject').ok).toBe(true);
		expect(decide(propose('anna'), 'eva', 'accept').ok).toBe(true);
		const sent = mails();
		expect(sent.map((mail) => [mail.kind, mail.to, mail.subject])).toEqual([
			['proposal-decision', 'anna', 'Ihr Vorschlag zu „Leitbild“ wurde abgelehnt'],
			['proposal-decision', 'anna', 'Ihr Vorschlag zu „Leitbild“ wurde angenommen']
		]);
		expect(sent[1].text).toContain('Eva Editor hat Ihren Änderungsvorschlag');
		expect(sent[1].text).toContain('Statt „Familien“: „Kinder“');
	});
});

describe('proposal discussions', () => {
	it('mails a reply to the proposal’s author, linked to the proposal', () => {
		const { db, doc, read, anchor, mails } = setup();
		const proposed = createProposal(db, read, {
			documentId: doc.id,
			authorId: 'anna',
			organisationId: 'kamen',
			anchorStart: anchor(21),
			anchorEnd: anchor(29),
			text: 'Kinder',
			reason: ''
		});
		if (!proposed.ok) throw new Error(proposed.message);
		const replied = replyToProposal(
			db,
			{ documentId: doc.id, proposalId: proposed.proposalId, authorId: 'ben', body: 'Gute Idee.' },
			now
		);
		expect(replied.ok).toBe(true);
		const [mail] = mails();
		expect([mail.kind, mail.to]).toEqual(['comment-reply', 'anna']);
		expect(mail.text).toContain(
			'Ben Brandt hat im Dokument „Leitbild“ auf einen Änderungsvorschlag'
		);
		expect(mail.text).toContain(`#vorschlag-${proposed.proposalId}`);
	});
});

describe('adoption reminders', () => {
	function withPlan() {
		const context = setup();
		const { db, doc } = context;
		const result = freezeVersion(db, { documentId: doc.id, name: 'Entwurf', userId: null });
		if (!result.ok) throw new Error(result.message);
		const plan = (plannedOn: string) =>
			expect(
				planStep(
					db,
					{
						documentId: doc.id,
						organisationId: 'kamen',
						stage: 'vorlage-im-rat',
						plannedOn,
						bodyName: 'Rat der Stadt Kamen',
						userId: 'sina'
					},
					now
				)
			).toEqual({ ok: true });
		return { ...context, plan, versionId: result.version.id };
	}

	it('reminds signatories and managers once before the date, again for a new date', () => {
		const { db, plan, mails } = withPlan();
		plan('2027-03-20');
		expect(queueAdoptionReminders(db, 7, now)).toBe(0);
		plan('2027-03-12');
		expect(queueAdoptionReminders(db, 7, now)).toBe(2);
		expect(queueAdoptionReminders(db, 7, now)).toBe(0);
		const sent = mails();
		expect(sent.map((mail) => [mail.kind, mail.to])).toEqual([
			['adoption-reminder', 'mia'],
			['adoption-reminder', 'sina']
		]);
		expect(sent[0].subject).toBe('Termin am 12.03.2027: Entscheidung im Rat zu „Leitbild“');
		expect(sent[0].text).toContain('/beschluesse/leitbild/kamen');
		plan('2027-03-11');
		expect(queueAdoptionReminders(db, 7, now)).toBe(2);
	});

	it('reminds once when the date has passed without the step, and not once it is recorded', () => {
		const { db, doc, plan, mails, versionId } = withPlan();
		plan('2027-03-05');
		expect(queueAdoptionReminders(db, 7, now)).toBe(2);
		expect(mails()[0].subject).toBe(
			'Überfällig: Entscheidung im Rat zu „Leitbild“ war für den 05.03.2027 geplant'
		);
		plan('2027-03-09');
		const dataDir = mkdtempSync(path.join(tmpdir(), 'reminders-'));
		dataDirs.push(dataDir);
		const recorded = recordStep(
			db,
			dataDir,
			{
				documentId: doc.id,
				organisationId: 'kamen',
				stage: 'beschlossen',
				versionId,
				decidedOn: '2027-03-08',
				bodyName: 'Rat der Stadt Kamen',
				paperNumber: 'DS 12/2027',
				paperUrl: '',
				note: '',
				correctsStepId: null,
				userId: 'sina',
				resolution: null
			},
			now
		);
		expect(recorded.ok).toBe(true);
		expect(queueAdoptionReminders(db, 7, now)).toBe(0);
	});
});

describe('weekly digest', () => {
	it('goes to those who ordered it, about documents they work on, once a week, never empty', () => {
		const { db, doc, comment, mails } = setup();
		const week = '2027-W10';
		const earlier = new Date(now.getTime() - 3 * 24 * 60 * 60 * 1000);
		recordActivity(db, {
			documentId: doc.id,
			kind: 'status',
			userId: 'carla',
			at: earlier,
			detail: 'in-abstimmung'
		});
		setMailPreference(db, 'carla', 'weekly-digest', true);
		setMailPreference(db, 'sina', 'weekly-digest', true);
		// Nothing by others yet: no mail for Carla; Sina works on nothing.
		expect(queueWeeklyDigests(db, now, week)).toBe(0);
		comment('ben', 'Bitte den zweiten Satz prüfen.');
		expect(queueWeeklyDigests(db, now, week)).toBe(1);
		expect(queueWeeklyDigests(db, now, week)).toBe(0);
		const digest = mails().find((mail) => mail.kind === 'weekly-digest')!;
		expect(digest.to).toBe('carla');
		expect(digest.subject).toBe('Wochenrückblick: Änderungen an „Leitbild“');
		expect(digest.text).toContain('„Leitbild“ (1 Änderung):');
		expect(digest.text).toContain('– Ben Brandt hat einen Kommentar geschrieben');
		expect(digest.text).not.toContain('Carla Cordes hat');
	});

	it('is sent by the daily check from its weekday on, and not before', () => {
		const { db, doc, comment, mails } = setup();
		recordActivity(db, {
			documentId: doc.id,
			kind: 'status',
			userId: 'carla',
			at: now,
			detail: 'entwurf'
		});
		setMailPreference(db, 'carla', 'weekly-digest', true);
		comment('ben', 'Neu.');
		runDailyCheck(db, { reminderDaysBefore: 7, digestWeekday: 3 }, now);
		expect(mails().filter((mail) => mail.kind === 'weekly-digest')).toEqual([]);
		runDailyCheck(db, { reminderDaysBefore: 7, digestWeekday: 1 }, now);
		expect(mails().filter((mail) => mail.kind === 'weekly-digest')).toHaveLength(1);
	});
});
