import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { Heartbeat, type HeartbeatSocket } from './heartbeat';

/** A socket that answers pings only while `awake`; a cut closes it, as `ws` does. */
class FakeSocket extends EventEmitter {
	awake = true;
	pings = 0;
	terminated = 0;
	ping() {
		this.pings += 1;
		if (this.awake) this.emit('pong');
	}
	terminate() {
		this.terminated += 1;
		this.emit('close');
	}
}

const socket = () => new FakeSocket() as FakeSocket & HeartbeatSocket;

describe('heartbeat', () => {
	it('cuts a connection that stops answering at the second beat, and only that one', () => {
		const heartbeat = new Heartbeat(0);
		const asleep = socket();
		const awake = socket();
		heartbeat.track(asleep);
		heartbeat.track(awake);
		asleep.awake = false;

		heartbeat.beat();
		expect(asleep.terminated).toBe(0);
		heartbeat.beat();
		expect(asleep.terminated).toBe(1);
		expect(awake.terminated).toBe(0);
		expect(heartbeat.size).toBe(1);

		heartbeat.beat();
		heartbeat.beat();
		expect(asleep.terminated).toBe(1);
		expect(awake.terminated).toBe(0);
		expect(awake.pings).toBe(4);
	});

	it('keeps a connection that answers late, before the next beat', () => {
		const heartbeat = new Heartbeat(0);
		const slow = socket();
		heartbeat.track(slow);
		slow.awake = false;
		heartbeat.beat();
		slow.emit('pong');
		heartbeat.beat();
		expect(slow.terminated).toBe(0);
	});

	it('forgets connections that closed by themselves', () => {
		const heartbeat = new Heartbeat(0);
		const closing = socket();
		heartbeat.track(closing);
		closing.emit('close');
		closing.emit('pong');
		heartbeat.beat();
		expect(closing.pings).toBe(0);
		expect(heartbeat.size).toBe(0);
	});
});
