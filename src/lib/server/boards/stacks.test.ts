import { describe, expect, it } from 'vitest';
import { countedVotes, dotsPerStack, stackTops } from './stacks';

const cards = [
	{ id: 'top', stackedOnId: null },
	{ id: 'under', stackedOnId: 'top' },
	{ id: 'alone', stackedOnId: null }
];
const topOf = stackTops(cards);
const dot = (cardId: string, voterKey: string) => ({ cardId, voterKey });

describe('stacks', () => {
	it('counts a person once per stack, with the dots of their strongest card', () => {
		const votes = [
			dot('top', 'anna'),
			dot('under', 'anna'),
			dot('under', 'ben'),
			dot('under', 'ben'),
			dot('top', 'ben'),
			dot('alone', 'anna')
		];
		expect(Object.fromEntries(dotsPerStack(votes, topOf))).toEqual({ top: 3, alone: 1 });
		// Anna's dot on the top card counts (a tie goes to the top), Ben's two on the card under it.
		expect(countedVotes(votes, topOf)).toEqual([votes[0], votes[2], votes[3], votes[5]]);
	});

	it('counts every dot of cards on their own', () => {
		const votes = [dot('alone', 'anna'), dot('alone', 'anna'), dot('top', 'anna')];
		expect(countedVotes(votes, topOf)).toEqual(votes);
		expect(topOf('under')).toBe('top');
		expect(topOf('unbekannt')).toBe('unbekannt');
	});
});
