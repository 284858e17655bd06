import { describe, expect, it } from 'vitest';
import { runSeeds } from '../db/seeds';
import { recordChanges } from '../db/changes-test-support';
import { createTestDatabase } from '../db/test-database';
import { eventsSeed, seededEventSlug } from '../events/events-seed';
import { findEventBySlug } from '../events/events';
import { joinEvent } from '../events/participants';
import { organisationsSeed } from '../workspace/organisations-seed';
import {
	answersTo,
	checkAnswer,
	rankingMove,
	setAnswerHidden,
	submitAnswer,
	type RawAnswer
} from './answers';
import {
	pollSnapshot,
	participantPollState,
	projectionPollState,
	staffPollState
} from './poll-state';
import { pollsSeed } from './polls-seed';
import {
	closeQuestion,
	createQuestion,
	deleteQuestion,
	findQuestion,
	listQuestions,
	moveQuestion,
	openQuestion,
	projectQuestion,
	resetQuestion,
	setProjectionLive,
	setResultsVisible,
	type QuestionInput
} from './questions';
import { rankingStartOrder } from './start-order';

function setup() {
	const db = createTestDatabase();
	runSeeds(db, [organisationsSeed(), eventsSeed(), pollsSeed()]);
	const eventRow = findEventBySlug(db, seededEventSlug)!;
	const join = () =>
		joinEvent(db, eventRow.id, {
			displayName: null,
			workingGroupId: null,
			affiliationOrganisationId: null,
			organisationType: 'traeger'
		}).participant;
	return { db, eventRow, join };
}

const base: QuestionInput = {
	type: 'single',
	prompt: 'Wie weiter?',
	options: ['A', 'B', 'C'],
	maxChoices: null,
	scaleMin: null,
	scaleMax: null,
	scaleMinLabel: null,
	scaleMaxLabel: null,
	allowChange: true,
	projectionLive: false
};

describe('poll questions', () => {
	it('seeds the closing survey and the overall rating once, as drafts', () => {
		const { db, eventRow } = setup();
		runSeeds(db, [pollsSeed()]);
		const questions = listQuestions(db, eventRow.id);
		expect(questions.map((q) => [q.type, q.status])).toEqual([
			['multiple', 'draft'],
			['scale', 'draft']
		]);
		expect(questions[0].options).toHaveLength(10);
		expect(questions[0].options).toContain('Einen „Runden Tisch“ anregen');
		expect(questions[1]).toMatchObject({ scaleMin: 1, scaleMax: 5, scaleMinLabel: 'gar nicht' });
	});

	it('moves questions up and down, and not past either end', () => {
		const { db, eventRow } = setup();
		const added = createQuestion(db, eventRow.id, base);
		moveQuestion(db, eventRow.id, added.id, -1);
		expect(listQuestions(db, eventRow.id).map((q) => q.prompt)[1]).toBe('Wie weiter?');
		moveQuestion(db, eventRow.id, added.id, -1);
		moveQuestion(db, eventRow.id, added.id, -1);
		expect(listQuestions(db, eventRow.id)[0].id).toBe(added.id);
	});

	it('finds a question only within its own event', () => {
		const { db, eventRow } = setup();
		const added = createQuestion(db, eventRow.id, base);
		expect(findQuestion(db, eventRow.id, added.id)?.id).toBe(added.id);
		expect(findQuestion(db, crypto.randomUUID(), added.id)).toBeUndefined();
	});
});

describe('poll answers', () => {
	it('refuses unknown options, too many choices, broken rankings and long text', () => {
		const { db, eventRow } = setup();
		const single = createQuestion(db, eventRow.id, base);
		expect(checkAnswer(single, { choice: '3' }, 'p1').ok).toBe(false);
		expect(checkAnswer(single, { choice: '1' }, 'p1')).toEqual({
			ok: true,
			value: { choices: [1], scaleValue: null, text: null }
		});
		const multiple = createQuestion(db, eventRow.id, { ...base, type: 'multiple', maxChoices: 2 });
		expect(checkAnswer(multiple, { choices: ['0', '1', '2'] }, 'p1')).toMatchObject({
			ok: false,
			message: 'Bitte wählen Sie höchstens 2 Antworten aus.',
			problem: { code: 'too_many_choices', max: 2 }
		});
		expect(checkAnswer(multiple, { choices: ['0', '0'] }, 'p1').ok).toBe(false);
		expect(checkAnswer(multiple, { choices: ['2', '0'] }, 'p1')).toMatchObject({
			value: { choices: [0, 2] }
		});
		const ranking = createQuestion(db, eventRow.id, { ...base, type: 'ranking' });
		expect(checkAnswer(ranking, { ranking: ['0', '1'] }, 'p1').ok).toBe(false);
		expect(checkAnswer(ranking, { ranking: ['0', '1', '1'] }, 'p1').ok).toBe(false);
		expect(
			checkAnswer(ranking, { ranking: ['2', '0', '1'], confirmOrder: 'ja' }, 'p1')
		).toMatchObject({ value: { choices: [2, 0, 1] } });
		const scale = createQuestion(db, eventRow.id, {
			...base,
			type: 'scale',
			options: [],
			scaleMin: 1,
			scaleMax: 5
		});
		expect(checkAnswer(scale, { value: '6' }, 'p1').ok).toBe(false);
		expect(checkAnswer(scale, { value: '5' }, 'p1')).toMatchObject({ value: { scaleValue: 5 } });
		const text = createQuestion(db, eventRow.id, { ...base, type: 'text', options: [] });
		expect(checkAnswer(text, { text: 'x'.repeat(281) }, 'p1').ok).toBe(false);
		expect(checkAnswer(text, { text: '   ' }, 'p1').ok).toBe(false);
		expect(checkAnswer(text, { text: ' <b>Mehr</b> ' }, 'p1')).toMatchObject({
			value: { text: '<b>Mehr</b>' }
		});
		for (const hostile of ['\u0000', '\u0007', '\u202e', '\u2066', '\uffff']) {
			expect(checkAnswer(text, { text: `Mehr${hostile}Grün` }, 'p1')).toEqual({
				ok: false,
				message: 'Bitte schreiben Sie Ihre Antwort ohne Steuerzeichen.',
				problem: { code: 'control_characters' }
			});
		}
		expect(checkAnswer(text, { text: 'Mehr Grün\r\nБільше зелені' }, 'p1')).toMatchObject({
			value: { text: 'Mehr Grün\nБільше зелені' }
		});
	});

	it('counts a ranking only once the person moved it or took the start order as it is', () => {
		const { db, eventRow } = setup();
		const ranking = createQuestion(db, eventRow.id, {
			...base,
			type: 'ranking',
			options: ['A', 'B', 'C', 'D', 'E']
		});
		const start = rankingStartOrder('p1', ranking.id, 5);
		const sent = (order: number[], extra: RawAnswer = {}) =>
			checkAnswer(ranking, { ranking: order.map(String), ...extra }, 'p1');
		expect(sent(start)).toEqual({
			ok: false,
			message:
				'Bitte bringen Sie die Antworten in Ihre Reihenfolge oder bestätigen Sie „Reihenfolge so übernehmen“.',
			problem: { code: 'rank_or_confirm' }
		});
		// A tick that is not "ja" is refused, not read as "no", even for an arranged order.
		expect(sent([...start].reverse(), { confirmOrder: 'vielleicht' })).toEqual({
			ok: false,
			message: 'Bitte bestätigen Sie die Reihenfolge mit dem Kästchen.',
			problem: { code: 'confirm_checkbox' }
		});
		expect(sent(start, { confirmOrder: 'ja' })).toMatchObject({
			ok: true,
			value: { choices: start }
		});
		const moved = [start[1], start[0], ...start.slice(2)];
		expect(sent(moved)).toMatchObject({ ok: true, value: { choices: moved } });
		// Someone else's start order is an arrangement of this person's own.
		expect(checkAnswer(ranking, { ranking: start.map(String) }, 'p2').ok).toBe(
			rankingStartOrder('p2', ranking.id, 5).join() !== start.join()
		);
	});

	it('moves an option of a ranking sent without JavaScript, and not past either end', () => {
		const { db, eventRow } = setup();
		const ranking = createQuestion(db, eventRow.id, { ...base, type: 'ranking' });
		const raw = (move?: string) => ({ ranking: ['2', '0', '1'], move });
		expect(rankingMove(ranking, raw())).toBeNull();
		expect(rankingMove(ranking, raw('2:up'))).toEqual({
			ok: true,
			value: { order: [2, 1, 0], option: 1, place: 2 }
		});
		expect(rankingMove(ranking, raw('0:down'))).toMatchObject({ value: { order: [0, 2, 1] } });
		for (const bad of ['0:up', '2:down', '9:up', 'x:up', '1:seitwärts', '']) {
			expect(rankingMove(ranking, raw(bad))).toEqual({
				ok: false,
				message: 'Diese Antwort lässt sich nicht weiter verschieben.',
				problem: { code: 'cannot_move' }
			});
		}
		expect(rankingMove(ranking, { ranking: ['0', '0', '1'], move: '1:up' })?.ok).toBe(false);
		expect(rankingMove(createQuestion(db, eventRow.id, base), raw('1:up'))).toBeNull();
	});

	it('replaces a second answer where changes are allowed, counting the person once', () => {
		const { db, eventRow, join } = setup();
		const question = createQuestion(db, eventRow.id, base);
		openQuestion(db, question.id);
		const open = findQuestion(db, eventRow.id, question.id)!;
		const person = join();
		const value = (choice: number) => ({ choices: [choice], scaleValue: null, text: null });
		expect(submitAnswer(db, open, person, value(0))).toEqual({ ok: true, replaced: false });
		expect(submitAnswer(db, open, person, value(2))).toEqual({ ok: true, replaced: true });
		const stored = answersTo(db, [question.id]);
		expect(stored).toHaveLength(1);
		expect(stored[0]).toMatchObject({ choices: [2], organisationType: 'traeger' });
	});

	it('refuses a second answer where changes are not allowed, and answers to closed questions', () => {
		const { db, eventRow, join } = setup();
		const question = createQuestion(db, eventRow.id, { ...base, allowChange: false });
		const person = join();
		const value = { choices: [1], scaleValue: null, text: null };
		expect(submitAnswer(db, question, person, value)).toMatchObject({
			ok: false,
			reason: 'closed'
		});
		openQuestion(db, question.id);
		const open = findQuestion(db, eventRow.id, question.id)!;
		expect(submitAnswer(db, open, person, value).ok).toBe(true);
		expect(submitAnswer(db, open, person, { ...value, choices: [0] })).toMatchObject({
			ok: false,
			reason: 'final'
		});
		closeQuestion(db, question.id);
		const closed = findQuestion(db, eventRow.id, question.id)!;
		expect(submitAnswer(db, closed, join(), value)).toMatchObject({ ok: false, reason: 'closed' });
		expect(answersTo(db, [question.id]).map((a) => a.choices)).toEqual([[1]]);
	});

	it('shows participants open questions with their own answer, results only when shown', () => {
		const { db, eventRow, join } = setup();
		const question = createQuestion(db, eventRow.id, { ...base, type: 'text', options: [] });
		openQuestion(db, question.id);
		const open = findQuestion(db, eventRow.id, question.id)!;
		const me = join();
		const other = join();
		submitAnswer(db, open, me, { choices: null, scaleValue: null, text: 'Mehr Netzwerke' });
		submitAnswer(db, open, other, { choices: null, scaleValue: null, text: 'Werbung' });
		const [hidden] = answersTo(db, [question.id]).filter((a) => a.text === 'Werbung');
		expect(setAnswerHidden(db, question.id, hidden.id, true)).toBe(true);

		let state = participantPollState(pollSnapshot(db, eventRow.id), me.id);
		expect(state.questions.map((q) => q.prompt)).toEqual(['Wie weiter?']);
		expect(state.viewer === 'participant' && state.questions[0].ownAnswer?.text).toBe(
			'Mehr Netzwerke'
		);
		expect(state.viewer === 'participant' && state.questions[0].tally).toBeNull();

		setResultsVisible(db, question.id, true);
		closeQuestion(db, question.id);
		state = participantPollState(pollSnapshot(db, eventRow.id), me.id);
		const shown = state.viewer === 'participant' ? state.questions[0].tally : null;
		expect(shown?.type === 'text' && shown.answers.map((a) => a.text)).toEqual(['Mehr Netzwerke']);

		const staff = staffPollState(pollSnapshot(db, eventRow.id), { joined: 2, connected: 1 });
		expect(staff.questions).toHaveLength(3);
		const staffTally = staff.questions[2].tally;
		expect(staffTally.type === 'text' && staffTally.answers).toHaveLength(2);
		expect(staff.questions[2].projected).toBe(true);
	});

	it('gives each participant their own shuffled start order of a ranking, the same every time', () => {
		const { db, eventRow, join } = setup();
		const options = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'];
		const ranking = createQuestion(db, eventRow.id, { ...base, type: 'ranking', options });
		openQuestion(db, ranking.id);
		const [me, other] = [join(), join()];
		const startOf = (id: string) =>
			participantPollState(pollSnapshot(db, eventRow.id), id).questions.find(
				(q) => q.id === ranking.id
			)?.startOrder;
		expect(startOf(me.id)).toEqual(rankingStartOrder(me.id, ranking.id, 8));
		expect(startOf(me.id)).toEqual(startOf(me.id));
		expect(startOf(other.id)).not.toEqual(startOf(me.id));
	});

	it('sends the projector the number of answers only, until the results are shown', () => {
		const { db, eventRow, join } = setup();
		const question = createQuestion(db, eventRow.id, base);
		const text = createQuestion(db, eventRow.id, { ...base, type: 'text', options: [] });
		openQuestion(db, text.id);
		openQuestion(db, question.id, new Date(Date.now() + 1000));
		const open = findQuestion(db, eventRow.id, question.id)!;
		for (const choice of [0, 0, 2]) {
			submitAnswer(db, open, join(), { choices: [choice], scaleValue: null, text: null });
		}
		const attendance = { joined: 3, connected: 2 };
		const projected = () => projectionPollState(pollSnapshot(db, eventRow.id), attendance);

		const hidden = projected();
		expect(hidden).toMatchObject({
			viewer: 'projection',
			attendance,
			question: { id: question.id, respondents: 3, tally: null }
		});
		// Nothing the hall must not read yet: no counts, no shares, no other question.
		const sent = JSON.stringify(hidden);
		for (const word of ['count', 'percent', 'options":[{', text.id]) {
			expect(sent).not.toContain(word);
		}

		setResultsVisible(db, question.id, true);
		const shown = projected().question?.tally;
		expect(shown?.type === 'single' && shown.options.map((o) => o.count)).toEqual([2, 0, 1]);

		setResultsVisible(db, question.id, false);
		expect(projected().question?.tally).toBeNull();
		setProjectionLive(db, question.id, true);
		expect(projected().question?.tally?.respondents).toBe(3);
	});

	it('leaves hidden open-text answers off the projector, and shows nothing when nothing is projected', () => {
		const { db, eventRow, join } = setup();
		const attendance = { joined: 0, connected: 0 };
		expect(projectionPollState(pollSnapshot(db, eventRow.id), attendance).question).toBeNull();
		const text = createQuestion(db, eventRow.id, {
			...base,
			type: 'text',
			options: [],
			projectionLive: true
		});
		openQuestion(db, text.id);
		const open = findQuestion(db, eventRow.id, text.id)!;
		submitAnswer(db, open, join(), { choices: null, scaleValue: null, text: 'Werbung' });
		submitAnswer(db, open, join(), { choices: null, scaleValue: null, text: 'Netzwerke' });
		const [spam] = answersTo(db, [text.id]).filter((a) => a.text === 'Werbung');
		setAnswerHidden(db, text.id, spam.id, true);
		projectQuestion(db, text.id);
		const shown = projectionPollState(pollSnapshot(db, eventRow.id), attendance).question;
		expect(shown?.respondents).toBe(2);
		expect(shown?.tally?.type === 'text' && shown.tally.answers.map((a) => a.text)).toEqual([
			'Netzwerke'
		]);
	});

	it('resets a question: answers gone, back to draft', () => {
		const { db, eventRow, join } = setup();
		const question = createQuestion(db, eventRow.id, base);
		openQuestion(db, question.id);
		submitAnswer(db, findQuestion(db, eventRow.id, question.id)!, join(), {
			choices: [0],
			scaleValue: null,
			text: null
		});
		resetQuestion(db, question.id);
		expect(answersTo(db, [question.id])).toEqual([]);
		expect(findQuestion(db, eventRow.id, question.id)?.status).toBe('draft');
	});
});

describe('poll changes', () => {
	it('tells the event’s poll viewers of every change to a question and its answers', async () => {
		const { db, eventRow, join } = setup();
		const told = recordChanges(db);
		const expected = [{ topic: 'polls', eventId: eventRow.id }];
		const question = createQuestion(db, eventRow.id, base);
		expect(await told()).toEqual(expected);
		moveQuestion(db, eventRow.id, question.id, -1);
		expect(await told()).toEqual(expected);
		openQuestion(db, question.id);
		expect(await told()).toEqual(expected);
		const answered = submitAnswer(db, { ...question, status: 'open' }, join(), {
			choices: [0],
			scaleValue: null,
			text: null
		});
		expect(answered.ok).toBe(true);
		// The participant's joining is told on its own topic.
		expect(await told()).toEqual([{ topic: 'attendance', eventId: eventRow.id }, ...expected]);
		const [answer] = answersTo(db, [question.id]);
		setAnswerHidden(db, question.id, answer.id, true);
		expect(await told()).toEqual(expected);
		for (const change of [
			() => setResultsVisible(db, question.id, true),
			() => setProjectionLive(db, question.id, true),
			() => projectQuestion(db, question.id),
			() => closeQuestion(db, question.id),
			() => resetQuestion(db, question.id),
			() => deleteQuestion(db, question.id)
		]) {
			change();
			expect(await told()).toEqual(expected);
		}
	});

	it('tells nothing when the question or answer is not there', async () => {
		const { db } = setup();
		const told = recordChanges(db);
		openQuestion(db, crypto.randomUUID());
		setAnswerHidden(db, crypto.randomUUID(), crypto.randomUUID(), true);
		expect(await told()).toEqual([]);
	});
});
