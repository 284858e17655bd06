import { describe, expect, it } from 'vitest';
import { createMetrics, metricPrefix, type ScrapeSources } from './registry';

const metricName = '[a-zA-Z_:][a-zA-Z0-9_:]*';
const label = '[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\\\\n]|\\\\[\\\\"n])*"';
// Go's ParseFloat, as Prometheus reads values: NaN and Inf in any case (prom-client writes "Nan").
const number =
	'[-+]?(?:\\d+\\.?\\d*(?:[eE][-+]?\\d+)?|\\.\\d+(?:[eE][-+]?\\d+)?|[Nn][Aa][Nn]|[Ii][Nn][Ff])';
const helpLine = new RegExp(`^# HELP (${metricName}) (?:[^\\\\\\n]|\\\\[\\\\n])*$`);
const typeLine = new RegExp(`^# TYPE (${metricName}) (counter|gauge|histogram|summary|untyped)$`);
const sampleLine = new RegExp(
	`^(${metricName})(?:\\{(?:${label}(?:,${label})*,?)?\\})? ${number}(?: -?\\d+)?$`
);

interface Family {
	type: string;
	help: boolean;
	samples: string[];
}

/** Reads the exposition format (text 0.0.4) strictly: every line must be a HELP, a TYPE or a
 * sample of a family declared before it; anything else fails the test. */
function parseExposition(text: string): Map<string, Family> {
	const families = new Map<string, Family>();
	const familyOf = (sample: string) => {
		for (const suffix of ['', '_bucket', '_sum', '_count', '_total', '_created']) {
			if (!sample.endsWith(suffix)) continue;
			const family = families.get(sample.slice(0, sample.length - suffix.length));
			if (family) return family;
		}
		return undefined;
	};
	expect(text.endsWith('\n'), 'ends with a newline').toBe(true);
	for (const line of text.slice(0, -1).split('\n')) {
		if (line === '') continue;
		const help = helpLine.exec(line);
		const type = typeLine.exec(line);
		const sample = sampleLine.exec(line);
		if (help) {
			const family = families.get(help[1]) ?? { type: 'untyped', help: false, samples: [] };
			family.help = true;
			families.set(help[1], family);
		} else if (type) {
			const family = families.get(type[1]) ?? { type: type[2], help: false, samples: [] };
			expect(family.samples, `TYPE of ${type[1]} before its samples`).toEqual([]);
			family.type = type[2];
			families.set(type[1], family);
		} else if (sample) {
			const family = familyOf(sample[1]);
			expect(family, `family of ${line}`).toBeDefined();
			family!.samples.push(line);
		} else {
			expect.fail(`not a line of the exposition format: ${JSON.stringify(line)}`);
		}
	}
	return families;
}

function sources(overrides: Partial<ScrapeSources> = {}): ScrapeSources {
	return {
		connectionsByChannel: () => ({ document: 2, board: 0 }),
		loadedDocuments: () => 1,
		outbox: () => ({ queued: 3, sending: 0, sent: 7, failed: 1 }),
		databaseFiles: () => ({ main: 4096, wal: undefined }),
		...overrides
	};
}

async function valueOf(
	metrics: ReturnType<typeof createMetrics>,
	name: string,
	labels: Record<string, string | number> = {}
): Promise<number | undefined> {
	const all = await metrics.registry.getMetricsAsJSON();
	const found = all.find((metric) => metric.name === name);
	const matches = found?.values.filter((value) =>
		Object.entries(labels).every(([key, wanted]) => value.labels[key] === wanted)
	);
	return matches?.length ? matches.reduce((sum, value) => sum + value.value, 0) : undefined;
}

describe('the metrics registry', () => {
	it('writes the Prometheus text format, every family prefixed, typed and explained', async () => {
		const metrics = createMetrics();
		metrics.watch(sources());
		metrics.request('/(staff)/dokumente/[slug]', 200, 0.012);
		metrics.request(null, 404, 0.001);
		metrics.signInFailed();
		metrics.joinRefused('unknown');
		metrics.documents.appended(0.0003);
		metrics.documents.compacted(0.05);
		metrics.mail.attemptFailed('queued');

		const families = parseExposition(await metrics.registry.metrics());
		for (const [name, family] of families) {
			expect(name.startsWith(metricPrefix), name).toBe(true);
			expect(family.help, `HELP of ${name}`).toBe(true);
			expect(family.type, `TYPE of ${name}`).not.toBe('untyped');
		}
		const expected = {
			leitbild_http_requests_total: 'counter',
			leitbild_http_request_duration_seconds: 'histogram',
			leitbild_throttled_requests_total: 'counter',
			leitbild_sign_in_failures_total: 'counter',
			leitbild_join_refusals_total: 'counter',
			leitbild_websocket_connections: 'gauge',
			leitbild_live_documents: 'gauge',
			leitbild_yjs_update_append_duration_seconds: 'histogram',
			leitbild_yjs_compaction_duration_seconds: 'histogram',
			leitbild_mail_outbox_messages: 'gauge',
			leitbild_mail_delivery_failures_total: 'counter',
			leitbild_database_size_bytes: 'gauge',
			// collectDefaultMetrics, with the prefix: event-loop lag and memory.
			leitbild_nodejs_eventloop_lag_seconds: 'gauge',
			leitbild_process_resident_memory_bytes: 'gauge'
		};
		for (const [name, type] of Object.entries(expected)) {
			expect(families.get(name)?.type, name).toBe(type);
		}
		expect(families.get('leitbild_http_requests_total')!.samples).toContain(
			'leitbild_http_requests_total{route="/(staff)/dokumente/[slug]",status="200"} 1'
		);
		expect(families.get('leitbild_http_requests_total')!.samples).toContain(
			'leitbild_http_requests_total{route="unmatched",status="404"} 1'
		);
		expect(families.get('leitbild_websocket_connections')!.samples).toEqual([
			'leitbild_websocket_connections{channel="document"} 2',
			'leitbild_websocket_connections{channel="board"} 0'
		]);
		expect(families.get('leitbild_database_size_bytes')!.samples).toEqual([
			'leitbild_database_size_bytes{file="main"} 4096'
		]);
	});

	it('counts what is recorded, and reads the rest when scraped', async () => {
		const metrics = createMetrics();
		let loaded = 1;
		metrics.watch(sources({ loadedDocuments: () => loaded }));
		metrics.request('/anmelden', 429, 0.002);
		metrics.request('/anmelden', 400, 0.002);
		metrics.joinRefused('malformed');
		metrics.joinRefused('malformed');
		metrics.mail.attemptFailed('failed');
		metrics.documents.appended(0.0002);
		metrics.documents.appended(0.0004);

		expect(
			await valueOf(metrics, 'leitbild_throttled_requests_total', { route: '/anmelden' })
		).toBe(1);
		expect(
			await valueOf(metrics, 'leitbild_http_requests_total', { route: '/anmelden', status: '400' })
		).toBe(1);
		expect(await valueOf(metrics, 'leitbild_join_refusals_total', { reason: 'malformed' })).toBe(2);
		expect(
			await valueOf(metrics, 'leitbild_mail_delivery_failures_total', { outcome: 'failed' })
		).toBe(1);
		expect(await valueOf(metrics, 'leitbild_mail_outbox_messages', { state: 'queued' })).toBe(3);
		const text = await metrics.registry.metrics();
		expect(text).toContain('\nleitbild_yjs_update_append_duration_seconds_count 2\n');
		expect(await valueOf(metrics, 'leitbild_live_documents')).toBe(1);
		loaded = 3;
		expect(await valueOf(metrics, 'leitbild_live_documents')).toBe(3);
	});

	it('keeps each registry to itself', async () => {
		const first = createMetrics();
		const second = createMetrics();
		first.signInFailed();
		expect(await valueOf(first, 'leitbild_sign_in_failures_total')).toBe(1);
		expect(await valueOf(second, 'leitbild_sign_in_failures_total')).toBe(0);
	});
});
