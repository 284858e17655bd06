// Messages between the fan-out benchmark and its client workers.

export type ServerKind = 'ours' | 'yjs-reference' | 'raw-broadcast';

export interface ClientPlan {
	/** Unique across all workers of a run. */
	clientId: number;
	typist: boolean;
	/** The client's own room, when a worker's clients are spread over several (else the command's). */
	room?: string;
}

export interface ConnectCommand {
	type: 'connect';
	kind: ServerKind;
	/** ws:// URL of the server's document path, without the room. */
	url: string;
	room: string;
	/** Origin and Cookie header as a signed-in browser would send them (ours only). */
	origin: string;
	cookie: string;
	clients: ClientPlan[];
}

export interface GoCommand {
	type: 'go';
	runId: string;
	editsPerSecond: number;
	durationMs: number;
}

/** Everything sent in the run, so receivers know when they have it all. */
export interface ExpectCommand {
	type: 'expect';
	sent: Record<number, number>;
	/** Each sender's room, when clients are spread over several: a client waits only for its own. */
	senderRooms?: Record<number, string>;
	/** How long to wait for missing edits before counting them as lost. */
	drainMs: number;
}

export interface TypedReport {
	type: 'typed';
	/** Edits sent per typist of this worker. */
	sent: Record<number, number>;
}

export interface ReadyReport {
	type: 'ready';
}

export interface RunReport {
	type: 'result';
	/** Propagation latencies in ms seen by every receiver of this worker. */
	latencies: number[];
	/** Edits received per (receiver, sender), as `${receiver}:${sender}`. */
	received: Record<string, number>;
	/** Out-of-order or repeated arrivals: a gap later filled still counts here, never as a loss. */
	duplicates: number;
}

export type ParentCommand = ConnectCommand | GoCommand | ExpectCommand | { type: 'close' };
export type WorkerReport =
	ReadyReport | TypedReport | RunReport | { type: 'closed' } | { type: 'error'; message: string };

/** What one edit carries so every receiver can time it and notice gaps. */
export interface EditMark {
	/** The run it belongs to: edits of earlier runs arrive again with the initial sync. */
	r: string;
	/** Sender's client id. */
	s: number;
	/** Sender's sequence number, from 1. */
	q: number;
	/** Send time, ms on the shared clock (performance.timeOrigin + performance.now()). */
	t: number;
}
