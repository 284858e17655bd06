// The order in which a ranking's options first appear to one person. Listed the same for
// everyone, the first options win from being first; shuffled per person they do not. Derived from
// the person and the question, so it stays the same on every load and the server can tell an
// untouched start order from one the person arranged.
import { createHash } from 'node:crypto';

/** Fisher–Yates, drawing from a SHA-256 stream of the person and the question. */
export function rankingStartOrder(
	participantId: string,
	questionId: string,
	count: number
): number[] {
	const order = Array.from({ length: count }, (_, index) => index);
	let pool = Buffer.alloc(0);
	let round = 0;
	const draw = () => {
		if (pool.length < 4) {
			pool = createHash('sha256').update(`${questionId}:${participantId}:${round++}`).digest();
		}
		const value = pool.readUInt32BE(0);
		pool = pool.subarray(4);
		return value;
	};
	for (let i = count - 1; i > 0; i--) {
		// At most 20 options: the bias of a 32-bit value modulo 20 is below one in 200 million.
		const j = draw() % (i + 1);
		[order[i], order[j]] = [order[j], order[i]];
	}
	return order;
}

/** Whether a sent ranking is the person's start order, not moved at all. */
export function isStartOrder(
	ranking: number[],
	participantId: string,
	questionId: string
): boolean {
	const start = rankingStartOrder(participantId, questionId, ranking.length);
	return ranking.every((option, position) => option === start[position]);
}
