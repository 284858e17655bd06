// German names of question types and states, for every page that shows them.
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
