// Token buckets: a burst at once, then a steady rate. One bucket limits one connection's
// messages; a keyed set limits what many keys do (new cards per board and address, joins per
// address) and forgets keys that have been quiet long enough to be full again.

export interface Rate {
	burst: number;
	perSecond: number;
}

export class TokenBucket {
	#tokens: number;
	#last: number;

	constructor(
		readonly rate: Rate,
		now: number
	) {
		this.#tokens = rate.burst;
		this.#last = now;
	}

	/** Tokens available now (refilled for the time since the last call). */
	available(now: number): number {
		const elapsed = Math.max(0, now - this.#last) / 1000;
		this.#last = Math.max(this.#last, now);
		this.#tokens = Math.min(this.rate.burst, this.#tokens + elapsed * this.rate.perSecond);
		return this.#tokens;
	}

	/** Takes one token; false when there is none. */
	take(now: number): boolean {
		if (this.available(now) < 1) return false;
		this.#tokens -= 1;
		return true;
	}

	/** How long until the next token, in ms; 0 when one is there. */
	waitMs(now: number): number {
		const missing = 1 - this.available(now);
		if (missing <= 0) return 0;
		return this.rate.perSecond > 0 ? Math.ceil((missing / this.rate.perSecond) * 1000) : Infinity;
	}
}

/** Keys not touched for this many checks are looked at, and forgotten when full. */
const sweepEvery = 1000;

export class KeyedBuckets {
	readonly #buckets = new Map<string, TokenBucket>();
	#checks = 0;

	constructor(readonly rate: Rate) {}

	#bucket(key: string, now: number): TokenBucket {
		if (++this.#checks % sweepEvery === 0) this.#sweep(now);
		let bucket = this.#buckets.get(key);
		if (!bucket) {
			bucket = new TokenBucket(this.rate, now);
			this.#buckets.set(key, bucket);
		}
		return bucket;
	}

	/** A full bucket is the same as none: forgetting it keeps memory to the keys in use. */
	#sweep(now: number) {
		for (const [key, bucket] of this.#buckets) {
			if (bucket.available(now) >= this.rate.burst) this.#buckets.delete(key);
		}
	}

	/** Whether the key has a token now, without taking it. */
	has(key: string, now: number): boolean {
		return this.#bucket(key, now).available(now) >= 1;
	}

	take(key: string, now: number): boolean {
		return this.#bucket(key, now).take(now);
	}

	waitMs(key: string, now: number): number {
		return this.#bucket(key, now).waitMs(now);
	}

	/** How many keys are held (for tests of the sweep). */
	get size(): number {
		return this.#buckets.size;
	}
}
