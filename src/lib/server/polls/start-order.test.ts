import { describe, expect, it } from 'vitest';
import { isStartOrder, rankingStartOrder } from './start-order';

describe('ranking start order', () => {
	it('is a full order of the options, the same for one person on every call', () => {
		const order = rankingStartOrder('person-a', 'question-1', 8);
		expect([...order].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
		expect(rankingStartOrder('person-a', 'question-1', 8)).toEqual(order);
	});

	it('differs between people and between questions', () => {
		const a = rankingStartOrder('person-a', 'question-1', 8);
		expect(rankingStartOrder('person-b', 'question-1', 8)).not.toEqual(a);
		expect(rankingStartOrder('person-a', 'question-2', 8)).not.toEqual(a);
	});

	it('puts every option first about equally often across a hall of people', () => {
		const firsts = [0, 0, 0, 0];
		const people = 4000;
		for (let i = 0; i < people; i++) firsts[rankingStartOrder(`person-${i}`, 'q', 4)[0]] += 1;
		// Expected 1000 each; 150 is more than four standard deviations (about 27).
		for (const count of firsts) expect(Math.abs(count - people / 4)).toBeLessThan(150);
	});

	it('draws enough for twenty options and handles one', () => {
		const order = rankingStartOrder('person-a', 'question-1', 20);
		expect(new Set(order).size).toBe(20);
		expect(rankingStartOrder('person-a', 'question-1', 1)).toEqual([0]);
	});

	it('tells the untouched start order from a moved one', () => {
		const start = rankingStartOrder('person-a', 'question-1', 5);
		expect(isStartOrder(start, 'person-a', 'question-1')).toBe(true);
		const moved = [start[1], start[0], ...start.slice(2)];
		expect(isStartOrder(moved, 'person-a', 'question-1')).toBe(false);
	});
});
