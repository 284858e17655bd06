import { describe, expect, it } from 'vitest';
import { interleavedRounds, roundLabel } from './rounds';

describe('interleavedRounds', () => {
	it('warms up once uncounted, then turns the order each round', async () => {
		const order: string[] = [];
		const results = await interleavedRounds(
			['a', 'b', 'c'],
			(s) => s,
			2,
			async (s, round) => {
				order.push(`${s}${round}`);
				return round;
			}
		);
		expect(order).toEqual(['a0', 'b0', 'c0', 'b1', 'c1', 'a1', 'c2', 'a2', 'b2']);
		expect([...results]).toEqual([
			['a', [1, 2]],
			['b', [1, 2]],
			['c', [1, 2]]
		]);
		expect([roundLabel(0), roundLabel(3)]).toEqual(['Aufwärmen', '#3']);
	});
});
