import { describe, expect, it } from 'vitest';
import { messagesFor } from '$lib/server/i18n/messages';
import { refusalText } from './board-messages';

const de = messagesFor('de');
const en = messagesFor('en');

describe('board messages from the server', () => {
	it('say in German exactly what the server says', () => {
		for (const refusal of [
			{
				message: 'Eine Karte hat höchstens 280 Zeichen.',
				code: 'card_too_long',
				params: { count: 280 }
			},
			{
				message: 'Sie haben gerade sehr viele Karten geschrieben. Bitte warten Sie 20 Sekunden.',
				code: 'wait_author',
				params: { seconds: 20 }
			},
			{
				message:
					'Auf dieser Pinnwand entstehen gerade sehr viele Karten aus Ihrem Netz. Bitte versuchen Sie es in 2 Minuten noch einmal.',
				code: 'wait_address',
				params: { seconds: 61 }
			},
			{ message: 'Sie haben alle 3 Punkte vergeben.', code: 'dots_used', params: { count: 3 } }
		] as const) {
			expect(refusalText(de, refusal)).toBe(refusal.message);
		}
	});

	it('translate by code and keep the German where there is none', () => {
		expect(
			refusalText(en, { message: 'Diese Karte gibt es nicht mehr.', code: 'card_gone' })
		).not.toBe('Diese Karte gibt es nicht mehr.');
		expect(refusalText(en, { message: 'Höchstens 12 Spalten.' })).toBe('Höchstens 12 Spalten.');
	});
});
