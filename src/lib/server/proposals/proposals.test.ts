import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { toBase64 } from 'lib0/buffer';
import { table } from '../../editor/table-test-support';
import { recordChanges } from '../db/changes-test-support';
import { createTestDatabase } from '../db/test-database';
import { annotation, documentActivity, membership, organisation, user } from '../db/schema';
import { createDocument } from '../documents/documents';
import { jsonFromYDoc, plainText, yjsUpdateFromJSON } from '../documents/document-state';
import {
	createProposal,
	decideProposal,
	documentProposals,
	reopenProposal,
	replyToProposal,
	reviseProposal,
	setProposalReason,
	withdrawProposal,
	type ChangeText,
	type ReadText
} from './proposals';
import { documentResource, type MemberActor } from '../policy';

const sentence = 'Armut betrifft viele Familien im Kreis.';

function setup() {
	const db = createTestDatabase();
	db.insert(organisation)
		.values([
			{ id: 'kamen', slug: 'kamen', name: 'Stadt Kamen', shortName: 'Kamen', kind: 'kommune' },
			{ id: 'unna', slug: 'unna', name: 'Kreisstadt Unna', shortName: 'Unna', kind: 'kommune' }
		])
		.run();
	db.insert(user)
		.values([
			{ id: 'anna', email: 'anna@kamen.de', name: 'Anna Arendt', passwordHash: 'x' },
			{ id: 'eva', email: 'eva@kreis.de', name: 'Eva Editor', passwordHash: 'x' }
		])
		.run();
	db.insert(membership)
		.values({ userId: 'anna', organisationId: 'kamen', roles: ['viewer'] })
		.run();
	const doc = createDocument(db, { title: 'Leitbild', kind: 'leitbild', createdBy: null });
	const ydoc = new Y.Doc();
	Y.applyUpdate(
		ydoc,
		yjsUpdateFromJSON({
			type: 'doc',
			content: [
				{ type: 'paragraph', content: [{ type: 'text', text: sentence }] },
				{ type: 'paragraph', content: [{ type: 'text', text: 'Zweiter Absatz.' }] }
			]
		})
	);
	const read: ReadText = (_id, fn) => fn(ydoc);
	const change: ChangeText = (_id, edit) => Y.transact(ydoc, () => edit(ydoc));
	const texts = () => {
		const fragment = ydoc.getXmlFragment('default');
		return fragment.toArray().map((p) => (p as Y.XmlElement).toArray()[0] as Y.XmlText);
	};
	/** As y-tiptap makes them: tied to the character before the position. */
	const at = (paragraph: number, index: number) =>
		toBase64(
			Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(texts()[paragraph], index, -1))
		);
	const text = () => plainText(jsonFromYDoc(ydoc));
	const propose = (from: number, to: number, replacement: string, authorId = 'anna') =>
		createProposal(db, read, {
			documentId: doc.id,
			authorId,
			organisationId: 'kamen',
			anchorStart: at(0, from),
			anchorEnd: at(0, to),
			text: replacement
		});
	return { db, doc, ydoc, read, change, at, text, texts, propose };
}

function member(userId: string): MemberActor {
	return {
		kind: 'member',
		userId,
		admin: false,
		memberships: [{ organisationId: 'kamen', roles: ['viewer'] }]
	};
}

function idOf(result: ReturnType<typeof createProposal>) {
	if (!result.ok) throw new Error(result.message);
	return result.proposalId;
}

describe('change proposals', () => {
	it('records what the server text holds between the anchors, not what the browser claims', () => {
		const { db, doc, propose } = setup();
		const id = idOf(propose(21, 29, 'Haushalte'));
		const [proposal] = documentProposals(db, doc.id);
		expect(proposal).toMatchObject({
			id,
			quote: 'Familien',
			text: 'Haushalte',
			state: 'open',
			organisationName: 'Stadt Kamen',
			authorName: 'Anna Arendt'
		});
	});

	it('takes the id the browser chose for its draft, once', () => {
		const { db, doc, read, at } = setup();
		const input = {
			proposalId: '6f1d3c52-8a5e-4b7a-9f0e-2d4c6b8a1e3f',
			documentId: doc.id,
			authorId: 'anna',
			organisationId: 'kamen',
			anchorStart: at(0, 21),
			anchorEnd: at(0, 29),
			text: 'Haushalte'
		};
		expect(createProposal(db, read, input)).toEqual({ ok: true, proposalId: input.proposalId });
		expect(createProposal(db, read, input)).toMatchObject({ ok: false, status: 409 });
	});

	it('refuses an organisation the author does not belong to, and ranges across paragraphs', () => {
		const { db, doc, read, at, propose } = setup();
		const foreign = createProposal(db, read, {
			documentId: doc.id,
			authorId: 'anna',
			organisationId: 'unna',
			anchorStart: at(0, 0),
			anchorEnd: at(0, 5),
			text: 'Not'
		});
		expect(foreign).toMatchObject({ ok: false, status: 403 });
		const across = createProposal(db, read, {
			documentId: doc.id,
			authorId: 'anna',
			organisationId: 'kamen',
			anchorStart: at(0, 5),
			anchorEnd: at(1, 3),
			text: 'x'
		});
		expect(across).toMatchObject({ ok: false, status: 400 });
		expect(propose(3, 3, '')).toMatchObject({ ok: false, status: 400 });
		expect(db.select().from(annotation).all()).toHaveLength(0);
	});

	it('accepting changes the text on the server; undoing gives the words back', () => {
		const { db, doc, change, text, propose } = setup();
		const id = idOf(propose(21, 29, 'Haushalte'));
		expect(
			decideProposal(db, change, {
				documentId: doc.id,
				proposalId: id,
				userId: 'eva',
				decision: 'accept'
			})
		).toMatchObject({ ok: true });
		expect(text()).toBe('Armut betrifft viele Haushalte im Kreis.\nZweiter Absatz.');
		expect(documentProposals(db, doc.id)[0]).toMatchObject({
			state: 'accepted',
			decidedByName: 'Eva Editor'
		});
		expect(
			reopenProposal(db, change, { documentId: doc.id, proposalId: id, userId: 'eva' })
		).toMatchObject({ ok: true });
		expect(text()).toBe(`${sentence}\nZweiter Absatz.`);
		expect(documentProposals(db, doc.id)[0].state).toBe('open');
		// And it can be accepted again: its anchors cover the restored words.
		expect(
			decideProposal(db, change, {
				documentId: doc.id,
				proposalId: id,
				userId: 'eva',
				decision: 'accept'
			})
		).toMatchObject({ ok: true });
		expect(text()).toContain('viele Haushalte im');
	});

	it('accepts insertions and deletions', () => {
		const { db, doc, change, text, propose } = setup();
		const insertion = idOf(propose(29, 29, ' und Alleinstehende'));
		const deletion = idOf(propose(14, 20, ''));
		for (const proposalId of [insertion, deletion]) {
			decideProposal(db, change, {
				documentId: doc.id,
				proposalId,
				userId: 'eva',
				decision: 'accept'
			});
		}
		expect(text().split('\n')[0]).toBe('Armut betrifft Familien und Alleinstehende im Kreis.');
	});

	it('leaves no double space, no space before a full stop and none at the edges when words are deleted; undoing restores them', () => {
		// 'Armut betrifft viele Familien im Kreis.'
		const cases: [number, number, string][] = [
			[15, 20, 'Armut betrifft Familien im Kreis.'],
			[33, 38, 'Armut betrifft viele Familien im.'],
			[0, 5, 'betrifft viele Familien im Kreis.'],
			[14, 20, 'Armut betrifft Familien im Kreis.']
		];
		for (const [from, to, expected] of cases) {
			const { db, doc, change, text, propose } = setup();
			const id = idOf(propose(from, to, ''));
			const decide = { documentId: doc.id, proposalId: id, userId: 'eva' };
			expect(decideProposal(db, change, { ...decide, decision: 'accept' })).toMatchObject({
				ok: true
			});
			expect(text().split('\n')[0]).toBe(expected);
			expect(reopenProposal(db, change, decide)).toMatchObject({ ok: true });
			expect(text().split('\n')[0]).toBe(sentence);
		}
	});

	it('refuses to accept a proposal whose words were changed meanwhile', () => {
		const { db, doc, change, text, texts, propose } = setup();
		const id = idOf(propose(21, 29, 'Haushalte'));
		texts()[0].delete(22, 3);
		const result = decideProposal(db, change, {
			documentId: doc.id,
			proposalId: id,
			userId: 'eva',
			decision: 'accept'
		});
		expect(result).toMatchObject({ ok: false, status: 409 });
		expect(text()).not.toContain('Haushalte');
		expect(documentProposals(db, doc.id)[0].state).toBe('open');
	});

	it('rejecting leaves the text; only the author revises or withdraws, while it is open', () => {
		const { db, doc, read, change, at, text, propose } = setup();
		const id = idOf(propose(21, 29, 'Haushalte'));
		const revised = reviseProposal(db, read, {
			document: documentResource(doc),
			proposalId: id,
			actor: member('anna'),
			anchorStart: at(0, 15),
			anchorEnd: at(0, 29),
			text: 'alle Haushalte'
		});
		expect(revised).toMatchObject({ ok: true });
		expect(documentProposals(db, doc.id)[0].quote).toBe('viele Familien');
		expect(
			withdrawProposal(db, {
				document: documentResource(doc),
				proposalId: id,
				actor: member('eva')
			})
		).toMatchObject({ ok: false, status: 403 });
		decideProposal(db, change, {
			documentId: doc.id,
			proposalId: id,
			userId: 'eva',
			decision: 'reject'
		});
		expect(text()).toBe(`${sentence}\nZweiter Absatz.`);
		expect(
			withdrawProposal(db, {
				document: documentResource(doc),
				proposalId: id,
				actor: member('anna')
			})
		).toMatchObject({ ok: false, status: 409 });
		expect(
			replyToProposal(db, { documentId: doc.id, proposalId: id, authorId: 'eva', body: 'Warum?' })
		).toMatchObject({ ok: true });
		expect(documentProposals(db, doc.id)[0].messages.map((m) => m.body)).toEqual(['Warum?']);
		const kinds = db
			.select({ detail: documentActivity.detail })
			.from(documentActivity)
			.where(eq(documentActivity.kind, 'proposal'))
			.all()
			.map((row) => row.detail);
		expect(kinds).toEqual(['new', 'rejected', 'reply']);
	});

	it('two proposals on the same words: accepting one leaves the other outdated, not lost', () => {
		const { db, doc, change, propose } = setup();
		const first = idOf(propose(21, 29, 'Haushalte'));
		const second = idOf(propose(21, 29, 'Menschen'));
		decideProposal(db, change, {
			documentId: doc.id,
			proposalId: first,
			userId: 'eva',
			decision: 'accept'
		});
		const result = decideProposal(db, change, {
			documentId: doc.id,
			proposalId: second,
			userId: 'eva',
			decision: 'accept'
		});
		expect(result).toMatchObject({ ok: false, status: 409 });
		expect(documentProposals(db, doc.id).find((p) => p.id === second)).toMatchObject({
			state: 'open',
			quote: 'Familien',
			text: 'Menschen'
		});
	});
});

describe('change proposals in a table cell', () => {
	it('are recorded from the cell’s words and accepted into the cell', () => {
		const { db, doc } = setup();
		const ydoc = new Y.Doc();
		Y.applyUpdate(
			ydoc,
			yjsUpdateFromJSON({ type: 'doc', content: [table(['Kommune'], [['Runder Tisch']])] })
		);
		const read: ReadText = (_id, fn) => fn(ydoc);
		const change: ChangeText = (_id, edit) => Y.transact(ydoc, () => edit(ydoc));
		const tableElement = ydoc.getXmlFragment('default').get(0) as Y.XmlElement;
		const cell = (tableElement.get(1) as Y.XmlElement).get(0) as Y.XmlElement;
		const cellText = (cell.get(0) as Y.XmlElement).get(0) as Y.XmlText;
		const at = (index: number) =>
			toBase64(
				Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(cellText, index, -1))
			);
		const id = idOf(
			createProposal(db, read, {
				documentId: doc.id,
				authorId: 'anna',
				organisationId: 'kamen',
				anchorStart: at(7),
				anchorEnd: at(12),
				text: 'Arbeitskreis'
			})
		);
		expect(documentProposals(db, doc.id)[0]).toMatchObject({ quote: 'Tisch' });
		expect(
			decideProposal(db, change, {
				documentId: doc.id,
				proposalId: id,
				userId: 'eva',
				decision: 'accept'
			})
		).toMatchObject({ ok: true });
		expect(cellText.toString()).toBe('Runder Arbeitskreis');
	});
});

describe('proposal changes', () => {
	it('tells everyone in the document of each step of a proposal', async () => {
		const { db, doc, change, propose } = setup();
		const told = recordChanges(db);
		const expected = [{ topic: 'comments', documentId: doc.id }];
		const proposalId = idOf(propose(21, 29, 'Haushalte'));
		expect(await told()).toEqual(expected);
		const input = { documentId: doc.id, proposalId, authorId: 'anna' };
		const own = { document: documentResource(doc), proposalId, actor: member('anna') };
		setProposalReason(db, { ...own, reason: 'Genauer.' });
		expect(await told()).toEqual(expected);
		replyToProposal(db, { ...input, body: 'Einverstanden.' });
		expect(await told()).toEqual(expected);
		const decision = { documentId: doc.id, proposalId, userId: 'eva' };
		decideProposal(db, change, { ...decision, decision: 'accept' });
		expect(await told()).toEqual(expected);
		reopenProposal(db, change, decision);
		expect(await told()).toEqual(expected);
		withdrawProposal(db, own);
		expect(await told()).toEqual(expected);
	});

	it('tells of a revised proposal', async () => {
		const { db, doc, read, at, propose } = setup();
		const proposalId = idOf(propose(21, 29, 'Haushalte'));
		const told = recordChanges(db);
		reviseProposal(db, read, {
			document: documentResource(doc),
			proposalId,
			actor: member('anna'),
			anchorStart: at(0, 21),
			anchorEnd: at(0, 29),
			text: 'Familien und Haushalte'
		});
		expect(await told()).toEqual([{ topic: 'comments', documentId: doc.id }]);
	});
});
