import { describe, expect, it } from 'vitest';
import { fitBars, layoutBars, wrapLabel, type BarRow } from './bar-chart';

const rows = (count: number, length: number): BarRow[] =>
	Array.from({ length: count }, (_, i) => ({
		labelLines: [`${i + 1}. ${'Armutsfolgenbekämpfung im Quartier '.repeat(8)}`.slice(0, length)],
		fraction: (i + 1) / count,
		value: `${i + 1} (${Math.round(((i + 1) / count) * 100)} %)`
	}));

describe('wrapLabel', () => {
	it('cuts a long label to one line where asked', () => {
		expect(wrapLabel('Sozialplanung verstärken', 12, 1)).toEqual(['Sozialplanu…']);
		expect(wrapLabel('Sozialplanung verstärken', 14)).toEqual(['Sozialplanung', 'verstärken']);
	});
});

describe('fitBars', () => {
	const box = { width: 900, height: 400, maxLabelSize: 30, minLabelSize: 14 };

	it('gives a few short options the largest type, one below the other', () => {
		const layout = fitBars(rows(4, 40), box);
		expect(layout.labelSize).toBe(30);
		expect(layout.height).toBeLessThanOrEqual(400);
		expect(new Set(layout.rows.map((row) => row.labelX))).toEqual(new Set([0]));
	});

	it('fits the most options with the longest labels into the box, in columns', () => {
		const layout = fitBars(rows(20, 200), box);
		expect(layout.rows).toHaveLength(20);
		expect(layout.height).toBeLessThanOrEqual(400);
		expect(layout.labelSize).toBeGreaterThanOrEqual(14);
		expect(new Set(layout.rows.map((row) => row.labelX)).size).toBeGreaterThan(1);
		for (const row of layout.rows) {
			expect(row.labelLines.length).toBeLessThanOrEqual(2);
			expect(row.barX + layout.trackWidth).toBeLessThanOrEqual(900);
		}
	});

	it('uses larger type the more room there is', () => {
		const small = fitBars(rows(10, 80), box);
		const large = fitBars(rows(10, 80), { ...box, width: 1300, height: 700, maxLabelSize: 44 });
		expect(large.labelSize).toBeGreaterThan(small.labelSize);
	});

	it('returns the most compact layout at the smallest type where nothing fits', () => {
		const layout = fitBars(rows(20, 200), { ...box, height: 60 });
		expect(layout.labelSize).toBe(14);
		expect(layout.height).toBeGreaterThan(60);
	});

	it('leaves the layout for pages and files as it was', () => {
		const layout = layoutBars(rows(3, 30), { width: 600, labelSize: 18 });
		expect(layout.rows.every((row) => row.labelX === 0 && row.barX === 0)).toBe(true);
	});
});
