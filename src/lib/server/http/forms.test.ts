import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { incompleteFormMessage, parseForm, requiredText } from './forms';

function form(fields: Record<string, string>): FormData {
	const data = new FormData();
	for (const [key, value] of Object.entries(fields)) data.set(key, value);
	return data;
}

const TitleForm = v.object({ title: requiredText('einen Titel', 20) });

describe('parseForm with requiredText', () => {
	it('trims and keeps a plain title', () => {
		expect(parseForm(TitleForm, form({ title: '  Leitbild  ' }))).toEqual({
			ok: true,
			value: { title: 'Leitbild' }
		});
	});

	it('names the field in German for empty, long and control characters', () => {
		const message = (title: string) => {
			const parsed = parseForm(TitleForm, form({ title }));
			return parsed.ok ? null : parsed.message;
		};
		expect(message(' ')).toBe('Bitte geben Sie einen Titel an.');
		expect(message('x'.repeat(21))).toBe(
			'Bitte geben Sie einen Titel mit höchstens 20 Zeichen an.'
		);
		expect(message('Leit\u202ebild')).toBe('Bitte geben Sie einen Titel ohne Steuerzeichen an.');
		expect(message('Leit\u0000bild')).toBe('Bitte geben Sie einen Titel ohne Steuerzeichen an.');
	});

	it('says the form is incomplete when a field is missing altogether', () => {
		expect(parseForm(TitleForm, form({}))).toEqual({ ok: false, message: incompleteFormMessage });
	});
});
