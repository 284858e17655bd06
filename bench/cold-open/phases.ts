// Where a cold open spends its time: the client's marks on the way to `synced`, and the server's
// own account from its log (collab.document_loaded, collab.state_encoded), side by side.

/** Moments the client saw, from performance.now(), and the size of the state it received. */
export interface OpenMarks {
	started: number;
	/** The WebSocket is open: the upgrade passed the session and access checks. */
	opened: number;
	/** The server's greeting (sync step 1) arrived: it has loaded the document. */
	greeted: number;
	/** The document's state (sync step 2) arrived whole. */
	replied: number;
	/** The client has applied it and reports `synced`. */
	synced: number;
	replyBytes: number;
	/** CPU time the client spent from the state's arrival to `synced`: applying it. */
	applyCpuMs: number;
}

/** What the server logged about loading the document and encoding it for a fresh client. */
export interface ServerTimings {
	rows?: number;
	readMs?: number;
	foldMs?: number;
	encodeMs?: number;
	/** CPU time of the whole server process from connect to `synced` (the probe's). */
	cpuMs?: number;
}

/** The server's timings for one document from its log (one JSON object a line). */
export function serverTimings(output: string, documentId: string): ServerTimings {
	const timings: ServerTimings = {};
	for (const line of output.split('\n')) {
		if (!line.includes(documentId)) continue;
		let entry: Record<string, unknown>;
		try {
			entry = JSON.parse(line);
		} catch {
			continue;
		}
		if (entry.document !== documentId) continue;
		if (entry.event === 'collab.document_loaded') {
			timings.rows = Number(entry.rows);
			timings.readMs = Number(entry.readMs);
			timings.foldMs = Number(entry.foldMs);
		} else if (entry.event === 'collab.state_encoded') {
			timings.encodeMs = Number(entry.encodeMs);
		}
	}
	return timings;
}

/**
 * The phases of one open in ms. `transferMs` is the reply's time less the server's encoding: the
 * state's way through both sockets, and what little else the server did before sending it.
 */
export function phasesOf(marks: OpenMarks, server: ServerTimings): Record<string, number> {
	const replyMs = marks.replied - marks.greeted;
	const encodeMs = server.encodeMs ?? 0;
	return {
		connectMs: marks.opened - marks.started,
		loadMs: marks.greeted - marks.opened,
		serverReadMs: server.readMs ?? Number.NaN,
		serverFoldMs: server.foldMs ?? Number.NaN,
		replyMs,
		serverEncodeMs: encodeMs,
		transferMs: Math.max(0, replyMs - encodeMs),
		clientApplyMs: marks.synced - marks.replied,
		clientApplyCpuMs: marks.applyCpuMs,
		serverCpuMs: server.cpuMs ?? Number.NaN,
		messageKb: marks.replyBytes / 1024
	};
}
