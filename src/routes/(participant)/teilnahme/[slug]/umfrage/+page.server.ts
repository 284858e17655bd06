import { error, fail } from '@sveltejs/kit';
import { participantEvent } from '$lib/server/http/resource-guards';
import { messagesFor } from '$lib/server/i18n/messages';
import { can, eventResource } from '$lib/server/policy';
import {
	checkAnswer,
	maxAnswerTextLength,
	rankingMove,
	rawAnswerFromForm,
	submitAnswer
} from '$lib/server/polls/answers';
import { participantPollState, pollSnapshot } from '$lib/server/polls/poll-state';
import { findQuestion } from '$lib/server/polls/questions';
import { problemText, refusalText } from './answer-texts';

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
