import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { EventPresence, type PresenceSocket } from './event-presence';

/** A socket that answers pings only while `awake`, and counts how often it was cut. */
class FakeSocket extends EventEmitter {
	awake = true;
	pings = 0;
	terminated = 0;
	ping() {
		this.pings += 1;
		if (this.awake) queueMicrotask(() => this.emit('pong'));
	}
	terminate() {
		this.terminated += 1;
		queueMicrotask(() => this.emit('close'));
	}
	close() {
		this.emit('close');
	}
}

const socket = () => new FakeSocket() as FakeSocket & PresenceSocket;
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function presence() {
	const changes: string[] = [];
	const tracker = new EventPresence({ onChange: (id) => changes.push(id), heartbeatMs: 0 });
	return { tracker, changes };
}

describe('event presence', () => {
	it('counts each participant once, on any channel, and staff not at all', () => {
		const { tracker, changes } = presence();
		const board = socket();
		const poll = socket();
		tracker.track(board, 'e1', 'p1');
		tracker.track(poll, 'e1', 'p1');
		tracker.track(socket(), 'e1', 'p2');
		tracker.track(socket(), 'e1', null);
		tracker.track(socket(), 'e2', 'p3');
		expect(tracker.connected('e1')).toBe(2);
		expect(tracker.connected('e2')).toBe(1);
		expect(changes).toEqual(['e1', 'e1', 'e1', 'e2']);

		board.close();
		expect(tracker.connected('e1')).toBe(2);
		poll.close();
		expect(tracker.connected('e1')).toBe(1);
		expect(changes).toHaveLength(6);
	});

	it('drops a phone that stops answering pings at the second heartbeat', async () => {
		const { tracker, changes } = presence();
		const asleep = socket();
		const awake = socket();
		tracker.track(asleep, 'e1', 'p1');
		tracker.track(awake, 'e1', 'p2');
		asleep.awake = false;

		tracker.sweep();
		await settle();
		expect(tracker.connected('e1')).toBe(2);
		tracker.sweep();
		expect(tracker.connected('e1')).toBe(1);
		expect(asleep.terminated).toBe(1);
		expect(awake.terminated).toBe(0);
		await settle();
		// The close that follows the cut is not counted twice.
		expect(changes.filter((id) => id === 'e1')).toHaveLength(3);
		expect(tracker.connected('e1')).toBe(1);
	});

	it('keeps staff connections alive by the same heartbeat without counting them', async () => {
		const { tracker } = presence();
		const staff = socket();
		tracker.track(staff, 'e1', null);
		staff.awake = false;
		tracker.sweep();
		tracker.sweep();
		expect(staff.terminated).toBe(1);
		expect(tracker.connected('e1')).toBe(0);
	});
});
