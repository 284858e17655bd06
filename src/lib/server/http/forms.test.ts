import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { malformedFormMessage, parseForm, requiredText } from './forms';

const Schema = v.object({
	title: requiredText('einen Titel', 20),
	threadId: v.pipe(v.string(), v.uuid())
});

function formData(fields: Record<string, string>): FormData {
	const data = new FormData();
	for (const [key, value] of Object.entries(fields)) data.set(key, value);
	return data;
}

describe('parseForm', () => {
	it('answers with the field’s own German message', () => {
		expect(parseForm(Schema, formData({ title: ' ', threadId: 'x' }))).toEqual({
			ok: false,
			message: 'Bitte geben Sie einen Titel an.'
		});
	});

	it('answers a missing or malformed field without a message of its own in German too', () => {
		expect(parseForm(Schema, formData({ title: 'Titel' }))).toEqual({
			ok: false,
			message: malformedFormMessage
		});
		expect(parseForm(Schema, formData({ title: 'Titel', threadId: 'kein-uuid' }))).toEqual({
			ok: false,
			message: malformedFormMessage
		});
	});
});
