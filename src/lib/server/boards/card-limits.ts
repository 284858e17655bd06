// How fast new cards may come: from one participant, and onto one board from one address. A
// flood of throwaway participants then takes minutes to fill a board, not seconds, and the
// moderation (never limited) can lock it meanwhile; people from other addresses are not slowed.
import { describeWait } from '../auth/rate-limit';
import type { BoardRefusal } from '../../boards/types';
import { KeyedBuckets, type Rate } from '../token-buckets';
import type { CommandAuthor } from './commands';

export interface CardRates {
	perAuthor: Rate;
	perBoardAndAddress: Rate;
}

export class NewCardLimits {
	readonly #byAuthor: KeyedBuckets;
	readonly #byBoardAndAddress: KeyedBuckets;

	constructor(rates: CardRates) {
		this.#byAuthor = new KeyedBuckets(rates.perAuthor);
		this.#byBoardAndAddress = new KeyedBuckets(rates.perBoardAndAddress);
	}

	/** Counts a new card in; or, when it must wait, says so in German and by a code. */
	take(author: CommandAuthor, boardId: string, address: string, now: number): BoardRefusal | null {
		if (author.moderator) return null;
		const board = `${boardId} ${address}`;
		if (!this.#byAuthor.has(author.key, now)) {
			const waitMs = this.#byAuthor.waitMs(author.key, now);
			return {
				message: `Sie haben gerade sehr viele Karten geschrieben. Bitte warten Sie ${describeWait(waitMs)}.`,
				code: 'wait_author',
				params: { seconds: Math.ceil(waitMs / 1000) }
			};
		}
		if (!this.#byBoardAndAddress.has(board, now)) {
			const waitMs = this.#byBoardAndAddress.waitMs(board, now);
			return {
				message: `Auf dieser Pinnwand entstehen gerade sehr viele Karten aus Ihrem Netz. Bitte versuchen Sie es in ${describeWait(waitMs)} noch einmal.`,
				code: 'wait_address',
				params: { seconds: Math.ceil(waitMs / 1000) }
			};
		}
		this.#byAuthor.take(author.key, now);
		this.#byBoardAndAddress.take(board, now);
		return null;
	}
}
