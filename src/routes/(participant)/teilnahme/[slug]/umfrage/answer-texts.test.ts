import { describe, expect, it } from 'vitest';
import { participantLocales } from '$lib/i18n/locales';
import { messagesFor } from '$lib/server/i18n/messages';
import type { AnswerProblem } from '$lib/server/polls/answers';
import { problemText, refusalText } from './answer-texts';

// The German of each refusal, as the domain says it (and the pages said it before #24).
const german: [AnswerProblem, string][] = [
	[
		{ code: 'unknown_option' },
		'Diese Antwortmöglichkeit gibt es nicht. Bitte laden Sie die Seite neu.'
	],
	[
		{ code: 'broken_ranking' },
		'Bitte bringen Sie alle Antworten in eine Reihenfolge, jede genau einmal.'
	],
	[{ code: 'choose_one' }, 'Bitte wählen Sie eine Antwort aus.'],
	[{ code: 'choose_at_least_one' }, 'Bitte wählen Sie mindestens eine Antwort aus.'],
	[{ code: 'choice_twice' }, 'Jede Antwort kann nur einmal gewählt werden.'],
	[{ code: 'too_many_choices', max: 2 }, 'Bitte wählen Sie höchstens 2 Antworten aus.'],
	[{ code: 'confirm_checkbox' }, 'Bitte bestätigen Sie die Reihenfolge mit dem Kästchen.'],
	[
		{ code: 'rank_or_confirm' },
		'Bitte bringen Sie die Antworten in Ihre Reihenfolge oder bestätigen Sie „Reihenfolge so übernehmen“.'
	],
	[{ code: 'choose_value' }, 'Bitte wählen Sie einen Wert aus.'],
	[{ code: 'value_range', min: 1, max: 5 }, 'Bitte wählen Sie einen Wert von 1 bis 5.'],
	[{ code: 'write_answer' }, 'Bitte schreiben Sie eine Antwort.'],
	[{ code: 'control_characters' }, 'Bitte schreiben Sie Ihre Antwort ohne Steuerzeichen.'],
	[{ code: 'text_too_long', max: 280 }, 'Die Antwort darf höchstens 280 Zeichen lang sein.'],
	[{ code: 'cannot_move' }, 'Diese Antwort lässt sich nicht weiter verschieben.']
];

describe('answer refusals', () => {
	it('say in German what the domain says', () => {
		const de = messagesFor('de');
		for (const [problem, text] of german) expect(problemText(de, problem)).toBe(text);
		expect(refusalText(de, 'closed')).toBe(
			'Diese Frage ist nicht geöffnet. Ihre Antwort wurde nicht gespeichert.'
		);
		expect(refusalText(de, 'final')).toBe(
			'Sie haben diese Frage schon beantwortet. Die Antwort lässt sich nicht ändern.'
		);
	});

	it('have a text in every language, with the numbers in it', () => {
		for (const locale of participantLocales) {
			const m = messagesFor(locale);
			for (const [problem] of german) {
				const text = problemText(m, problem);
				expect(text, `${locale} ${problem.code}`).not.toMatch(/^poll_|\{|\}/);
				if (problem.code === 'value_range') expect(text).toMatch(/1.*5/s);
			}
		}
	});
});
