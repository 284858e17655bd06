// Property: the Markdown export "mit Vorschlägen" is right for any proposals, also overlapping
// ones of several bodies. Accepting all its CriticMarkup gives the text the server makes when an
// editor accepts every open proposal, oldest first (a proposal outdated by then is skipped);
// rejecting all gives the clean export; every change names the proposal and its body.
import fc from 'fast-check';
import { toBase64 } from 'lib0/buffer';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { AppDatabase } from '../db/database';
import { createTestDatabase } from '../db/test-database';
import { membership, organisation, user } from '../db/schema';
import { createDocument } from './documents';
import { jsonFromYDoc, yjsUpdateFromJSON } from './document-state';
import { markedText } from '../proposals/marked-text';
import { openProposalsSnapshot, withAuthorNames } from '../proposals/proposal-snapshot';
import {
	createProposal,
	decideProposal,
	type ChangeText,
	type ReadText
} from '../proposals/proposals';
import { documentMarkdown } from './export-markdown';
import type { DocumentExport } from './exports';
import { applyCriticMarkup, criticChanges } from './critic-markup-test-support';

const bodies = [
	{ id: 'kamen', name: 'Stadt Kamen', user: 'anna', person: 'Anna Arendt' },
	{ id: 'unna', name: 'Kreisstadt Unna', user: 'bert', person: 'Bert Berger' },
	{ id: 'holzwickede', name: 'Gemeinde Holzwickede', user: 'cem', person: 'Cem Çelik' }
];

const words = ['Wir', 'stärken', 'die', 'Netzwerke', 'im', 'Kreis', 'Armut', 'abbauen', 'Kinder'];

interface Change {
	paragraph: number;
	/** The first and last word the change covers; for an insertion, the word it follows. */
	first: number;
	last: number;
	kind: 'replace' | 'insert' | 'delete';
	/** Whether a replacement or deletion also takes the space before its first word. */
	withSpace: boolean;
	text: string[];
	body: number;
}

const word = fc.constantFrom(...words);
const document = fc.array(fc.array(word, { minLength: 2, maxLength: 7 }), {
	minLength: 1,
	maxLength: 3
});
const change: fc.Arbitrary<Change> = fc.record({
	paragraph: fc.nat(),
	first: fc.nat(),
	last: fc.nat({ max: 2 }),
	kind: fc.constantFrom('replace', 'insert', 'delete'),
	withSpace: fc.boolean(),
	text: fc.array(word, { minLength: 1, maxLength: 3 }),
	body: fc.nat({ max: bodies.length - 1 })
});

/** Start and end of every word of a paragraph's text. */
function wordSpans(paragraphWords: string[]): [number, number][] {
	let at = 0;
	return paragraphWords.map((w) => {
		const span: [number, number] = [at, at + w.length];
		at += w.length + 1;
		return span;
	});
}

/** A database with the bodies and their members; each case gets its own document in it. */
function bodiesDatabase(): AppDatabase {
	const db = createTestDatabase();
	db.insert(organisation)
		.values(
			bodies.map((b) => ({
				id: b.id,
				slug: b.id,
				name: b.name,
				shortName: b.id,
				kind: 'kommune' as const
			}))
		)
		.run();
	db.insert(user)
		.values([
			...bodies.map((b) => ({
				id: b.user,
				email: `${b.user}@example.de`,
				name: b.person,
				passwordHash: 'x'
			})),
			{ id: 'eva', email: 'eva@kreis.de', name: 'Eva Editor', passwordHash: 'x' }
		])
		.run();
	db.insert(membership)
		.values(
			bodies.map((b) => ({ userId: b.user, organisationId: b.id, roles: ['viewer' as const] }))
		)
		.run();
	return db;
}

function setup(db: AppDatabase, paragraphs: string[][]) {
	const doc = createDocument(db, { title: 'Leitbild', kind: 'leitbild', createdBy: null });
	const ydoc = new Y.Doc();
	Y.applyUpdate(
		ydoc,
		yjsUpdateFromJSON({
			type: 'doc',
			content: paragraphs.map((p) => ({
				type: 'paragraph',
				content: [{ type: 'text', text: `${p.join(' ')}.` }]
			}))
		})
	);
	const read: ReadText = (_id, fn) => fn(ydoc);
	const change: ChangeText = (_id, edit) => Y.transact(ydoc, () => edit(ydoc));
	return { doc, ydoc, read, change };
}

/** The body of an export: without the list of proposals and the footer. */
const body = (markdown: string) => markdown.split(/\n\n(?:## Änderungsvorschläge|---)\n\n/)[0];
/** Passage numbers left out: a paragraph whose words are all deleted may lose its number. */
const withoutNumbers = (markdown: string) => markdown.replace(/^\*\*[\d.]+\*\* ?/gm, '');

const exportedAt = new Date('2026-11-25T13:03:00Z');

/** Proposes the changes, oldest first, and checks the export against the server's accept. */
function checkExport(db: AppDatabase, paragraphs: string[][], changes: Change[]): string {
	const { doc, ydoc, read, change: changeText } = setup(db, paragraphs);
	const texts = ydoc
		.getXmlFragment('default')
		.toArray()
		.map((p) => (p as Y.XmlElement).get(0) as Y.XmlText);
	const at = (text: Y.XmlText, index: number, assoc: number) =>
		toBase64(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, index, assoc)));
	changes.forEach((c, i) => {
		const p = c.paragraph % paragraphs.length;
		const spans = wordSpans(paragraphs[p]);
		const first = c.first % spans.length;
		const last = Math.min(first + c.last, spans.length - 1);
		let from = spans[first][0];
		const to = spans[last][1];
		let text = c.text.join(' ');
		if (c.kind === 'insert') {
			from = to;
			text = ` ${text}`;
		} else if (c.withSpace && from > 0) from -= 1;
		if (c.kind === 'delete') text = '';
		const b = bodies[c.body];
		createProposal(
			db,
			read,
			{
				documentId: doc.id,
				authorId: b.user,
				organisationId: b.id,
				// As the editor makes them: the start on the first character, the end on the last
				// (an insertion's both on the character before it).
				anchorStart: from === to ? at(texts[p], to, -1) : at(texts[p], from, 0),
				anchorEnd: at(texts[p], to, -1),
				text
			},
			new Date(Date.UTC(2026, 10, 20, 9, 0, i))
		);
	});
	const open = openProposalsSnapshot(db, doc.id, ydoc);
	const marked = markedText(ydoc, withAuthorNames(db, open));
	const exported = (input: Pick<DocumentExport, 'json' | 'proposals'>) =>
		body(documentMarkdown({ ...input, title: 'Leitbild', kind: 'leitbild', exportedAt }));
	const withProposals = exported(marked);

	expect(applyCriticMarkup(withProposals, 'reject')).toBe(exported({ json: jsonFromYDoc(ydoc) }));
	const named = new RegExp(
		`^Vorschlag \\d+: (${bodies.map((b) => `${b.name} \\(${b.person}\\)`).join('|')})`
	);
	for (const { change, comment } of criticChanges(withProposals)) {
		expect(comment, change).toMatch(named);
	}

	// "Accept all": every open proposal, oldest first; one outdated by then is refused.
	for (const proposal of open) {
		const result = decideProposal(db, changeText, {
			documentId: doc.id,
			proposalId: proposal.id,
			userId: 'eva',
			decision: 'accept'
		});
		if (!result.ok) expect(result.status).toBe(409);
	}
	const accepted = exported({ json: jsonFromYDoc(ydoc) });
	expect(withoutNumbers(applyCriticMarkup(withProposals, 'accept'))).toBe(withoutNumbers(accepted));
	ydoc.destroy();
	return accepted;
}

describe('Markdown export with proposals', () => {
	it('accepting all of its changes gives the server’s accepted text, rejecting all the clean text', () => {
		const db = bodiesDatabase();
		fc.assert(
			fc.property(
				document,
				fc.array(change, { minLength: 1, maxLength: 7 }),
				(paragraphs, changes) => {
					checkExport(db, paragraphs, changes);
				}
			),
			{ numRuns: 100 }
		);
	}, 60_000);

	it('leaves no double space and no space before a full stop when deletions are accepted', () => {
		const db = bodiesDatabase();
		const deletion = change.map((c): Change => ({ ...c, kind: 'delete' }));
		fc.assert(
			fc.property(
				document,
				fc.array(deletion, { minLength: 1, maxLength: 5 }),
				(paragraphs, changes) => {
					const accepted = checkExport(db, paragraphs, changes);
					expect(withoutNumbers(accepted)).not.toMatch(/ {2}| \.|^ /m);
				}
			),
			{ numRuns: 100 }
		);
	}, 60_000);

	it('the issue’s case: two bodies replace overlapping words', () => {
		const accepted = checkExport(
			bodiesDatabase(),
			[['Wir', 'wollen', 'Armut', 'abbauen', 'im', 'Kreis']],
			[
				{
					paragraph: 0,
					first: 2,
					last: 1,
					kind: 'replace',
					withSpace: false,
					text: ['Kinderarmut', 'abbauen'],
					body: 0
				},
				{
					paragraph: 0,
					first: 3,
					last: 2,
					kind: 'replace',
					withSpace: false,
					text: ['abbauen', 'im', 'Kreis', 'Unna'],
					body: 1
				}
			]
		);
		expect(accepted).toContain('Wir wollen Kinderarmut abbauen im Kreis.');
	});
});
