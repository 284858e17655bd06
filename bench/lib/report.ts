// The shape of bench/results.json, and the table printed at the end of a run.
import os from 'node:os';
import type { TargetCheck } from './targets';

export interface BenchmarkResult {
	benchmark:
		| 'fanout'
		| 'cold-open'
		| 'vote-burst'
		| 'page-weight'
		| 'conference'
		| 'many-documents'
		| 'memory';
	/** Unique within a run, e.g. "fanout N=50". */
	name: string;
	parameters: Record<string, string | number | boolean>;
	/** Measured repetitions after the warm-up; medians are over these. */
	repetitions: number;
	/** Per subject (ours, a reference, a page) the median of each metric. */
	medians: Record<string, Record<string, number>>;
	/** What the ratio compares, e.g. "p99(ours) / p99(yjs-reference)". */
	ratioOf: string;
	ratio: number | null;
	target: string;
	/** Whether the target was met; null when there was nothing to decide it on. */
	targetMet: boolean | null;
	/** Detail beyond medians, e.g. the largest modules of a page. */
	details?: Record<string, unknown>;
	notes?: string[];
}

export interface BenchReport {
	version: 1;
	startedAt: string;
	finishedAt: string;
	quick: boolean;
	machine: {
		cpuModel: string;
		cpus: number;
		memoryGb: number;
		loadAverage: number[];
		node: string;
		platform: string;
	};
	loadAverageAtEnd: number[];
	benchmarks: BenchmarkResult[];
	/** The targets of issue #23, judged from the benchmarks above. */
	targets: TargetCheck[];
}

export function describeMachine(): BenchReport['machine'] {
	const cpus = os.cpus();
	return {
		cpuModel: cpus[0]?.model ?? 'unbekannt',
		cpus: cpus.length,
		memoryGb: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
		loadAverage: os.loadavg().map((load) => Math.round(load * 100) / 100),
		node: process.version,
		platform: `${os.platform()} ${os.release()}`
	};
}

/** ✓ met, ✗ missed, – no target or nothing to judge it on. */
export function markOf(met: boolean | null): string {
	return met === null ? '–' : met ? '✓' : '✗';
}

export function formatNumber(value: number): string {
	if (!Number.isFinite(value)) return '–';
	if (Math.abs(value) >= 100) return String(Math.round(value));
	return String(Math.round(value * 10) / 10);
}

/** One line per benchmark and subject, with the metrics that benchmark is about. */
export function formatTable(results: readonly BenchmarkResult[]): string {
	const rows: string[][] = [['Benchmark', 'Messobjekt', 'Medianwerte', 'Verhältnis', 'Ziel']];
	for (const result of results) {
		const subjects = Object.entries(result.medians);
		subjects.forEach(([subject, metrics], index) => {
			const shown = Object.entries(metrics)
				.map(([metric, value]) => `${metric} ${formatNumber(value)}`)
				.join(', ');
			const first = index === 0;
			rows.push([
				first ? result.name : '',
				subject,
				shown,
				first ? `${result.ratio ?? '–'} (${result.ratioOf})` : '',
				first ? `${result.target} ${markOf(result.targetMet)}` : ''
			]);
		});
	}
	const widths = rows[0].map((_, column) =>
		Math.min(column === 2 ? 90 : 40, Math.max(...rows.map((row) => row[column].length)))
	);
	return rows
		.map((row) =>
			row
				.map((cell, column) =>
					(cell.length > widths[column] ? `${cell.slice(0, widths[column] - 1)}…` : cell).padEnd(
						widths[column]
					)
				)
				.join('  ')
				.trimEnd()
		)
		.join('\n');
}

const subjectMetrics: Record<BenchmarkResult['benchmark'], string[]> = {
	fanout: ['p50Ms', 'p95Ms', 'p99Ms', 'losses', 'cpuPercent', 'rssMb', 'eventLoopDelayP99Ms'],
	'cold-open': ['syncMs', 'storedRows', 'storedKb'],
	'vote-burst': ['accepted', 'storedAnswers', 'p50Ms', 'p99Ms', 'presenterFinalDelayMs'],
	'page-weight': ['jsCssGzipKb', 'jsGzipKb', 'cssGzipKb', 'fontsKb', 'targetKb'],
	conference: [
		'cardAckP50Ms',
		'cardAckP99Ms',
		'cardSeenP50Ms',
		'cardSeenP99Ms',
		'voteAckP50Ms',
		'voteAckP99Ms',
		'lost',
		'cpuPercent',
		'eventLoopDelayP99Ms'
	],
	'many-documents': [
		'p50Ms',
		'p95Ms',
		'p99Ms',
		'losses',
		'cpuPercent',
		'rssMb',
		'eventLoopDelayP99Ms'
	],
	memory: [
		'heapPerDocumentKb',
		'rssPerDocumentKb',
		'heapPerClientKb',
		'rssPerClientKb',
		'heapIdleMb'
	]
};

/** The results as Markdown tables, one per benchmark, for the README's section "Leistung". */
export function formatMarkdown(report: BenchReport): string {
	const sections: string[] = [];
	for (const result of report.benchmarks) {
		const columns = subjectMetrics[result.benchmark];
		const lines = [
			`**${result.name}** (${result.repetitions === 1 ? 'eine Messung' : `${result.repetitions} Wiederholungen, Median`}) – Verhältnis ${result.ratioOf}: **${result.ratio ?? '–'}**; Ziel: ${result.target} ${markOf(result.targetMet)}`,
			'',
			`| | ${columns.join(' | ')} |`,
			`|---|${columns.map(() => '---:').join('|')}|`,
			...Object.entries(result.medians).map(
				([subject, metrics]) =>
					`| ${subject} | ${columns.map((column) => formatNumber(metrics[column] ?? Number.NaN)).join(' | ')} |`
			)
		];
		sections.push(lines.join('\n'));
	}
	sections.push(
		[
			'**Ziele aus Issue #23**',
			'',
			...report.targets.map((check) => `- ${markOf(check.met)} ${check.target}: ${check.value}`)
		].join('\n')
	);
	return sections.join('\n\n');
}
