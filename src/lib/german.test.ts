import { describe, expect, it } from 'vitest';
import { count, forBody, quoted } from './german';

describe('count', () => {
	it('uses the plural for 0 and 2 and the singular for 1', () => {
		expect([0, 1, 2].map((n) => count(n, 'Antwort', 'Antworten'))).toEqual([
			'0 Antworten',
			'1 Antwort',
			'2 Antworten'
		]);
		expect([0, 1, 2].map((n) => count(n, 'weiterer Eintrag', 'weitere Einträge'))).toEqual([
			'0 weitere Einträge',
			'1 weiterer Eintrag',
			'2 weitere Einträge'
		]);
	});

	it('writes large numbers the German way', () => {
		expect(count(1250, 'teilnehmende Person', 'Teilnehmende')).toBe('1.250 Teilnehmende');
	});
});

describe('quoted', () => {
	it('puts text in German quotation marks', () => {
		expect(quoted('Entwurf')).toBe('„Entwurf“');
	});

	it('turns quotation marks inside into single ones, whichever kind they were', () => {
		expect(quoted('Leitbild „Teilhabe“')).toBe('„Leitbild ‚Teilhabe‘“');
		expect(quoted('Leitbild “Teilhabe”')).toBe('„Leitbild ‚Teilhabe‘“');
		expect(quoted('Leitbild "Teilhabe"')).toBe('„Leitbild ‚Teilhabe‘“');
		expect(quoted('Zoll 3"')).toBe('„Zoll 3‘“');
	});
});

describe('forBody', () => {
	it('names a body with the article its kind needs', () => {
		expect(forBody('Stadt Bergkamen')).toBe('für die Stadt Bergkamen');
		expect(forBody('Kreisstadt Unna')).toBe('für die Kreisstadt Unna');
		expect(forBody('Gemeinde Holzwickede')).toBe('für die Gemeinde Holzwickede');
		expect(forBody('Kreis Unna')).toBe('für den Kreis Unna');
	});

	it('leaves a proper name without one', () => {
		expect(forBody('Bergkamen')).toBe('für Bergkamen');
	});
});
