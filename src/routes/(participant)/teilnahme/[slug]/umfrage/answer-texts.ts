// What the answer action says when it refuses, in the participant's language: the domain
// (lib/server/polls/answers) says why by a code and in German.
import type { Messages } from '$lib/i18n/messages';
import type { AnswerProblem, SubmitResult } from '$lib/server/polls/answers';

/** Why an answer was refused, in the participant's language (the domain says it in German). */
export function problemText(m: Messages, problem: AnswerProblem): string {
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

export function refusalText(
	m: Messages,
	reason: Extract<SubmitResult, { ok: false }>['reason']
): string {
	return reason === 'closed' ? m.poll_error_closed() : m.poll_error_final();
}
