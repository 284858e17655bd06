import { describe, expect, it } from 'vitest';
import { PresenceBudget } from './presence-budget';
import type { PresenceEntry } from './presence-update';

const limits = { stateBytes: 100, documentBytes: 250, clientsPerConnection: 2 };

function entry(clientId: number, bytes: number | null, clock = 1): PresenceEntry {
	return { clientId, clock, state: bytes === null ? null : { user: {} }, bytes: bytes ?? 4 };
}

describe('PresenceBudget', () => {
	it('takes a normal presence', () => {
		const budget = new PresenceBudget(limits);
		expect(budget.check([entry(1, 80)], new Set())).toEqual({ kind: 'take' });
	});

	it('closes the connection of a state larger than allowed', () => {
		const budget = new PresenceBudget(limits);
		expect(budget.check([entry(1, 101)], new Set())).toEqual({
			kind: 'close',
			code: 4400,
			reason: 'Anwesenheitsangabe zu groß.'
		});
	});

	it('closes a connection that speaks for more clients than allowed, removals included', () => {
		const budget = new PresenceBudget(limits);
		expect(budget.check([entry(1, 10), entry(2, 10)], new Set())).toEqual({ kind: 'take' });
		expect(budget.check([entry(1, 10, 2)], new Set([1, 2]))).toEqual({ kind: 'take' });
		expect(budget.check([entry(3, null)], new Set([1, 2]))).toMatchObject({
			kind: 'close',
			code: 4429
		});
	});

	it('drops what would grow the document past its bound, and still takes renewals', () => {
		const budget = new PresenceBudget(limits);
		budget.record(1, 100);
		budget.record(2, 100);
		expect(budget.total).toBe(200);
		expect(budget.check([entry(3, 60)], new Set())).toEqual({ kind: 'drop' });
		expect(budget.check([entry(3, 50)], new Set())).toEqual({ kind: 'take' });
		// Over the bound already (lowered limits, say): the same size again, or smaller, passes.
		budget.record(3, 90);
		expect(budget.check([entry(3, 90, 2)], new Set([3]))).toEqual({ kind: 'take' });
		expect(budget.check([entry(3, 91, 2)], new Set([3]))).toEqual({ kind: 'drop' });
		expect(budget.check([entry(1, null, 2)], new Set([1]))).toEqual({ kind: 'take' });
	});

	it('keeps the total as states come and go', () => {
		const budget = new PresenceBudget(limits);
		budget.record(1, 40);
		budget.record(1, 60);
		budget.record(2, 30);
		budget.record(1, null);
		budget.record(7, null);
		expect(budget.total).toBe(30);
	});
});
