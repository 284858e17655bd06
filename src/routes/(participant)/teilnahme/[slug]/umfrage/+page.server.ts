import { error, fail } from '@sveltejs/kit';
import { participantEvent } from '$lib/server/http/resource-guards';
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
		if (!can(event.locals.actor, 'event:contribute', eventResource(eventRow))) {
			error(403, 'Die Veranstaltung ist beendet.');
		}
		const data = await event.request.formData();
		const questionId = String(data.get('questionId') ?? '');
		const question = findQuestion(db, eventRow.id, questionId);
		if (!question) return fail(404, { questionId, message: 'Diese Frage gibt es nicht.' });
		const raw = rawAnswerFromForm(data);
		const move = rankingMove(question, raw);
		if (move && !move.ok) return fail(400, { questionId, message: move.message });
		if (move) {
			const { order, option, place } = move.value;
			return {
				questionId,
				order,
				moved: `„${question.options[option]}“ ist jetzt auf Platz ${place}.`
			};
		}
		const answer = checkAnswer(question, raw, participant.participant.id);
		if (!answer.ok) return fail(400, { questionId, message: answer.message });
		const stored = submitAnswer(db, question, participant.participant, answer.value);
		if (!stored.ok) return fail(409, { questionId, message: stored.message });
		return { questionId, saved: true, replaced: stored.replaced };
	}
};
