// The benchmark harness works: a small run of every benchmark writes results in the documented
// shape, with the correctness parts of each (no lost edit, every vote stored once). Its timings
// are not judged here; benchmarks are not tests.
import { expect, test } from './support/fixtures';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as v from 'valibot';
import { participantLocales } from '../src/lib/i18n/locales';

const metrics = v.record(v.string(), v.number());
const benchmarkResult = v.object({
	benchmark: v.picklist([
		'fanout',
		'cold-open',
		'vote-burst',
		'page-weight',
		'conference',
		'many-documents',
		'memory'
	]),
	name: v.pipe(v.string(), v.minLength(1)),
	parameters: v.record(v.string(), v.union([v.string(), v.number(), v.boolean()])),
	repetitions: v.pipe(v.number(), v.integer(), v.minValue(1)),
	medians: v.record(v.string(), metrics),
	ratioOf: v.pipe(v.string(), v.minLength(1)),
	ratio: v.nullable(v.number()),
	target: v.pipe(v.string(), v.minLength(1)),
	targetMet: v.nullable(v.boolean()),
	details: v.optional(v.record(v.string(), v.unknown())),
	notes: v.optional(v.array(v.string()))
});
const benchReport = v.object({
	version: v.literal(1),
	startedAt: v.pipe(v.string(), v.isoTimestamp()),
	finishedAt: v.pipe(v.string(), v.isoTimestamp()),
	quick: v.boolean(),
	machine: v.object({
		cpuModel: v.string(),
		cpus: v.number(),
		memoryGb: v.number(),
		loadAverage: v.array(v.number()),
		node: v.string(),
		platform: v.string()
	}),
	loadAverageAtEnd: v.array(v.number()),
	benchmarks: v.array(benchmarkResult),
	targets: v.array(
		v.object({
			target: v.pipe(v.string(), v.minLength(1)),
			value: v.pipe(v.string(), v.minLength(1)),
			met: v.nullable(v.boolean())
		})
	)
});

function runQuickBench(out: string): Promise<string> {
	return new Promise((resolve, reject) => {
		execFile(
			'npm',
			['run', 'bench', '--', '--quick', '--repetitions', '1', '--out', out],
			{ maxBuffer: 16 * 2 ** 20 },
			(error, stdout, stderr) =>
				error ? reject(new Error(`${error.message}\n${stdout}\n${stderr}`)) : resolve(stdout)
		);
	});
}

test('npm run bench -- --quick writes every benchmark as valid JSON', async () => {
	// Several servers and worker processes in turn on two cores: about a minute on a quiet
	// machine (one warm-up and one counted round), the rest is room for a loaded one.
	test.setTimeout(480_000);
	const dir = mkdtempSync(path.join(tmpdir(), 'leitbild-bench-test-'));
	try {
		const out = path.join(dir, 'results.json');
		const printed = await runQuickBench(out);
		expect(printed).toContain('Benchmark');
		const report = v.parse(benchReport, JSON.parse(readFileSync(out, 'utf8')));
		expect(report.quick).toBe(true);
		expect(report.benchmarks.map((b) => b.benchmark).sort()).toEqual([
			'cold-open',
			'conference',
			'fanout',
			'many-documents',
			'memory',
			'page-weight',
			'vote-burst'
		]);
		for (const result of report.benchmarks) {
			// One counted round checks the harness; reported figures come from the default five.
			if (result.benchmark !== 'page-weight') expect(result.repetitions).toBe(1);
			for (const values of Object.values(result.medians)) {
				for (const value of Object.values(values)) expect(Number.isFinite(value)).toBe(true);
			}
		}

		const fanout = report.benchmarks.find((b) => b.benchmark === 'fanout')!;
		expect(Object.keys(fanout.medians).sort()).toEqual(['ours', 'raw-broadcast', 'yjs-reference']);
		for (const subject of Object.values(fanout.medians)) {
			expect(subject.deliveries).toBeGreaterThan(0);
			expect(subject.losses).toBe(0);
		}
		expect(fanout.ratio).not.toBeNull();

		const manyDocuments = report.benchmarks.find((b) => b.benchmark === 'many-documents')!;
		expect(Object.keys(manyDocuments.medians).sort()).toEqual(['ours', 'yjs-reference']);
		for (const subject of Object.values(manyDocuments.medians)) {
			expect(subject.deliveries).toBeGreaterThan(0);
			expect(subject.losses).toBe(0);
		}

		const memory = report.benchmarks.find((b) => b.benchmark === 'memory')!;
		expect(Object.keys(memory.medians).sort()).toEqual(['ours', 'yjs-reference']);
		for (const subject of Object.values(memory.medians)) {
			expect(Object.keys(subject)).toEqual(
				expect.arrayContaining(['heapPerDocumentKb', 'heapPerClientKb', 'rssPerDocumentKb'])
			);
		}
		// Every target of #23 is listed, judged or not, so a run shows what it left out.
		expect(report.targets.length).toBeGreaterThanOrEqual(10);

		const burst = report.benchmarks.find((b) => b.benchmark === 'vote-burst')!;
		const participants = burst.parameters.participants;
		expect(burst.medians.ours.accepted).toBe(participants);
		expect(burst.medians.ours.storedAnswers).toBe(participants);
		expect(burst.medians.ours.storedParticipants).toBe(participants);
		expect(burst.details?.everyAnswerStoredOnce).toBe(true);

		const conference = report.benchmarks.find((b) => b.benchmark === 'conference')!;
		expect(Object.keys(conference.medians).sort()).toEqual(['ours', 'reference']);
		for (const subject of Object.values(conference.medians)) expect(subject.lost).toBe(0);
		expect(conference.ratio).not.toBeNull();

		const coldOpen = report.benchmarks.find((b) => b.benchmark === 'cold-open')!;
		const compacted = Object.entries(coldOpen.medians).filter(([name]) => name.includes('nach'));
		expect(compacted.length).toBe(2);
		for (const [, values] of compacted) expect(values.storedRows).toBe(1);

		const weight = report.benchmarks.find((b) => b.benchmark === 'page-weight')!;
		// The poll page in every language (#24), the board and the editor.
		expect(Object.keys(weight.medians)).toHaveLength(participantLocales.length + 2);
		expect(Object.keys(weight.medians)).toContain('Umfrage (Teilnahme, ar)');
		for (const page of Object.values(weight.medians)) {
			expect(page.jsGzipKb).toBeGreaterThan(0);
			expect(page.cssGzipKb).toBeGreaterThan(0);
		}
		const largest = weight.details?.largestModules as Record<string, unknown[]>;
		for (const modules of Object.values(largest)) expect(modules.length).toBeGreaterThan(0);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
});
