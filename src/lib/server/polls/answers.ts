// Participants' answers: checked against their question, stored one per participant and
// question (the database's unique key makes sure), replaced or refused as the question says.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { OwnAnswer } from '$lib/polls/types';
import { announce } from '../db/changes';
import { transaction, type AppDatabase } from '../db/database';
import {
	pollAnswer,
	pollQuestion,
	type ParticipantRow,
	type PollAnswerRow,
	type PollQuestionRow
} from '../db/schema';
import { hasForbiddenCharacters, normaliseLineBreaks } from '../text/user-text';
import { isStartOrder } from './start-order';

export const maxAnswerTextLength = 280;

export type AnswerValue = OwnAnswer;

/** What a form sent, before it is checked against the question. */
export interface RawAnswer {
	choice?: string;
	choices?: string[];
	ranking?: string[];
	value?: string;
	text?: string;
	/** "ja" when the person took a ranking's start order as it is ("Reihenfolge so übernehmen"). */
	confirmOrder?: string;
	/** A ranking's arrow pressed without JavaScript: "<place>:up" or "<place>:down". */
	move?: string;
}

export function rawAnswerFromForm(data: FormData): RawAnswer {
	const strings = (name: string) =>
		data.getAll(name).filter((value): value is string => typeof value === 'string');
	const one = (name: string) => {
		const value = data.get(name);
		return typeof value === 'string' ? value : undefined;
	};
	return {
		choice: one('choice'),
		choices: strings('choices'),
		ranking: strings('ranking'),
		value: one('value'),
		text: one('text'),
		confirmOrder: one('confirmOrder'),
		move: one('move')
	};
}

function optionIndex(value: string | undefined, count: number): number | null {
	if (value === undefined || !/^\d{1,3}$/.test(value)) return null;
	const index = Number(value);
	return index < count ? index : null;
}

/** Why an answer or a move was refused, for the participant page to say in the person's
 * language; the German message stays for logs and tests. */
export type AnswerProblem =
	| {
			code:
				| 'unknown_option'
				| 'broken_ranking'
				| 'choose_one'
				| 'choose_at_least_one'
				| 'choice_twice'
				| 'confirm_checkbox'
				| 'rank_or_confirm'
				| 'choose_value'
				| 'write_answer'
				| 'control_characters'
				| 'cannot_move';
	  }
	| { code: 'too_many_choices'; max: number }
	| { code: 'value_range'; min: number; max: number }
	| { code: 'text_too_long'; max: number };

export type Checked<T> =
	{ ok: true; value: T } | { ok: false; message: string; problem: AnswerProblem };

function refused(problem: AnswerProblem, message: string) {
	return { ok: false, message, problem } as const;
}

const unknownOption = refused(
	{ code: 'unknown_option' },
	'Diese Antwortmöglichkeit gibt es nicht. Bitte laden Sie die Seite neu.'
);
const brokenRanking = refused(
	{ code: 'broken_ranking' },
	'Bitte bringen Sie alle Antworten in eine Reihenfolge, jede genau einmal.'
);

/** The sent order of a ranking, if it names every option exactly once. */
function sentRanking(question: PollQuestionRow, raw: RawAnswer): number[] | null {
	const count = question.options.length;
	const order = (raw.ranking ?? []).map((value) => optionIndex(value, count));
	const isPermutation =
		order.length === count &&
		order.every((index) => index !== null) &&
		new Set(order).size === count;
	return isPermutation ? (order as number[]) : null;
}

/** Checks a raw answer against its question: known options, limits, a full ranking that the
 * person arranged or confirmed. */
export function checkAnswer(
	question: PollQuestionRow,
	raw: RawAnswer,
	participantId: string
): Checked<AnswerValue> {
	const none = { choices: null, scaleValue: null, text: null };
	const count = question.options.length;
	switch (question.type) {
		case 'single': {
			if (!raw.choice) return refused({ code: 'choose_one' }, 'Bitte wählen Sie eine Antwort aus.');
			const index = optionIndex(raw.choice, count);
			if (index === null) return unknownOption;
			return { ok: true, value: { ...none, choices: [index] } };
		}
		case 'multiple': {
			const picked = raw.choices ?? [];
			if (picked.length === 0) {
				return refused(
					{ code: 'choose_at_least_one' },
					'Bitte wählen Sie mindestens eine Antwort aus.'
				);
			}
			const indices = picked.map((value) => optionIndex(value, count));
			if (indices.some((index) => index === null)) return unknownOption;
			const unique = [...new Set(indices as number[])].sort((a, b) => a - b);
			if (unique.length !== indices.length) {
				return refused({ code: 'choice_twice' }, 'Jede Antwort kann nur einmal gewählt werden.');
			}
			if (question.maxChoices !== null && unique.length > question.maxChoices) {
				return refused(
					{ code: 'too_many_choices', max: question.maxChoices },
					`Bitte wählen Sie höchstens ${question.maxChoices} Antworten aus.`
				);
			}
			return { ok: true, value: { ...none, choices: unique } };
		}
		case 'ranking': {
			const order = sentRanking(question, raw);
			if (!order) return brokenRanking;
			if (raw.confirmOrder !== undefined && raw.confirmOrder !== 'ja') {
				return refused(
					{ code: 'confirm_checkbox' },
					'Bitte bestätigen Sie die Reihenfolge mit dem Kästchen.'
				);
			}
			// Sending the shuffled start order untouched is no ranking, unless the person says so.
			if (raw.confirmOrder !== 'ja' && isStartOrder(order, participantId, question.id)) {
				return refused(
					{ code: 'rank_or_confirm' },
					'Bitte bringen Sie die Antworten in Ihre Reihenfolge oder bestätigen Sie „Reihenfolge so übernehmen“.'
				);
			}
			return { ok: true, value: { ...none, choices: order } };
		}
		case 'scale': {
			const min = question.scaleMin ?? 1;
			const max = question.scaleMax ?? 5;
			const value = raw.value && /^-?\d{1,3}$/.test(raw.value) ? Number(raw.value) : null;
			if (value === null)
				return refused({ code: 'choose_value' }, 'Bitte wählen Sie einen Wert aus.');
			if (value < min || value > max) {
				return refused(
					{ code: 'value_range', min, max },
					`Bitte wählen Sie einen Wert von ${min} bis ${max}.`
				);
			}
			return { ok: true, value: { ...none, scaleValue: value } };
		}
		case 'text': {
			const text = normaliseLineBreaks(raw.text ?? '').trim();
			if (!text) return refused({ code: 'write_answer' }, 'Bitte schreiben Sie eine Antwort.');
			if (hasForbiddenCharacters(text, 'multi-line')) {
				return refused(
					{ code: 'control_characters' },
					'Bitte schreiben Sie Ihre Antwort ohne Steuerzeichen.'
				);
			}
			if (text.length > maxAnswerTextLength) {
				return refused(
					{ code: 'text_too_long', max: maxAnswerTextLength },
					`Die Antwort darf höchstens ${maxAnswerTextLength} Zeichen lang sein.`
				);
			}
			return { ok: true, value: { ...none, text } };
		}
	}
}

export interface RankingMove {
	order: number[];
	/** Where the moved option is now, for the sentence that says so. */
	option: number;
	place: number;
}

/** Without JavaScript a ranking's arrows are submit buttons: the server moves the option in the
 * sent order and shows the form again, storing nothing. Null when no arrow was pressed. */
export function rankingMove(
	question: PollQuestionRow,
	raw: RawAnswer
): Checked<RankingMove> | null {
	if (raw.move === undefined || question.type !== 'ranking') return null;
	const order = sentRanking(question, raw);
	if (!order) return brokenRanking;
	const match = /^(\d{1,2}):(up|down)$/.exec(raw.move);
	const from = match ? Number(match[1]) : -1;
	const to = from + (match?.[2] === 'up' ? -1 : 1);
	if (from < 0 || from >= order.length || to < 0 || to >= order.length) {
		return refused({ code: 'cannot_move' }, 'Diese Antwort lässt sich nicht weiter verschieben.');
	}
	[order[from], order[to]] = [order[to], order[from]];
	return { ok: true, value: { order, option: order[to], place: to + 1 } };
}

export type SubmitResult =
	{ ok: true; replaced: boolean } | { ok: false; reason: 'closed' | 'final'; message: string };

/** Stores a checked answer. A second answer replaces the first where the question allows
 * changes and is refused otherwise; either way one participant counts once. */
export function submitAnswer(
	db: AppDatabase,
	question: PollQuestionRow,
	participant: Pick<ParticipantRow, 'id' | 'affiliationOrganisationId' | 'organisationType'>,
	value: AnswerValue,
	now = new Date()
): SubmitResult {
	if (question.status !== 'open') {
		return {
			ok: false,
			reason: 'closed',
			message: 'Diese Frage ist nicht geöffnet. Ihre Antwort wurde nicht gespeichert.'
		};
	}
	return transaction(db, (tx) => {
		const row = {
			...value,
			affiliationOrganisationId: participant.affiliationOrganisationId,
			organisationType: participant.organisationType,
			updatedAt: now
		};
		const inserted = tx
			.insert(pollAnswer)
			.values({
				id: crypto.randomUUID(),
				questionId: question.id,
				participantId: participant.id,
				...row,
				createdAt: now
			})
			.onConflictDoNothing({ target: [pollAnswer.questionId, pollAnswer.participantId] })
			.run();
		if (inserted.changes === 1) {
			announce(tx, { topic: 'polls', eventId: question.eventId });
			return { ok: true, replaced: false } as const;
		}
		if (!question.allowChange) {
			return {
				ok: false,
				reason: 'final',
				message: 'Sie haben diese Frage schon beantwortet. Die Antwort lässt sich nicht ändern.'
			} as const;
		}
		// hiddenAt is left as it is: changing a hidden answer must not bring it back on the wall.
		tx.update(pollAnswer)
			.set(row)
			.where(
				and(eq(pollAnswer.questionId, question.id), eq(pollAnswer.participantId, participant.id))
			)
			.run();
		announce(tx, { topic: 'polls', eventId: question.eventId });
		return { ok: true, replaced: true } as const;
	});
}

export function answersTo(db: AppDatabase, questionIds: string[]): PollAnswerRow[] {
	if (questionIds.length === 0) return [];
	return db
		.select()
		.from(pollAnswer)
		.where(inArray(pollAnswer.questionId, questionIds))
		.orderBy(asc(pollAnswer.createdAt))
		.all();
}

export function ownAnswer(answer: PollAnswerRow | undefined): OwnAnswer | null {
	if (!answer) return null;
	return { choices: answer.choices, scaleValue: answer.scaleValue, text: answer.text };
}

/** Moderators take an open-text answer out of the word cloud and the lists, or put it back. */
export function setAnswerHidden(
	db: AppDatabase,
	questionId: string,
	answerId: string,
	hidden: boolean,
	now = new Date()
): boolean {
	const result = db
		.update(pollAnswer)
		.set({ hiddenAt: hidden ? now : null })
		.where(and(eq(pollAnswer.id, answerId), eq(pollAnswer.questionId, questionId)))
		.run();
	if (result.changes !== 1) return false;
	const question = db
		.select({ eventId: pollQuestion.eventId })
		.from(pollQuestion)
		.where(eq(pollQuestion.id, questionId))
		.get();
	if (question) announce(db, { topic: 'polls', eventId: question.eventId });
	return true;
}
