import { error, fail } from '@sveltejs/kit';
import type { Messages } from '$lib/i18n/messages';
import { participantEvent } from '$lib/server/http/resource-guards';
import { messagesFor } from '$lib/server/i18n/messages';
import { can, eventResource } from '$lib/server/policy';
import {
	checkAnswer,
	maxAnswerTextLength,
	rankingMove,
	rawAnswerFromForm,
	submitAnswer,
	type AnswerProblem,
	type SubmitResult
} from '$lib/server/polls/answers';
import { participantPollState, pollSnapshot } from '$lib/server/polls/poll-state';
import { findQuestion } from '$lib/server/polls/questions';

/** Why an answer was refused, in the participant's language (the domain says it in German). */
function problemText(m: Messages, problem: AnswerProblem): string {
	switch (problem.code) {
		case 'unknown_option':
			return m.poll_error_unknown_option();
		case 'broken_ranking':
			return m.poll_error_broken_ranking();
		case 'choose_one':
			return m.poll_error_choose_one();
		case 'choose_at_least_one':
			return m.poll_error_choose_at_least_one();
		case 'choice_twice':
			return m.poll_error_choice_twice();
		case 'too_many_choices':
			return m.poll_error_too_many_choices({ max: problem.max });
		case 'confirm_checkbox':
			return m.poll_error_confirm_checkbox();
		case 'rank_or_confirm':
			return m.poll_error_rank_or_confirm();
		case 'choose_value':
			return m.poll_error_choose_value();
		case 'value_range':
			return m.poll_error_value_range({ min: problem.min, max: problem.max });
		case 'write_answer':
			return m.poll_error_write_answer();
		case 'control_characters':
			return m.poll_error_control_characters();
		case 'text_too_long':
			return m.poll_error_text_too_long({ max: problem.max });
		case 'cannot_move':
			return m.poll_error_cannot_move();
	}
}

function refusalText(m: Messages, reason: Extract<SubmitResult, { ok: false }>['reason']): string {
	return reason === 'closed' ? m.poll_error_closed() : m.poll_error_final();
}

export function load(event) {
	const { db } = event.locals.services;
	const { eventRow, participant } = participantEvent(db, event);
	return {
		event: { id: eventRow.id, slug: eventRow.slug, title: eventRow.title },
		poll: participantPollState(pollSnapshot(db, eventRow.id), participant.participant.id),
		maxTextLength: maxAnswerTextLength
	};
}

export const actions = {
	answer: async (event) => {
		const { db } = event.locals.services;
		const { eventRow, participant } = participantEvent(db, event);
		const m = messagesFor(event.locals.locale);
		if (!can(event.locals.actor, 'event:contribute', eventResource(eventRow))) {
			error(403, m.poll_event_ended());
		}
		const data = await event.request.formData();
		const questionId = String(data.get('questionId') ?? '');
		const question = findQuestion(db, eventRow.id, questionId);
		if (!question) return fail(404, { questionId, message: m.poll_question_unknown() });
		const raw = rawAnswerFromForm(data);
		const move = rankingMove(question, raw);
		if (move && !move.ok) {
			return fail(400, { questionId, message: problemText(m, move.problem) });
		}
		if (move) {
			const { order, option, place } = move.value;
			return {
				questionId,
				order,
				moved: m.poll_ranking_moved({ option: question.options[option], place })
			};
		}
		const answer = checkAnswer(question, raw, participant.participant.id);
		if (!answer.ok) return fail(400, { questionId, message: problemText(m, answer.problem) });
		const stored = submitAnswer(db, question, participant.participant, answer.value);
		if (!stored.ok) return fail(409, { questionId, message: refusalText(m, stored.reason) });
		return { questionId, saved: true, replaced: stored.replaced };
	}
};
