import { describe, expect, it } from 'vitest';
import { phasesOf, serverTimings } from './phases';

const documentId = 'd3b07384-0000-4000-8000-000000000001';

describe('the phases of a cold open', () => {
	it('reads the server’s timings for its document from the log, skipping other lines', () => {
		const output = [
			'{"time":"2026-12-07T17:00:00.000Z","level":"info","event":"app.ready"}',
			`{"time":"…","level":"info","event":"collab.document_loaded","document":"other-${documentId}","rows":1,"readMs":9,"foldMs":9}`,
			`{"time":"…","level":"info","event":"collab.document_loaded","document":"${documentId}","rows":100000,"bytes":2034346,"readMs":120.5,"foldMs":410.2}`,
			'Listening on 127.0.0.1 (no JSON)',
			`{"time":"…","level":"info","event":"collab.state_encoded","document":"${documentId}","bytes":863685,"encodeMs":61.3}`
		].join('\n');
		expect(serverTimings(output, documentId)).toEqual({
			rows: 100000,
			readMs: 120.5,
			foldMs: 410.2,
			encodeMs: 61.3
		});
		expect(serverTimings('', documentId)).toEqual({});
	});

	it('splits the open into connect, load, reply (encode and transfer) and apply', () => {
		const phases = phasesOf(
			{
				started: 0,
				opened: 5,
				greeted: 605,
				replied: 700,
				synced: 1000,
				replyBytes: 2048,
				applyCpuMs: 280
			},
			{ rows: 100000, readMs: 150, foldMs: 430, encodeMs: 60, cpuMs: 720 }
		);
		expect(phases).toEqual({
			connectMs: 5,
			loadMs: 600,
			serverReadMs: 150,
			serverFoldMs: 430,
			replyMs: 95,
			serverEncodeMs: 60,
			transferMs: 35,
			clientApplyMs: 300,
			clientApplyCpuMs: 280,
			serverCpuMs: 720,
			messageKb: 2
		});
		// A stored state sent as it is needs no encoding.
		const stored = phasesOf(
			{
				started: 0,
				opened: 5,
				greeted: 10,
				replied: 20,
				synced: 300,
				replyBytes: 1024,
				applyCpuMs: 270
			},
			{ rows: 1, readMs: 1, foldMs: 0 }
		);
		expect(stored.serverEncodeMs).toBe(0);
		expect(stored.transferMs).toBe(10);
	});
});
