import { describe, expect, it } from 'vitest';
import { KeyedBuckets, TokenBucket } from './token-buckets';

describe('TokenBucket', () => {
	it('allows a burst, then refuses until time refills it', () => {
		const bucket = new TokenBucket({ burst: 3, perSecond: 2 }, 0);
		expect([bucket.take(0), bucket.take(0), bucket.take(0), bucket.take(0)]).toEqual([
			true,
			true,
			true,
			false
		]);
		expect(bucket.waitMs(0)).toBe(500);
		expect(bucket.take(400)).toBe(false);
		expect(bucket.take(600)).toBe(true);
	});

	it('lets a steady sender at the rate go on for ever', () => {
		const bucket = new TokenBucket({ burst: 5, perSecond: 10 }, 0);
		for (let t = 0; t < 60_000; t += 100) expect(bucket.take(t)).toBe(true);
	});

	it('never saves up more than the burst', () => {
		const bucket = new TokenBucket({ burst: 2, perSecond: 1 }, 0);
		const afterAnHour = 3_600_000;
		expect([bucket.take(afterAnHour), bucket.take(afterAnHour), bucket.take(afterAnHour)]).toEqual([
			true,
			true,
			false
		]);
	});

	it('is not refilled by a clock that goes backwards', () => {
		const bucket = new TokenBucket({ burst: 1, perSecond: 1 }, 10_000);
		expect(bucket.take(10_000)).toBe(true);
		expect(bucket.take(5_000)).toBe(false);
		expect(bucket.take(10_500)).toBe(false);
	});
});

describe('KeyedBuckets', () => {
	it('keeps one bucket per key', () => {
		const buckets = new KeyedBuckets({ burst: 2, perSecond: 0.1 });
		expect([buckets.take('a', 0), buckets.take('a', 0), buckets.take('a', 0)]).toEqual([
			true,
			true,
			false
		]);
		expect(buckets.has('b', 0)).toBe(true);
		expect(buckets.take('b', 0)).toBe(true);
		expect(buckets.waitMs('a', 0)).toBe(10_000);
	});

	it('looks without taking', () => {
		const buckets = new KeyedBuckets({ burst: 1, perSecond: 1 });
		expect(buckets.has('a', 0)).toBe(true);
		expect(buckets.has('a', 0)).toBe(true);
		expect(buckets.take('a', 0)).toBe(true);
		expect(buckets.has('a', 0)).toBe(false);
	});

	it('forgets keys whose buckets are full again', () => {
		const buckets = new KeyedBuckets({ burst: 1, perSecond: 1 });
		for (let i = 0; i < 999; i++) buckets.take(`k${i}`, 0);
		expect(buckets.size).toBe(999);
		// The thousandth check sweeps: a minute later every earlier bucket is full.
		buckets.take('spät', 60_000);
		expect(buckets.size).toBe(1);
	});
});
