import { describe, expect, it } from 'vitest';
import type { BenchmarkResult } from './report';
import { formatTargets, issue23Targets } from './targets';

function result(
	benchmark: BenchmarkResult['benchmark'],
	parameters: BenchmarkResult['parameters'],
	medians: BenchmarkResult['medians'],
	extra: Partial<BenchmarkResult> = {}
): BenchmarkResult {
	return {
		benchmark,
		name: benchmark,
		parameters,
		repetitions: 5,
		medians,
		ratioOf: '',
		ratio: null,
		target: '',
		targetMet: null,
		...extra
	};
}

const fanout = (clients: number, ratio: number, oursLoop: number, referenceLoop: number) =>
	result(
		'fanout',
		{ clients },
		{
			ours: { eventLoopDelayP99Ms: oursLoop },
			'yjs-reference': { eventLoopDelayP99Ms: referenceLoop }
		},
		{ ratio }
	);

const coldOpen = (ms: Record<string, [before: number, after: number]>) =>
	result(
		'cold-open',
		{ historyLengths: Object.keys(ms).join(',') },
		Object.fromEntries(
			Object.entries(ms).flatMap(([length, [before, after]]) => [
				[`${length} Änderungen, vor Kompaktierung`, { syncMs: before }],
				[`${length} Änderungen, nach Kompaktierung`, { syncMs: after }]
			])
		)
	);

function byTarget(results: BenchmarkResult[]) {
	return Object.fromEntries(issue23Targets(results).map((check) => [check.target, check]));
}

describe('issue23Targets', () => {
	it('judges the fan-out ratio at 50 and 200 clients against 0.9, and the event loop at 200', () => {
		const checks = byTarget([fanout(50, 0.9, 4, 3), fanout(200, 0.95, 20, 21.7)]);
		expect(checks['Fan-out N = 50: p99 unser / y-websocket ≤ 0.9'].met).toBe(true);
		expect(checks['Fan-out N = 200: p99 unser / y-websocket ≤ 0.9'].met).toBe(false);
		expect(checks['Fan-out N = 200: Event-Loop p99 unser ≤ y-websocket']).toMatchObject({
			met: true,
			value: '20 / 21.7 ms'
		});
	});

	it('judges cold open on the longest history, its flatness and before against after', () => {
		const checks = issue23Targets([coldOpen({ 10000: [82, 46], 100000: [180, 66] })]).filter(
			(check) => check.target.startsWith('Kaltstart')
		);
		expect(checks.map((check) => check.met)).toEqual([true, true, false]);
		expect(checks[2].value).toBe('1.8 / 2.7');
	});

	it('lists every target even when the run did not measure it, undecided', () => {
		const checks = issue23Targets([fanout(10, 1.2, 1, 1)]);
		expect(checks.length).toBeGreaterThanOrEqual(10);
		expect(checks.every((check) => check.met === null && check.value === 'nicht gemessen')).toBe(
			true
		);
		expect(formatTargets(checks)).toContain('– Fan-out N = 50');
	});

	it('reports the scale figures without a target, but a lost or doubled vote fails', () => {
		const burst = (storedOnce: boolean) =>
			result(
				'vote-burst',
				{ participants: 3000 },
				{ ours: { p50Ms: 2, p99Ms: 40, presenterFinalDelayMs: 60 } },
				{ details: { everyAnswerStoredOnce: storedOnce } }
			);
		const target = '3 000 Stimmen: p50/p99, alle genau einmal, Endstand auf der Projektion';
		expect(byTarget([burst(true)])[target].met).toBeNull();
		expect(byTarget([burst(false)])[target].met).toBe(false);
		const conference = result(
			'conference',
			{ participants: 300 },
			{ ours: { cardAckP99Ms: 4711, cardSeenP99Ms: 8706 } }
		);
		expect(
			byTarget([conference])['300 Teilnehmende, fünf Pinnwände: Karte p99 (nur Bericht)'].value
		).toBe('4711 ms (bei allen: 8706 ms)');
	});
});
