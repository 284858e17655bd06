// Stacks: cards that say the same lie on one another and are counted as one, but every card
// keeps its text, author and dots, and can be taken out again. The dots of a stack count each
// person once per card of the stack, not once per card: per person, the dots on the one card of
// the stack where they put the most. A dot that lies doubled (the same person on two cards of the
// stack) stays spent but does not count; it counts again when the cards are taken apart.

export interface StackedCard {
	id: string;
	stackedOnId: string | null;
}

export interface CardVote {
	cardId: string;
	voterKey: string;
}

/** For every card, the card at the top of its stack: itself when it lies on no other. */
export function stackTops(cards: readonly StackedCard[]): (cardId: string) => string {
	const tops = new Map(cards.map((c) => [c.id, c.stackedOnId ?? c.id]));
	return (cardId) => tops.get(cardId) ?? cardId;
}

/**
 * The dots that count, from all dots in the order they were given: per person and stack, those
 * on the card where the person put the most; on a tie, the top card, else the card dotted first.
 */
export function countedVotes<V extends CardVote>(
	votes: readonly V[],
	topOf: (cardId: string) => string
): V[] {
	// person and stack → card → that person's dots on it, in the order given
	const byPersonAndStack = new Map<string, Map<string, V[]>>();
	for (const vote of votes) {
		const top = topOf(vote.cardId);
		// Keys are ids (UUIDs): a NUL cannot occur in them. Cheaper than JSON on every broadcast.
		const key = `${vote.voterKey}\u0000${top}`;
		let cards = byPersonAndStack.get(key);
		if (!cards) byPersonAndStack.set(key, (cards = new Map()));
		const onCard = cards.get(vote.cardId);
		if (onCard) onCard.push(vote);
		else cards.set(vote.cardId, [vote]);
	}
	const counted = new Set<V>();
	for (const cards of byPersonAndStack.values()) {
		let best: [string, V[]] | undefined;
		for (const entry of cards) {
			const [cardId, onCard] = entry;
			if (
				!best ||
				onCard.length > best[1].length ||
				(onCard.length === best[1].length && cardId === topOf(cardId) && best[0] !== cardId)
			) {
				best = entry;
			}
		}
		for (const vote of best![1]) counted.add(vote);
	}
	return votes.filter((vote) => counted.has(vote));
}

/** Counted dots per stack, by the id of its top card. */
export function dotsPerStack(
	votes: readonly CardVote[],
	topOf: (cardId: string) => string
): Map<string, number> {
	const totals = new Map<string, number>();
	for (const vote of countedVotes(votes, topOf)) {
		const top = topOf(vote.cardId);
		totals.set(top, (totals.get(top) ?? 0) + 1);
	}
	return totals;
}
