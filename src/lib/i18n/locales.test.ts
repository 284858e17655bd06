import { describe, expect, it } from 'vitest';
import { directionOf, isParticipantLocale, negotiateLocale } from './locales';

describe('negotiateLocale', () => {
	it('takes the first language the pages speak, by the header’s weights', () => {
		expect(negotiateLocale('tr-TR,tr;q=0.9,de;q=0.8')).toBe('tr');
		expect(negotiateLocale('fr-FR,fr;q=0.9,uk;q=0.8,de;q=0.7')).toBe('uk');
		expect(negotiateLocale('de;q=0.5,ar;q=0.9')).toBe('ar');
		expect(negotiateLocale('en-GB')).toBe('en');
	});

	it('falls back to German for unknown, refused, missing or malformed headers', () => {
		expect(negotiateLocale('fr-FR,it;q=0.5')).toBe('de');
		expect(negotiateLocale('tr;q=0')).toBe('de');
		expect(negotiateLocale(null)).toBe('de');
		expect(negotiateLocale(';;;,q=,x-es')).toBe('de');
	});

	it('never presets Einfache Sprache: people choose it', () => {
		expect(negotiateLocale('de-x-es')).toBe('de');
	});
});

describe('locales', () => {
	it('know the languages and their direction', () => {
		expect(isParticipantLocale('de-x-es')).toBe(true);
		expect(isParticipantLocale('fr')).toBe(false);
		expect(isParticipantLocale(undefined)).toBe(false);
		expect(directionOf('ar')).toBe('rtl');
		expect(directionOf('uk')).toBe('ltr');
	});
});
