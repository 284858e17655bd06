// Summaries of measured samples: percentiles of one run, medians over repetitions.

/** The p-th percentile (0–100) by nearest rank; NaN for no samples. */
export function percentile(samples: readonly number[], p: number): number {
	if (samples.length === 0) return Number.NaN;
	const sorted = [...samples].sort((a, b) => a - b);
	const rank = Math.ceil((p / 100) * sorted.length);
	return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export function median(values: readonly number[]): number {
	if (values.length === 0) return Number.NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export interface LatencySummary {
	count: number;
	p50: number;
	p95: number;
	p99: number;
	max: number;
}

export function summarizeLatencies(samples: readonly number[]): LatencySummary {
	return {
		count: samples.length,
		p50: percentile(samples, 50),
		p95: percentile(samples, 95),
		p99: percentile(samples, 99),
		// Not Math.max(...samples): a large fan-out gives more samples than a call takes arguments.
		max: samples.length ? samples.reduce((max, sample) => Math.max(max, sample)) : Number.NaN
	};
}

/**
 * The median of each numeric field over repetitions: one value per field, so a single noisy
 * repetition moves nothing. Fields missing in a repetition are left out of that field's median.
 */
export function medianOfRuns<T extends Record<string, number>>(runs: readonly T[]): T {
	const keys = new Set(runs.flatMap((run) => Object.keys(run)));
	const result: Record<string, number> = {};
	for (const key of keys) {
		result[key] = median(runs.map((run) => run[key]).filter((value) => value !== undefined));
	}
	return result as T;
}

/** ours ÷ reference, rounded to two decimals; null when the reference measured nothing. */
export function ratio(ours: number, reference: number): number | null {
	if (!Number.isFinite(ours) || !Number.isFinite(reference) || reference <= 0) return null;
	return Math.round((ours / reference) * 100) / 100;
}

export function round(value: number, digits = 2): number {
	if (!Number.isFinite(value)) return value;
	const factor = 10 ** digits;
	return Math.round(value * factor) / factor;
}

/**
 * The least-squares line through the points: how much y grows per unit of x (e.g. memory per
 * open document), fitted over every step rather than read off the end points alone. NaN when
 * the x values do not differ.
 */
export function linearFit(points: readonly { x: number; y: number }[]): {
	slope: number;
	intercept: number;
} {
	const n = points.length;
	const meanX = points.reduce((sum, point) => sum + point.x, 0) / n;
	const meanY = points.reduce((sum, point) => sum + point.y, 0) / n;
	let covariance = 0;
	let variance = 0;
	for (const { x, y } of points) {
		covariance += (x - meanX) * (y - meanY);
		variance += (x - meanX) ** 2;
	}
	if (!(variance > 0)) return { slope: Number.NaN, intercept: Number.NaN };
	const slope = covariance / variance;
	return { slope, intercept: meanY - slope * meanX };
}
