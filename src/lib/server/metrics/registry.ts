// The operators' metrics (GET /metrics, Prometheus text format): one registry per process,
// created at start-up, never prom-client's global one, so tests and a second app in one process
// do not collide. The rest of the app records through the small methods below and never sees
// prom-client; what is cheaper to read than to count (connections, loaded documents, the outbox,
// the database's files) is read when Prometheus scrapes.
import {
	Counter,
	Gauge,
	Histogram,
	Registry,
	collectDefaultMetrics,
	type LabelValues
} from 'prom-client';
import type { LiveDocumentTimings } from '../collab/live-document';
import type { MailState } from '../db/schema';
import type { MailDeliveryObserver } from '../mail/sender';

export const metricPrefix = 'leitbild_';

/** Why a join or re-entry code was refused (events/joining.ts). */
export type JoinRefusal = 'malformed' | 'unknown' | 'locked' | 'reentry';

/** What is read on each scrape; set once the database and the live channels are up. */
export interface ScrapeSources {
	/** Open WebSocket connections per live channel, every channel named, 0 included. */
	connectionsByChannel(): Record<string, number>;
	/** Documents held in memory by the live server. */
	loadedDocuments(): number;
	/** Mails in the outbox, per state. */
	outbox(): Record<MailState, number>;
	/** The database's files and their sizes in bytes; a missing file is left out. */
	databaseFiles(): { main?: number; wal?: number };
}

export interface AppMetrics {
	/** The registry itself, for the endpoint and for tests. */
	readonly registry: Registry;
	/** A finished HTTP request: its SvelteKit route id (null when none matched) and status. */
	request(routeId: string | null, status: number, seconds: number): void;
	/** A sign-in refused for its credentials (or a deactivated account), not for a wait. */
	signInFailed(): void;
	joinRefused(reason: JoinRefusal): void;
	/** How long the live documents take to store an update and to compact. */
	readonly documents: LiveDocumentTimings;
	readonly mail: MailDeliveryObserver;
	/** Where the values read at scrape time come from. */
	watch(sources: ScrapeSources): void;
}

/** Bounded label values: route ids are the app's own, never a requested path. */
export function routeLabel(routeId: string | null): string {
	return routeId ?? 'unmatched';
}

/** Storing an update is a short SQLite transaction: well under a millisecond when all is well. */
const appendBuckets = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.1, 0.5];
const compactionBuckets = [0.001, 0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export function createMetrics(): AppMetrics {
	const registry = new Registry();
	const registers = [registry];
	collectDefaultMetrics({ register: registry, prefix: metricPrefix });
	let sources: ScrapeSources | undefined;

	const requests = new Counter({
		name: `${metricPrefix}http_requests_total`,
		help: 'HTTP requests answered, by SvelteKit route id ("unmatched" for none) and status.',
		labelNames: ['route', 'status'] as const,
		registers
	});
	const requestDuration = new Histogram({
		name: `${metricPrefix}http_request_duration_seconds`,
		help: 'Time to answer an HTTP request, by SvelteKit route id.',
		labelNames: ['route'] as const,
		registers
	});
	const throttled = new Counter({
		name: `${metricPrefix}throttled_requests_total`,
		help: 'Requests answered 429 (a wait after failed sign-ins or codes, or too many at once), by route id.',
		labelNames: ['route'] as const,
		registers
	});
	const signInFailures = new Counter({
		name: `${metricPrefix}sign_in_failures_total`,
		help: 'Sign-ins refused for a wrong e-mail or password or a deactivated account.',
		registers
	});
	const joinRefusals = new Counter({
		name: `${metricPrefix}join_refusals_total`,
		help: 'Join and re-entry codes refused: malformed, unknown, locked (address waits), reentry (wrong re-entry code).',
		labelNames: ['reason'] as const,
		registers
	});
	const appendDuration = new Histogram({
		name: `${metricPrefix}yjs_update_append_duration_seconds`,
		help: 'Time to store one Yjs update of a live document before it is relayed.',
		buckets: appendBuckets,
		registers
	});
	const compactionDuration = new Histogram({
		name: `${metricPrefix}yjs_compaction_duration_seconds`,
		help: 'Time to fold a live document into one stored state; the count is the number of compactions.',
		buckets: compactionBuckets,
		registers
	});
	const mailFailures = new Counter({
		name: `${metricPrefix}mail_delivery_failures_total`,
		help: 'Failed delivery attempts, by what followed: retry (queued again) or failed (gave up).',
		labelNames: ['outcome'] as const,
		registers
	});

	function setAll<T extends string>(gauge: Gauge<T>, values: [LabelValues<T>, number][]): void {
		gauge.reset();
		for (const [labels, value] of values) gauge.set(labels, value);
	}

	new Gauge({
		name: `${metricPrefix}websocket_connections`,
		help: 'Open WebSocket connections, by live channel.',
		labelNames: ['channel'] as const,
		registers,
		collect() {
			const counts = Object.entries(sources?.connectionsByChannel() ?? {});
			setAll(
				this,
				counts.map(([channel, count]) => [{ channel }, count])
			);
		}
	});
	new Gauge({
		name: `${metricPrefix}live_documents`,
		help: 'Documents the live server holds in memory (someone has them open).',
		registers,
		collect() {
			this.set(sources?.loadedDocuments() ?? 0);
		}
	});
	new Gauge({
		name: `${metricPrefix}mail_outbox_messages`,
		help: 'Mails in the outbox, by state (queued, sending, sent, failed).',
		labelNames: ['state'] as const,
		registers,
		collect() {
			const counts = Object.entries(sources?.outbox() ?? {});
			setAll(
				this,
				counts.map(([state, count]) => [{ state }, count])
			);
		}
	});
	new Gauge({
		name: `${metricPrefix}database_size_bytes`,
		help: 'Size of the SQLite database files: main (app.db) and wal (its write-ahead log).',
		labelNames: ['file'] as const,
		registers,
		collect() {
			const files = Object.entries(sources?.databaseFiles() ?? {});
			setAll(
				this,
				files.flatMap(([file, bytes]) => (bytes === undefined ? [] : [[{ file }, bytes]]))
			);
		}
	});

	return {
		registry,
		request(routeId, status, seconds) {
			const route = routeLabel(routeId);
			requests.inc({ route, status: String(status) });
			requestDuration.observe({ route }, seconds);
			if (status === 429) throttled.inc({ route });
		},
		signInFailed: () => signInFailures.inc(),
		joinRefused: (reason) => joinRefusals.inc({ reason }),
		documents: {
			appended: (seconds) => appendDuration.observe(seconds),
			compacted: (seconds) => compactionDuration.observe(seconds)
		},
		mail: {
			attemptFailed: (outcome) =>
				mailFailures.inc({ outcome: outcome === 'failed' ? 'failed' : 'retry' })
		},
		watch(next) {
			sources = next;
		}
	};
}
