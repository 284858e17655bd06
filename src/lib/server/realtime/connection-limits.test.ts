import { describe, expect, it } from 'vitest';
import { MessageBudget } from './connection-limits';

describe('MessageBudget', () => {
	it('allows a burst, then refuses until time refills it', () => {
		const budget = new MessageBudget({ burst: 3, perSecond: 2 }, 0);
		expect([budget.take(0), budget.take(0), budget.take(0), budget.take(0)]).toEqual([
			true,
			true,
			true,
			false
		]);
		expect(budget.take(400)).toBe(false);
		expect(budget.take(600)).toBe(true);
	});

	it('lets a steady sender at the rate go on for ever', () => {
		const budget = new MessageBudget({ burst: 5, perSecond: 10 }, 0);
		for (let t = 0; t < 60_000; t += 100) expect(budget.take(t)).toBe(true);
	});

	it('never saves up more than the burst', () => {
		const budget = new MessageBudget({ burst: 2, perSecond: 1 }, 0);
		const afterAnHour = 3_600_000;
		expect([budget.take(afterAnHour), budget.take(afterAnHour), budget.take(afterAnHour)]).toEqual([
			true,
			true,
			false
		]);
	});
});
