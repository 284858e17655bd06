// German names of question types and states, for the staff pages, the projection and the files
// the server writes. The participant pages say them through their messages (messages/poll).
import { count as countOf } from '$lib/german';
import type { PollQuestionStatus, PollQuestionType } from './types';

export const questionTypeLabels: Record<PollQuestionType, string> = {
	single: 'Einfachauswahl',
	multiple: 'Mehrfachauswahl',
	ranking: 'Rangfolge',
	scale: 'Skala',
	text: 'Freitext'
};

export const questionStatusLabels: Record<PollQuestionStatus, string> = {
	draft: 'Entwurf',
	open: 'Offen',
	closed: 'Geschlossen'
};

/** How many answered: for a ranking, how many rankings were given, which is what its averages
 * rest on. */
export function respondentsLabel(type: PollQuestionType, count: number): string {
	return type === 'ranking'
		? countOf(count, 'Rangfolge', 'Rangfolgen')
		: countOf(count, 'Antwort', 'Antworten');
}
