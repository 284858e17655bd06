import { describe, expect, it } from 'vitest';
import { firstRetryMs, longestRetryMs, refusedForGood, retryDelay } from './reconnect-policy';

describe('reconnect policy', () => {
	it('doubles the pause per failed attempt, up to the longest', () => {
		const middle = () => 0.5;
		expect([0, 1, 2, 3, 4, 5, 10, 100].map((n) => retryDelay(n, middle))).toEqual([
			1000, 2000, 4000, 8000, 15_000, 15_000, 15_000, 15_000
		]);
		expect(retryDelay(0, middle)).toBe(firstRetryMs);
		expect(retryDelay(50, middle)).toBe(longestRetryMs);
	});

	it('spreads each pause by a quarter either way', () => {
		expect(retryDelay(0, () => 0)).toBe(750);
		expect(retryDelay(0, () => 0.999_999)).toBe(1250);
		expect(retryDelay(9, () => 0)).toBe(11_250);
		expect(retryDelay(9, () => 0.999_999)).toBe(18_750);
	});

	it('gives up only on the refusals that mirror HTTP 4xx', () => {
		for (const code of [4400, 4401, 4403, 4404, 4409, 4410, 4413, 4429, 4499]) {
			expect(refusedForGood(code), String(code)).toBe(true);
		}
		for (const code of [1000, 1001, 1006, 1008, 1011, 1012, 4000, 4399, 4500]) {
			expect(refusedForGood(code), String(code)).toBe(false);
		}
	});
});
