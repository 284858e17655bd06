import { describe, expect, it } from 'vitest';
import { respondentsLabel } from './labels';

describe('poll labels', () => {
	it('says how many rankings were given, and how many answers otherwise', () => {
		expect(respondentsLabel('ranking', 0)).toBe('0 Rangfolgen');
		expect(respondentsLabel('ranking', 1)).toBe('1 Rangfolge');
		expect(respondentsLabel('ranking', 2)).toBe('2 Rangfolgen');
		expect(respondentsLabel('single', 1)).toBe('1 Antwort');
		expect(respondentsLabel('text', 0)).toBe('0 Antworten');
	});
});
