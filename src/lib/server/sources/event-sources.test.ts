import { describe, expect, it } from 'vitest';
import { boardView, listBoards } from '../boards/boards';
import { applyCommand, type CommandAuthor } from '../boards/commands';
import { pollAnswer, user } from '../db/schema';
import { runSeeds } from '../db/seeds';
import { createTestDatabase } from '../db/test-database';
import { createDocument } from '../documents/documents';
import { createEvent } from '../events/events';
import { joinEvent } from '../events/participants';
import { setAnswerHidden } from '../polls/answers';
import { createQuestion, openQuestion } from '../polls/questions';
import { organisationsSeed } from '../workspace/organisations-seed';
import { chooseSourceEvents, documentCatalogue, offeredEvents } from './event-sources';
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
		.values({ id: 'x', email: 'eva@kreis-unna.de', name: 'Eva Editorin', passwordHash: 'x' })
		.run();
	const doc = createDocument(db, { title: 'Leitbild', kind: 'leitbild', createdBy: null });
	const event = (title: string, date: string) =>
		createEvent(db, {
			title,
			date,
			place: 'Schwerte',
			description: '',
			agenda: [],
			asksAffiliation: false,
			workingGroups: [{ title: `${title}: AG 1`, question: '' }],
			createdBy: null
		});
	return { db, doc, event };
}

function participantOf(db: ReturnType<typeof setup>['db'], eventId: string, name: string | null) {
	const author: CommandAuthor = onBoard(
		{
			key: joinEvent(db, eventId, {
				displayName: name,
				workingGroupId: null,
				affiliationOrganisationId: null,
				organisationType: null
			}).participant.id,
			kind: 'participant',
			moderator: false,
			displayName: name,
			affiliationOrganisationId: null,
			organisationType: null
		},
		eventId
	);
	return author;
}

describe('the events beside a document', () => {
	it('offers every event until an editor chooses, then only the chosen ones', () => {
		const { db, doc, event } = setup();
		const future = event('Zukunftskonferenz', '2025-06-11');
		const round = event('Runder Tisch', '2026-01-20');
		expect(offeredEvents(db, doc.id).map((e) => [e.title, e.chosen])).toEqual([
			['Zukunftskonferenz', true],
			['Runder Tisch', true]
		]);
		expect(chooseSourceEvents(db, { documentId: doc.id, eventIds: [], userId: 'x' })).toEqual({
			ok: false,
			status: 400,
			message: 'Bitte wählen Sie mindestens eine Konferenz.'
		});
		expect(
			chooseSourceEvents(db, { documentId: doc.id, eventIds: [crypto.randomUUID()], userId: 'x' })
		).toMatchObject({ ok: false, status: 400 });
		expect(
			chooseSourceEvents(db, { documentId: doc.id, eventIds: [future.id], userId: 'x' })
		).toEqual({ ok: true });
		expect(offeredEvents(db, doc.id).map((e) => e.chosen)).toEqual([true, false]);
		expect(documentCatalogue(db, doc.id).map((e) => e.eventId)).toEqual([future.id]);
		expect(round.id).not.toBe(future.id);
	});

	it('lists the cards most dots first, names only where written, and poll totals', () => {
		const { db, doc, event } = setup();
		const future = event('Zukunftskonferenz', '2025-06-11');
		const [summary] = listBoards(db, future.id);
		const moderator = onBoard(
			{ ...participantOf(db, future.id, null), moderator: true },
			future.id
		);
		const columnId = boardView(db, summary.id, moderator)!.columns[1].id;
		const add = (author: CommandAuthor, text: string) =>
			applyCommand(db, summary.id, author, { type: 'addCard', columnId, text, colour: 'gelb' });
		add(participantOf(db, future.id, 'Kim'), 'Netzwerke stärken');
		add(participantOf(db, future.id, null), 'Bürokratie abbauen');
		const cardId = boardView(db, summary.id, moderator)!.columns[1].cards.find(
			(c) => c.text === 'Bürokratie abbauen'
		)!.id;
		applyCommand(db, summary.id, moderator, { type: 'startVoting', dots: 1, hidden: false });
		for (const name of ['A', 'B']) {
			applyCommand(db, summary.id, participantOf(db, future.id, name), { type: 'vote', cardId });
		}
		const choice = createQuestion(db, future.id, {
			...questionDefaults,
			type: 'single',
			prompt: 'Nächster Schritt?',
			options: ['Leitbild', 'Runder Tisch']
		});
		const open = createQuestion(db, future.id, {
			...questionDefaults,
			type: 'text',
			prompt: 'Was noch?',
			options: []
		});
		createQuestion(db, future.id, {
			...questionDefaults,
			type: 'text',
			prompt: 'Entwurf',
			options: []
		});
		openQuestion(db, choice.id);
		openQuestion(db, open.id);
		const answer = (questionId: string, choices: number[] | null, text: string | null) => {
			const id = crypto.randomUUID();
			const participantId = participantOf(db, future.id, null).key;
			db.insert(pollAnswer).values({ id, questionId, participantId, choices, text }).run();
			return id;
		};
		answer(choice.id, [1], null);
		answer(choice.id, [1], null);
		answer(choice.id, [0], null);
		answer(open.id, null, 'Mehr Sozialplanung');
		setAnswerHidden(db, open.id, answer(open.id, null, 'Beleidigung'), true);

		const [catalogue] = documentCatalogue(db, doc.id);
		expect(catalogue.groups).toMatchObject([
			{
				title: 'Zukunftskonferenz: AG 1',
				cards: [
					{ text: 'Bürokratie abbauen', authorName: null, column: 'Dringend nötig', dots: 2 },
					{ text: 'Netzwerke stärken', authorName: 'Kim', dots: 0 }
				]
			}
		]);
		expect(catalogue.questions).toMatchObject([
			{
				prompt: 'Nächster Schritt?',
				kind: 'options',
				total: 3,
				options: [
					{ label: 'Runder Tisch', votes: 2, optionIndex: 1 },
					{ label: 'Leitbild', votes: 1, optionIndex: 0 }
				]
			},
			{ prompt: 'Was noch?', kind: 'answers', answers: [{ text: 'Mehr Sozialplanung' }] }
		]);
	});
});
