import { describe, expect, it } from 'vitest';
import type { PmNode } from '$lib/editor/pm-node';
import { boardView, listBoards } from '../boards/boards';
import { applyCommand, type CommandAuthor } from '../boards/commands';
import { passageSource, pollAnswer, user } from '../db/schema';
import { runSeeds } from '../db/seeds';
import { recordChanges } from '../db/changes-test-support';
import { createTestDatabase } from '../db/test-database';
import { createDocument } from '../documents/documents';
import { markdownToDocument } from '../documents/markdown';
import { createEvent } from '../events/events';
import { joinEvent } from '../events/participants';
import { setAnswerHidden } from '../polls/answers';
import { createQuestion, openQuestion } from '../polls/questions';
import { organisationsSeed } from '../workspace/organisations-seed';
import {
	linkSource,
	listPassageSources,
	listSourceLinksOfEvent,
	restoreSource,
	unlinkSource
} from './passage-sources';
import { onBoard } from '../policy-fixture';

const questionDefaults = {
	maxChoices: null,
	scaleMin: null,
	scaleMax: null,
	scaleMinLabel: null,
	scaleMaxLabel: null,
	allowChange: true,
	projectionLive: false
};

function setup() {
	const db = createTestDatabase();
	runSeeds(db, [organisationsSeed()]);
	db.insert(user)
		.values({ id: 'eva', email: 'eva@kreis-unna.de', name: 'Eva Editorin', passwordHash: 'x' })
		.run();
	const doc = createDocument(db, { title: 'Leitbild', kind: 'leitbild', createdBy: null });
	const text = markdownToDocument('## Umsetzung\n\nWir bauen Bürokratie ab.\n\nWir vernetzen uns.');
	const blockOf = (start: string) =>
		text.content!.find((node) => node.content?.[0]?.text?.startsWith(start))!.attrs!.id as string;
	const created = createEvent(db, {
		title: 'Zukunftskonferenz',
		date: '2025-06-11',
		place: 'Schwerte',
		description: '',
		agenda: [],
		asksAffiliation: false,
		workingGroups: [{ title: 'AG 1 Netzwerke', question: 'Was fehlt?' }],
		createdBy: null
	});
	const [summary] = listBoards(db, created.id);
	const person = (displayName: string | null, moderator = false): CommandAuthor =>
		onBoard(
			{
				key: joinEvent(db, created.id, {
					displayName,
					workingGroupId: null,
					affiliationOrganisationId: null,
					organisationType: null
				}).participant.id,
				kind: 'participant',
				moderator,
				displayName,
				affiliationOrganisationId: null,
				organisationType: null
			},
			created.id
		);
	const mod = person(null, true);
	const view = () => boardView(db, summary.id, mod)!;
	const addCard = (author: CommandAuthor, text: string) => {
		applyCommand(db, summary.id, author, {
			type: 'addCard',
			columnId: view().columns[0].id,
			text,
			colour: 'gelb'
		});
		return view()
			.columns.flatMap((c) => c.cards)
			.find((c) => c.text === text)!.id;
	};
	return { db, doc, text, blockOf, created, summary, mod, person, addCard, view };
}

const link = (
	db: ReturnType<typeof setup>['db'],
	documentId: string,
	blockId: string,
	source: Parameters<typeof linkSource>[1]['source'],
	text?: PmNode
) => linkSource(db, { documentId, blockId, source, userId: 'eva' }, text);

describe('passage sources', () => {
	it('links a card with its group, column and dots, and names only who signed the card', () => {
		const { db, doc, text, blockOf, summary, mod, person, addCard } = setup();
		const anonymous = addCard(person(null), 'Bürokratie abbauen');
		const signed = addCard(person('Petra Aus Kamen'), 'Netzwerke stärken');
		applyCommand(db, summary.id, mod, { type: 'startVoting', dots: 2, hidden: false });
		for (let i = 0; i < 3; i++) {
			applyCommand(db, summary.id, person(null), { type: 'vote', cardId: anonymous });
		}
		const first = link(db, doc.id, blockOf('Wir bauen'), { kind: 'card', cardId: anonymous }, text);
		expect(first.ok).toBe(true);
		expect(link(db, doc.id, blockOf('Wir bauen'), { kind: 'card', cardId: signed }).ok).toBe(true);

		const views = listPassageSources(db, doc.id);
		expect(views).toMatchObject([
			{
				kind: 'card',
				blockId: blockOf('Wir bauen'),
				text: 'Bürokratie abbauen',
				authorName: null,
				workingGroup: 'AG 1 Netzwerke',
				column: 'Schon geschafft',
				dots: 3,
				eventTitle: 'Zukunftskonferenz',
				boardId: summary.id
			},
			{ kind: 'card', text: 'Netzwerke stärken', authorName: 'Petra Aus Kamen', dots: 0 }
		]);
	});

	it('refuses a passage the current text lacks, a missing card and a second equal link', () => {
		const { db, doc, text, blockOf, person, addCard } = setup();
		const cardId = addCard(person(null), 'Bürokratie abbauen');
		expect(link(db, doc.id, 'no-such-block', { kind: 'card', cardId }, text)).toMatchObject({
			ok: false,
			status: 404
		});
		expect(
			link(db, doc.id, blockOf('Wir bauen'), { kind: 'card', cardId: 'missing' }, text)
		).toMatchObject({ ok: false, status: 404, message: 'Diese Karte gibt es nicht (mehr).' });
		expect(link(db, doc.id, blockOf('Wir bauen'), { kind: 'card', cardId }, text).ok).toBe(true);
		expect(link(db, doc.id, blockOf('Wir bauen'), { kind: 'card', cardId }, text)).toMatchObject({
			ok: false,
			status: 409
		});
		// The same card on another passage is another link.
		expect(link(db, doc.id, blockOf('Wir vernetzen'), { kind: 'card', cardId }, text).ok).toBe(
			true
		);
	});

	it('unlinks softly, and an undo restores the same record', () => {
		const { db, doc, blockOf, person, addCard } = setup();
		const cardId = addCard(person(null), 'Bürokratie abbauen');
		const made = link(db, doc.id, blockOf('Wir bauen'), { kind: 'card', cardId });
		if (!made.ok) throw new Error(made.message);
		expect(unlinkSource(db, { documentId: doc.id, linkId: made.linkId, userId: 'eva' }).ok).toBe(
			true
		);
		expect(listPassageSources(db, doc.id)).toEqual([]);
		expect(db.select().from(passageSource).get()).toMatchObject({ removedBy: 'eva' });
		expect(
			unlinkSource(db, { documentId: doc.id, linkId: made.linkId, userId: 'eva' })
		).toMatchObject({ ok: false, status: 404 });

		expect(restoreSource(db, { documentId: doc.id, linkId: made.linkId, userId: 'eva' })).toEqual({
			ok: true,
			linkId: made.linkId
		});
		expect(listPassageSources(db, doc.id).map((view) => view.linkId)).toEqual([made.linkId]);
		expect(
			restoreSource(db, { documentId: doc.id, linkId: made.linkId, userId: 'eva' })
		).toMatchObject({ ok: false, status: 409 });
	});

	it('keeps a link of another document out of reach', () => {
		const { db, doc, blockOf, person, addCard } = setup();
		const other = createDocument(db, { title: 'Erklärung', kind: 'sonstiges', createdBy: null });
		const cardId = addCard(person(null), 'Bürokratie abbauen');
		const made = link(db, doc.id, blockOf('Wir bauen'), { kind: 'card', cardId });
		if (!made.ok) throw new Error(made.message);
		expect(
			unlinkSource(db, { documentId: other.id, linkId: made.linkId, userId: 'eva' })
		).toMatchObject({ ok: false, status: 404 });
	});

	it('refuses a second active link in the database itself, and a record of the wrong shape', () => {
		const { db, doc, person, addCard } = setup();
		const cardId = addCard(person(null), 'Bürokratie abbauen');
		const row = { documentId: doc.id, blockId: 'b1', kind: 'card' as const, cardId };
		db.insert(passageSource).values(row).run();
		expect(() => db.insert(passageSource).values(row).run()).toThrow(/UNIQUE/);
		expect(() =>
			db
				.insert(passageSource)
				.values({ ...row, blockId: 'b2', answerId: 'x' })
				.run()
		).toThrow(/CHECK/);
		db.insert(passageSource)
			.values({ ...row, removedAt: new Date() })
			.run();
	});

	it('shows a poll option with its votes and total, and an answer unless hidden', () => {
		const { db, doc, blockOf, created, person } = setup();
		const choice = createQuestion(db, created.id, {
			...questionDefaults,
			type: 'multiple',
			prompt: 'Nächste Schritte?',
			options: ['Leitbild entwickeln', 'Runder Tisch']
		});
		const open = createQuestion(db, created.id, {
			...questionDefaults,
			type: 'text',
			prompt: 'Was noch?',
			options: []
		});
		expect(
			link(db, doc.id, blockOf('Wir bauen'), {
				kind: 'poll-option',
				questionId: choice.id,
				optionIndex: 0
			})
		).toMatchObject({ ok: false, status: 409 });
		openQuestion(db, choice.id);
		openQuestion(db, open.id);
		const answer = (choices: number[] | null, text: string | null, questionId: string) => {
			const id = crypto.randomUUID();
			db.insert(pollAnswer)
				.values({ id, questionId, participantId: person(null).key, choices, text })
				.run();
			return id;
		};
		answer([0, 1], null, choice.id);
		answer([0], null, choice.id);
		answer([1], null, choice.id);
		const said = answer(null, 'Mehr Sozialplanung', open.id);

		expect(
			link(db, doc.id, blockOf('Wir bauen'), {
				kind: 'poll-option',
				questionId: choice.id,
				optionIndex: 2
			})
		).toMatchObject({ ok: false, status: 400 });
		expect(
			link(db, doc.id, blockOf('Wir bauen'), {
				kind: 'poll-option',
				questionId: open.id,
				optionIndex: 0
			})
		).toMatchObject({ ok: false, status: 400 });
		expect(
			link(db, doc.id, blockOf('Wir bauen'), {
				kind: 'poll-option',
				questionId: choice.id,
				optionIndex: 0
			}).ok
		).toBe(true);
		expect(
			link(db, doc.id, blockOf('Wir vernetzen'), { kind: 'poll-answer', answerId: said }).ok
		).toBe(true);
		expect(listPassageSources(db, doc.id)).toMatchObject([
			{
				kind: 'poll-option',
				prompt: 'Nächste Schritte?',
				option: 'Leitbild entwickeln',
				votes: 2,
				total: 3
			},
			{ kind: 'poll-answer', prompt: 'Was noch?', text: 'Mehr Sozialplanung' }
		]);

		setAnswerHidden(db, open.id, said, true);
		expect(listPassageSources(db, doc.id)[1]).toMatchObject({ kind: 'poll-answer', text: null });
		expect(
			link(db, doc.id, blockOf('Wir bauen'), { kind: 'poll-answer', answerId: said })
		).toMatchObject({ ok: false, status: 409 });
	});

	it("lists an event's links by source, for the results page", () => {
		const { db, doc, blockOf, created, person, addCard } = setup();
		const cardId = addCard(person(null), 'Bürokratie abbauen');
		const made = link(db, doc.id, blockOf('Wir bauen'), { kind: 'card', cardId });
		link(db, doc.id, blockOf('Wir vernetzen'), { kind: 'card', cardId });
		expect(listSourceLinksOfEvent(db, created.id)).toMatchObject([
			{
				source: { kind: 'card', cardId },
				key: cardId,
				documentSlug: doc.slug,
				documentTitle: 'Leitbild',
				blockId: blockOf('Wir bauen')
			},
			{ key: cardId, blockId: blockOf('Wir vernetzen') }
		]);
		if (!made.ok) throw new Error(made.message);
		unlinkSource(db, { documentId: doc.id, linkId: made.linkId, userId: 'eva' });
		expect(listSourceLinksOfEvent(db, created.id).map((l) => l.blockId)).toEqual([
			blockOf('Wir vernetzen')
		]);
	});
});

describe('passage source changes', () => {
	it('tells everyone in the document of a link, an unlink and its undo', async () => {
		const { db, doc, text, blockOf, person, addCard } = setup();
		const cardId = addCard(person(null), 'Bürokratie abbauen');
		const told = recordChanges(db);
		const expected = [{ topic: 'comments', documentId: doc.id }];
		const made = link(db, doc.id, blockOf('Wir bauen'), { kind: 'card', cardId }, text);
		if (!made.ok) throw new Error(made.message);
		expect(await told()).toEqual(expected);
		unlinkSource(db, { documentId: doc.id, linkId: made.linkId, userId: 'eva' });
		expect(await told()).toEqual(expected);
		restoreSource(db, { documentId: doc.id, linkId: made.linkId, userId: 'eva' });
		expect(await told()).toEqual(expected);
	});
});
