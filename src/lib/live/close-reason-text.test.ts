import { describe, expect, it } from 'vitest';
import { participantLocales } from '$lib/i18n/locales';
import { messagesFor } from '$lib/server/i18n/messages';
import { closeReasonText } from './close-reason-text';
import { closeReasons } from './close-reasons';

describe('closeReasonText', () => {
	it('says in German exactly what the server sends', () => {
		for (const sentence of Object.values(closeReasons)) {
			expect(closeReasonText(messagesFor('de'), sentence)).toBe(sentence);
		}
	});

	it('says every reason in every other language, and an unknown one as it came', () => {
		for (const locale of participantLocales.filter((l) => l !== 'de' && l !== 'de-x-es')) {
			for (const sentence of Object.values(closeReasons)) {
				expect(closeReasonText(messagesFor(locale), sentence), locale).not.toBe(sentence);
			}
			expect(closeReasonText(messagesFor(locale), 'Etwas Neues')).toBe('Etwas Neues');
			expect(closeReasonText(messagesFor(locale), 'toString')).toBe('toString');
		}
	});

	it('fits every reason into a close frame (123 bytes)', () => {
		for (const sentence of Object.values(closeReasons)) {
			expect(Buffer.byteLength(sentence)).toBeLessThanOrEqual(123);
		}
	});
});
