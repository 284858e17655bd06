import { describe, expect, it } from 'vitest';
import { sourceCounts } from './source-margin';

describe('the source margin', () => {
	it('counts the sources of each passage, one per link', () => {
		expect([...sourceCounts(['a', 'b', 'a', 'a'])]).toEqual([
			['a', 3],
			['b', 1]
		]);
		expect(sourceCounts([]).size).toBe(0);
	});
});
