import { describe, expect, it } from 'vitest';
import { linearFit, median, medianOfRuns, percentile, ratio, summarizeLatencies } from './stats';

describe('percentile', () => {
	it('takes the nearest rank, whatever the input order', () => {
		const samples = [5, 1, 4, 2, 3, 6, 7, 8, 9, 10];
		expect(percentile(samples, 50)).toBe(5);
		expect(percentile(samples, 99)).toBe(10);
		expect(percentile(samples, 0)).toBe(1);
	});

	it('finds the maximum of more samples than a function call takes arguments', () => {
		const samples = Array.from({ length: 300_000 }, (_, index) => index % 1000);
		expect(summarizeLatencies(samples).max).toBe(999);
		expect(summarizeLatencies([3, 1, 2])).toMatchObject({ count: 3, p50: 2, max: 3 });
	});

	it('is NaN without samples rather than a made-up zero', () => {
		expect(percentile([], 50)).toBeNaN();
		expect(summarizeLatencies([]).count).toBe(0);
	});
});

describe('median', () => {
	it('averages the middle two of an even count', () => {
		expect(median([4, 1, 3, 2])).toBe(2.5);
		expect(median([9, 1, 5])).toBe(5);
	});

	it('takes each field separately over repetitions', () => {
		expect(
			medianOfRuns([
				{ p99: 10, losses: 0 },
				{ p99: 30, losses: 0 },
				{ p99: 20, losses: 1 }
			])
		).toEqual({ p99: 20, losses: 0 });
	});
});

describe('ratio', () => {
	it('is ours over the reference, and null when the reference has no value', () => {
		expect(ratio(15, 10)).toBe(1.5);
		expect(ratio(1, 3)).toBe(0.33);
		expect(ratio(5, 0)).toBeNull();
		expect(ratio(Number.NaN, 2)).toBeNull();
	});
});

describe('linearFit', () => {
	it('finds the growth per step of points on a line', () => {
		const fit = linearFit([
			{ x: 0, y: 80 },
			{ x: 50, y: 105 },
			{ x: 100, y: 130 }
		]);
		expect(fit.slope).toBeCloseTo(0.5);
		expect(fit.intercept).toBeCloseTo(80);
	});

	it('fits noisy points by least squares rather than through the end points', () => {
		const fit = linearFit([
			{ x: 0, y: 0 },
			{ x: 1, y: 3 },
			{ x: 2, y: 2 }
		]);
		expect(fit.slope).toBeCloseTo(1);
		expect(fit.intercept).toBeCloseTo(2 / 3);
	});

	it('is NaN when every point has the same x, or there are none', () => {
		expect(
			linearFit([
				{ x: 5, y: 1 },
				{ x: 5, y: 2 }
			]).slope
		).toBeNaN();
		expect(linearFit([]).slope).toBeNaN();
	});
});
