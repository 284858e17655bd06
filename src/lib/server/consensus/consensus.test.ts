import { describe, expect, it } from 'vitest';
import {
	countStances,
	countsText,
	passageHash,
	passageText,
	sectionRange,
	sectionStance,
	sectionsOf
} from '$lib/consensus';
import { isContentPassage } from '$lib/editor/passages';
import type { PmNode } from '$lib/editor/pm-node';
import { appendUpdate } from '../collab/update-store';
import { passageConsensus, user } from '../db/schema';
import { runSeeds } from '../db/seeds';
import { recordChanges } from '../db/changes-test-support';
import { createTestDatabase } from '../db/test-database';
import { listActivity } from '../documents/activity';
import { describeActivity } from '../documents/activity-text';
import { yjsUpdateFromJSON } from '../documents/document-state';
import { createDocument } from '../documents/documents';
import { markdownToDocument } from '../documents/markdown';
import { findVersion, freezeVersion } from '../documents/versions';
import { parseForm } from '../http/forms';
import { organisationsSeed } from '../workspace/organisations-seed';
import { findOrganisationBySlug } from '../workspace/organisations';
import {
	adoptingBodies,
	consensusHistory,
	consensusMarks,
	consensusSnapshot,
	openConcerns,
	parseConsensusSnapshot,
	passageConsensusOf,
	recordConsensus,
	setCountsHeadings
} from './consensus';
import { ConsensusSettingsForm, ConsentForm } from './forms';
import { eq } from 'drizzle-orm';

const markdown = '## Präambel\n\nArmut schränkt Chancen ein.\n\nWir handeln gemeinsam.';

function setup() {
	const db = createTestDatabase();
	runSeeds(db, [organisationsSeed()]);
	db.insert(user)
		.values({ id: 'sina', email: 'sina@kamen.de', name: 'Sina Zeichnung', passwordHash: 'x' })
		.run();
	const doc = createDocument(db, { title: 'Leitbild', kind: 'leitbild', createdBy: null });
	const text = markdownToDocument(markdown);
	appendUpdate(db, doc.id, yjsUpdateFromJSON(text));
	const kamen = findOrganisationBySlug(db, 'kamen')!;
	const unna = findOrganisationBySlug(db, 'unna')!;
	const blockOf = (json: PmNode, start: string) =>
		json.content!.find((node) => node.content?.[0]?.text?.startsWith(start))!.attrs!.id as string;
	return { db, doc, text, kamen, unna, paragraph: blockOf(text, 'Armut'), blockOf };
}

/** The same document with one paragraph's words changed, its block id kept. */
function changed(text: PmNode, blockId: string, words: string): PmNode {
	const copy = structuredClone(text);
	const block = copy.content!.find((node) => node.attrs?.id === blockId)!;
	block.content = [{ type: 'text', text: words }];
	return copy;
}

describe('passage text and hash', () => {
	it('hashes the words only, not their formatting', () => {
		const plain: PmNode = { type: 'paragraph', content: [{ type: 'text', text: 'Wir handeln.' }] };
		const bold: PmNode = {
			type: 'paragraph',
			content: [
				{ type: 'text', text: 'Wir ' },
				{ type: 'text', text: 'handeln.', marks: [{ type: 'bold' }] }
			]
		};
		expect(passageHash(bold)).toBe(passageHash(plain));
		expect(passageHash(plain)).toMatch(/^[0-9a-f]{64}$/);
		expect(passageHash({ ...plain, content: [{ type: 'text', text: 'Wir handeln!' }] })).not.toBe(
			passageHash(plain)
		);
	});

	it('separates the blocks inside a list item', () => {
		const item: PmNode = {
			type: 'listItem',
			content: [
				{ type: 'paragraph', content: [{ type: 'text', text: 'eins' }] },
				{ type: 'paragraph', content: [{ type: 'text', text: 'zwei' }] }
			]
		};
		expect(passageText(item)).toBe('eins\nzwei');
	});

	it('says the counts in words', () => {
		expect(countsText(countStances(['agree', 'none', 'concern', 'outdated', 'agree'], 11))).toBe(
			'2 von 11 einverstanden · 1 Bedenken · 1 veraltet'
		);
		expect(countsText(countStances([], 11))).toBe('0 von 11 einverstanden');
	});
});

describe('consensus marks', () => {
	it('lists the Kreis and the ten Kommunen as the adopting bodies', () => {
		const { db } = setup();
		expect(adoptingBodies(db)).toHaveLength(11);
	});

	it('records a mark with the hash of the text as the server holds it, and its activity', () => {
		const { db, doc, text, kamen, paragraph } = setup();
		const result = recordConsensus(
			db,
			{
				documentId: doc.id,
				blockId: paragraph,
				organisationId: kamen.id,
				userId: 'sina',
				state: 'agree',
				note: '  passt  '
			},
			text
		);
		expect(result).toMatchObject({ ok: true, passage: { number: '1.1' } });
		const [mark] = consensusMarks(db, doc.id);
		expect(mark).toMatchObject({
			blockId: paragraph,
			organisationId: kamen.id,
			state: 'agree',
			note: 'passt',
			userName: 'Sina Zeichnung',
			textHash: passageHash(text.content!.find((node) => node.attrs?.id === paragraph)!)
		});
		const [entry] = listActivity(db, doc.id);
		expect(entry).toMatchObject({ kind: 'consensus', detail: 'agree', organisationId: kamen.id });
		// The feed names the body, with its article, whoever the signatory is.
		expect(describeActivity(entry, new Map([['sina', 'Sina Zeichnung']]))).toBe(
			'Sina Zeichnung hat für die Stadt Kamen einem Abschnitt zugestimmt'
		);
	});

	it('refuses a passage that is not in the current text and a body that adopts nothing', () => {
		const { db, doc, text, kamen, paragraph } = setup();
		const missing = recordConsensus(
			db,
			{
				documentId: doc.id,
				blockId: crypto.randomUUID(),
				organisationId: kamen.id,
				userId: 'sina',
				state: 'agree'
			},
			text
		);
		expect(missing).toMatchObject({ ok: false, status: 404 });
		const notAdopting = recordConsensus(
			db,
			{
				documentId: doc.id,
				blockId: paragraph,
				organisationId: crypto.randomUUID(),
				userId: 'sina',
				state: 'agree'
			},
			text
		);
		expect(notAdopting).toMatchObject({ ok: false, status: 400 });
		expect(db.select().from(passageConsensus).all()).toEqual([]);
		expect(listActivity(db, doc.id)).toEqual([]);
	});

	it('counts the newest mark per body, drops withdrawn ones, and keeps the history', () => {
		const { db, doc, text, kamen, unna, paragraph } = setup();
		const mark = (organisationId: string, state: 'agree' | 'concern' | 'withdrawn', at: number) =>
			recordConsensus(
				db,
				{ documentId: doc.id, blockId: paragraph, organisationId, userId: 'sina', state },
				text,
				new Date(at)
			);
		expect(mark(kamen.id, 'withdrawn', 1)).toMatchObject({ ok: false, status: 409 });
		mark(kamen.id, 'concern', 1);
		mark(kamen.id, 'agree', 2);
		mark(unna.id, 'agree', 3);
		mark(unna.id, 'withdrawn', 4);
		expect(consensusMarks(db, doc.id).map((m) => [m.organisationId, m.state])).toEqual([
			[kamen.id, 'agree']
		]);
		expect(consensusHistory(db, doc.id).map((entry) => entry.state)).toEqual([
			'withdrawn',
			'agree',
			'agree',
			'concern'
		]);
		expect(consensusHistory(db, doc.id, { blockId: crypto.randomUUID() })).toEqual([]);
	});

	it('shows a mark as outdated once the passage changed, and lists open concerns', () => {
		const { db, doc, text, kamen, unna, paragraph, blockOf } = setup();
		const other = blockOf(text, 'Wir handeln');
		recordConsensus(
			db,
			{
				documentId: doc.id,
				blockId: paragraph,
				organisationId: kamen.id,
				userId: 'sina',
				state: 'agree'
			},
			text
		);
		recordConsensus(
			db,
			{
				documentId: doc.id,
				blockId: other,
				organisationId: unna.id,
				userId: 'sina',
				state: 'concern',
				note: 'Wer ist „wir“?'
			},
			text
		);
		const before = passageConsensusOf(db, doc.id, text);
		const first = before.passages.find((p) => p.blockId === paragraph)!;
		expect(first.counts).toEqual({ agree: 1, concern: 0, outdated: 0, bodies: 11 });
		expect(openConcerns(before.bodies, before.passages)).toMatchObject([
			{ number: '1.2', organisationName: unna.name, note: 'Wer ist „wir“?', outdated: false }
		]);

		const after = passageConsensusOf(db, doc.id, changed(text, paragraph, 'Armut nimmt Chancen.'));
		const changedPassage = after.passages.find((p) => p.blockId === paragraph)!;
		expect(changedPassage.counts).toEqual({ agree: 0, concern: 0, outdated: 1, bodies: 11 });
		expect(changedPassage.bodies.find((b) => b.organisationId === kamen.id)).toMatchObject({
			stance: 'outdated',
			markedAs: 'agree'
		});
	});

	it('freezes the consensus with a version, and the record stays as it was', () => {
		const { db, doc, text, kamen, paragraph } = setup();
		recordConsensus(
			db,
			{
				documentId: doc.id,
				blockId: paragraph,
				organisationId: kamen.id,
				userId: 'sina',
				state: 'agree'
			},
			text
		);
		const frozen = freezeVersion(db, { documentId: doc.id, name: 'Entwurf 1', userId: null });
		if (!frozen.ok) throw new Error(frozen.message);
		db.delete(passageConsensus).where(eq(passageConsensus.documentId, doc.id)).run();
		const snapshot = parseConsensusSnapshot(findVersion(db, doc.id, 1)!.consensusSnapshot);
		expect(snapshot).toMatchObject({
			bodies: 11,
			passages: [
				{
					number: '1.1',
					blockId: paragraph,
					excerpt: 'Armut schränkt Chancen ein.',
					marks: [{ organisationName: kamen.name, state: 'agree', outdated: false }]
				}
			]
		});
		expect(JSON.parse(consensusSnapshot(db, doc.id, text))).toEqual({
			bodies: 11,
			countHeadings: false,
			passageCount: 2,
			sections: [
				{
					number: '1',
					excerpt: 'Präambel',
					range: '1.1–1.2',
					counts: { agree: 0, concern: 0, outdated: 0, bodies: 11 }
				}
			],
			passages: []
		});
		expect(parseConsensusSnapshot(null)).toBeNull();
	});
});

describe('what signatories agree to', () => {
	it('counts content passages, a table row among them, and never headings by themselves', () => {
		for (const type of ['paragraph', 'listItem', 'blockquote', 'tableRow']) {
			expect(isContentPassage(type)).toBe(true);
		}
		expect(isContentPassage('heading')).toBe(false);
	});

	it('puts under a heading what follows it up to the next heading of its rank', () => {
		const p = (number: string, type: string, level?: number) => ({ number, type, level });
		const outline = [
			p('1', 'heading', 2),
			p('1.1', 'paragraph'),
			p('1.2', 'heading', 3),
			p('1.3', 'listItem'),
			p('1.4', 'tableRow'),
			p('2', 'heading', 2),
			p('3', 'heading', 2),
			p('3.1', 'blockquote')
		];
		const numbers = (countHeadings: boolean) =>
			sectionsOf(outline, countHeadings).map(
				({ heading, members }) => `${heading.number}: ${sectionRange(members)}`
			);
		expect(numbers(false)).toEqual(['1: 1.1–1.4', '1.2: 1.3–1.4', '2: ', '3: 3.1']);
		expect(numbers(true)).toEqual(['1: 1–1.4', '1.2: 1.2–1.4', '2: 2', '3: 3–3.1']);
	});

	it('takes a body as agreeing to a section only when it agreed to every passage in it', () => {
		expect(sectionStance(['agree', 'agree'])).toBe('agree');
		expect(sectionStance(['agree', 'none'])).toBe('none');
		expect(sectionStance(['agree', 'outdated', 'none'])).toBe('outdated');
		expect(sectionStance(['outdated', 'concern'])).toBe('concern');
		expect(sectionStance([])).toBe('none');
	});

	it('lists content passages only, and shows each section the state of its passages', () => {
		const { db, doc, text, kamen, unna, paragraph, blockOf } = setup();
		const other = blockOf(text, 'Wir handeln');
		const heading = blockOf(text, 'Präambel');
		const mark = (blockId: string, organisationId: string) =>
			recordConsensus(
				db,
				{ documentId: doc.id, blockId, organisationId, userId: 'sina', state: 'agree' },
				text
			);
		expect(mark(heading, kamen.id)).toMatchObject({
			ok: false,
			status: 409,
			message:
				'Überschriften zählen in diesem Dokument nicht mit. Bitte geben Sie Ihre Rückmeldung zu den Abschnitten darunter.'
		});
		mark(paragraph, kamen.id);
		mark(other, kamen.id);
		mark(paragraph, unna.id);
		const state = passageConsensusOf(db, doc.id, text);
		expect(state.countHeadings).toBe(false);
		expect(state.passages.map((p) => p.number)).toEqual(['1.1', '1.2']);
		expect(state.sections).toEqual([
			{
				blockId: heading,
				number: '1',
				excerpt: 'Präambel',
				range: '1.1–1.2',
				passageCount: 2,
				counts: { agree: 1, concern: 0, outdated: 0, bodies: 11 }
			}
		]);
		expect(state.headingMarksAside).toBe(0);
	});

	it('lets the editors count headings too, and keeps marks on headings when they stop', () => {
		const { db, doc, text, kamen, paragraph, blockOf } = setup();
		const heading = blockOf(text, 'Präambel');
		const mark = (blockId: string) =>
			recordConsensus(
				db,
				{ documentId: doc.id, blockId, organisationId: kamen.id, userId: 'sina', state: 'agree' },
				text
			);
		setCountsHeadings(db, doc.id, true);
		expect(mark(heading)).toMatchObject({ ok: true, passage: { number: '1' } });
		mark(paragraph);
		const counted = passageConsensusOf(db, doc.id, text);
		expect(counted.passages.map((p) => p.number)).toEqual(['1', '1.1', '1.2']);
		expect(counted.sections[0]).toMatchObject({ range: '1–1.2', passageCount: 3 });
		expect(counted.sections[0].counts.agree).toBe(0);

		setCountsHeadings(db, doc.id, false);
		const aside = passageConsensusOf(db, doc.id, text);
		expect(aside.passages.map((p) => p.number)).toEqual(['1.1', '1.2']);
		expect(aside.headingMarksAside).toBe(1);
		expect(consensusMarks(db, doc.id)).toHaveLength(2);
		// Taking back a mark on a heading that no longer counts is still possible.
		const withdrawn = recordConsensus(
			db,
			{
				documentId: doc.id,
				blockId: heading,
				organisationId: kamen.id,
				userId: 'sina',
				state: 'withdrawn'
			},
			text
		);
		expect(withdrawn.ok).toBe(true);
		expect(passageConsensusOf(db, doc.id, text).headingMarksAside).toBe(0);
	});

	it('reads the setting as a checkbox', () => {
		const data = new FormData();
		expect(parseForm(ConsensusSettingsForm, data)).toMatchObject({ ok: true, value: {} });
		data.set('countHeadings', 'on');
		expect(parseForm(ConsensusSettingsForm, data)).toMatchObject({
			ok: true,
			value: { countHeadings: 'on' }
		});
		data.set('countHeadings', 'vielleicht');
		expect(parseForm(ConsensusSettingsForm, data)).toMatchObject({
			ok: false,
			message: 'Ungültige Einstellung.'
		});
	});
});

describe('consent form', () => {
	const form = (fields: Record<string, string>) => {
		const data = new FormData();
		for (const [key, value] of Object.entries(fields)) data.set(key, value);
		return data;
	};
	const valid = {
		blockId: crypto.randomUUID(),
		organisationId: crypto.randomUUID(),
		state: 'concern',
		note: ' zu vage '
	};

	it('takes a stance with an optional, bounded note', () => {
		expect(parseForm(ConsentForm, form(valid))).toMatchObject({
			ok: true,
			value: { note: 'zu vage' }
		});
		const { note: _note, ...withoutNote } = valid;
		expect(parseForm(ConsentForm, form(withoutNote))).toMatchObject({
			ok: true,
			value: { note: '' }
		});
		expect(parseForm(ConsentForm, form({ ...valid, state: 'withdrawn' }))).toMatchObject({
			ok: false,
			message: 'Bitte wählen Sie „einverstanden“ oder „Bedenken“.'
		});
		expect(parseForm(ConsentForm, form({ ...valid, note: 'x'.repeat(1001) }))).toMatchObject({
			ok: false,
			message: 'Eine Anmerkung hat höchstens 1000 Zeichen.'
		});
		expect(parseForm(ConsentForm, form({ ...valid, blockId: 'kein-block' })).ok).toBe(false);
	});
});

describe('consensus changes', () => {
	it('tells everyone in the document of a mark and of the headings choice', async () => {
		const { db, doc, text, kamen, paragraph } = setup();
		const told = recordChanges(db);
		const expected = [{ topic: 'consensus', documentId: doc.id }];
		const input = { documentId: doc.id, blockId: paragraph, organisationId: kamen.id };
		recordConsensus(db, { ...input, userId: 'sina', state: 'agree' }, text);
		expect(await told()).toEqual(expected);
		setCountsHeadings(db, doc.id, true);
		expect(await told()).toEqual(expected);
	});

	it('tells nothing of a refused mark', async () => {
		const { db, doc, text, kamen, paragraph } = setup();
		const told = recordChanges(db);
		const input = { documentId: doc.id, blockId: paragraph, organisationId: kamen.id };
		recordConsensus(db, { ...input, userId: 'sina', state: 'withdrawn' }, text);
		expect(await told()).toEqual([]);
	});
});
