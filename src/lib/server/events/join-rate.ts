// How fast new participant identities may come from one address. A hall of phones behind one
// Wi-Fi address joins within minutes, so the burst is a hall's size; after it, latecomers come
// at a steady pace. Without this, throwaway identities would multiply every per-participant
// limit. Wrong codes are a separate matter (see joining.ts); re-entry creates nobody.
import { describeWait } from '../auth/rate-limit';
import { addressKey } from '../http/client-address';
import { KeyedBuckets, type Rate } from '../token-buckets';

export class NewParticipantLimit {
	readonly #byAddress: KeyedBuckets;

	constructor(rate: Rate) {
		this.#byAddress = new KeyedBuckets(rate);
	}

	/** Counts a new participant from the address in; or, when they must wait, says so in German. */
	take(address: string, now = Date.now()): string | null {
		const waitMs = this.takeOrWait(address, now);
		if (waitMs === 0) return null;
		return `Über Ihr Netz sind gerade sehr viele Personen beigetreten. Bitte warten Sie ${describeWait(waitMs)} und versuchen Sie es dann noch einmal.`;
	}

	/** Counts a new participant from the address in (0), or says how many ms they must wait. */
	takeOrWait(address: string, now = Date.now()): number {
		const key = addressKey(address);
		if (this.#byAddress.take(key, now)) return 0;
		return Math.max(1, this.#byAddress.waitMs(key, now));
	}
}
