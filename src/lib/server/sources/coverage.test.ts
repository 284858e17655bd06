import { describe, expect, it } from 'vitest';
import { coverage, coverageThreshold } from './coverage';

const cards = (...list: [number, boolean][]) => list.map(([votes, used]) => ({ votes, used }));

describe('coverage', () => {
	it('counts the cards with enough dots and those of them in the text', () => {
		const result = coverage(
			cards([5, true], [3, false], [3, true], [2, true], [0, false], [4, true]),
			3
		);
		expect(result).toMatchObject({ considered: 4, used: 3, threshold: 3 });
		expect(result.sentence).toBe(
			'3 von 4 Karten mit mindestens 3 Punkten sind im Text aufgegriffen.'
		);
	});

	it('says one card and one dot in the singular', () => {
		expect(coverage(cards([1, true]), 1).sentence).toBe(
			'1 von 1 Karte mit mindestens 1 Punkt ist im Text aufgegriffen.'
		);
		expect(coverage(cards([4, true], [3, false]), 3).sentence).toBe(
			'1 von 2 Karten mit mindestens 3 Punkten ist im Text aufgegriffen.'
		);
	});

	it('says none plainly', () => {
		expect(coverage(cards([4, false], [3, false]), 3).sentence).toBe(
			'Keine der 2 Karten mit mindestens 3 Punkten ist im Text aufgegriffen.'
		);
		expect(coverage(cards([4, false]), 3).sentence).toBe(
			'Die eine Karte mit mindestens 3 Punkten ist noch nicht im Text aufgegriffen.'
		);
		expect(coverage(cards([2, true]), 3).sentence).toBe('Keine Karte hat mindestens 3 Punkte.');
		expect(coverage([], 1).sentence).toBe('Keine Karte hat mindestens 1 Punkt.');
		expect(coverage([], 0).sentence).toBe('Noch keine Karten.');
	});

	it('counts every card without a minimum', () => {
		expect(coverage(cards([0, true], [0, false], [2, true]), 0).sentence).toBe(
			'2 von 3 Karten sind im Text aufgegriffen.'
		);
	});

	it('reads the threshold from the address', () => {
		expect(coverageThreshold(null)).toBe(3);
		expect(coverageThreshold('')).toBe(3);
		expect(coverageThreshold('0')).toBe(0);
		expect(coverageThreshold('12')).toBe(12);
		expect(coverageThreshold('-1')).toBeNull();
		expect(coverageThreshold('2.5')).toBeNull();
		expect(coverageThreshold('1000')).toBeNull();
		expect(coverageThreshold('drei')).toBeNull();
	});
});
