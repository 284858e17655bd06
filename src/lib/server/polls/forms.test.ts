import { describe, expect, it } from 'vitest';
import { parseForm } from '../http/forms';
import { HideAnswerForm, MoveForm, parseQuestionForm, ProjectionForm, ResultsForm } from './forms';

function form(fields: Record<string, string>): FormData {
	const data = new FormData();
	for (const [key, value] of Object.entries(fields)) data.set(key, value);
	return data;
}

describe('question form', () => {
	it('reads options one per line and a maximum for multiple choice', () => {
		const parsed = parseQuestionForm(
			form({ type: 'multiple', prompt: ' Was nun? ', options: 'A\n\n B \nC', maxChoices: '2' })
		);
		expect(parsed).toMatchObject({
			ok: true,
			value: { prompt: 'Was nun?', options: ['A', 'B', 'C'], maxChoices: 2, allowChange: false }
		});
	});

	it('refuses too few or repeated options and a maximum beyond the options', () => {
		expect(parseQuestionForm(form({ type: 'single', prompt: 'X', options: 'A' })).ok).toBe(false);
		expect(parseQuestionForm(form({ type: 'ranking', prompt: 'X', options: 'A\nA' })).ok).toBe(
			false
		);
		expect(
			parseQuestionForm(form({ type: 'multiple', prompt: 'X', options: 'A\nB', maxChoices: '3' }))
				.ok
		).toBe(false);
		expect(parseQuestionForm(form({ type: 'quiz', prompt: 'X' })).ok).toBe(false);
	});

	it('refuses control and direction characters in the question, its answers and labels', () => {
		const message = (fields: Record<string, string>) => {
			const parsed = parseQuestionForm(form(fields));
			return parsed.ok ? null : parsed.message;
		};
		expect(message({ type: 'single', prompt: 'Was\u202e nun?', options: 'A\nB' })).toBe(
			'Bitte geben Sie eine Frage ohne Steuerzeichen an.'
		);
		expect(message({ type: 'single', prompt: 'X', options: 'A\u2066\r\nB' })).toBe(
			'Bitte geben Sie die Antworten ohne Steuerzeichen an.'
		);
		expect(message({ type: 'single', prompt: 'X', options: 'A\tB\nC' })).toBe(
			'Bitte geben Sie die Antworten ohne Steuerzeichen an.'
		);
		expect(message({ type: 'scale', prompt: 'X', scaleMinLabel: 'wenig\u0007' })).toBe(
			'Bitte geben Sie die Beschriftung ohne Steuerzeichen an.'
		);
		expect(message({ type: 'single', prompt: 'Wie?', options: 'Так\r\nنعم' })).toBeNull();
	});

	it('gives a scale 1 to 5 unless told otherwise, and refuses an empty range', () => {
		expect(
			parseQuestionForm(
				form({ type: 'scale', prompt: 'Wie?', scaleMaxLabel: 'sehr', allowChange: 'ja' })
			)
		).toMatchObject({
			value: { scaleMin: 1, scaleMax: 5, scaleMaxLabel: 'sehr', options: [], allowChange: true }
		});
		expect(
			parseQuestionForm(form({ type: 'scale', prompt: 'Wie?', scaleMin: '5', scaleMax: '5' })).ok
		).toBe(false);
	});

	it('holds results back from the projector unless the moderator chooses live', () => {
		const parse = (projection?: string) =>
			parseQuestionForm(
				form({ type: 'text', prompt: 'Wie?', ...(projection === undefined ? {} : { projection }) })
			);
		expect(parse()).toMatchObject({ ok: true, value: { projectionLive: false } });
		expect(parse('freigabe')).toMatchObject({ ok: true, value: { projectionLive: false } });
		expect(parse('live')).toMatchObject({ ok: true, value: { projectionLive: true } });
		expect(parse('sofort')).toEqual({
			ok: false,
			message: 'Bitte wählen Sie, wann die Projektion das Ergebnis zeigt.'
		});
		expect(parseForm(ProjectionForm, form({ projection: 'live' })).ok).toBe(true);
		expect(parseForm(ProjectionForm, form({ projection: '' })).ok).toBe(false);
	});

	it('refuses a tick that is not ja instead of reading it as no', () => {
		expect(
			parseQuestionForm(form({ type: 'scale', prompt: 'Wie?', allowChange: 'vielleicht' }))
		).toEqual({ ok: false, message: 'Bitte geben Sie an, ob Antworten geändert werden dürfen.' });
	});
});

describe('moderator buttons', () => {
	it('take only the values their buttons send', () => {
		expect(parseForm(MoveForm, form({ direction: 'up' }))).toEqual({
			ok: true,
			value: { direction: 'up' }
		});
		expect(parseForm(MoveForm, form({ direction: 'seitwärts' })).ok).toBe(false);
		expect(parseForm(MoveForm, form({})).ok).toBe(false);
		expect(parseForm(ResultsForm, form({ visible: 'nein' })).ok).toBe(true);
		expect(parseForm(ResultsForm, form({ visible: '' })).ok).toBe(false);
		expect(parseForm(HideAnswerForm, form({ answerId: 'a', hidden: 'vielleicht' })).ok).toBe(false);
	});

	it('say in German when a field is missing altogether', () => {
		const parsed = parseForm(HideAnswerForm, form({ hidden: 'ja' }));
		expect(parsed.ok).toBe(false);
		if (!parsed.ok) expect(parsed.message).toMatch(/^Das Formular ist unvollständig/);
	});
});
