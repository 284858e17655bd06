import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { EventPresence, type PresenceSocket } from './event-presence';

class FakeSocket extends EventEmitter {
	close() {
		this.emit('close');
	}
}

const socket = () => new FakeSocket() as FakeSocket & PresenceSocket;

function presence() {
	const changes: string[] = [];
	const tracker = new EventPresence({ onChange: (id) => changes.push(id) });
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

	it('lists the events with participants connected, and how many; staff alone count for none', () => {
		const { tracker } = presence();
		const leaving = socket();
		tracker.track(socket(), 'e1', 'p1');
		tracker.track(socket(), 'e1', 'p1');
		tracker.track(socket(), 'e1', 'p2');
		tracker.track(leaving, 'e2', 'p3');
		tracker.track(socket(), 'e3', null);
		expect(tracker.connectedByEvent()).toEqual(
			new Map([
				['e1', 2],
				['e2', 1]
			])
		);
		leaving.close();
		expect(tracker.connectedByEvent()).toEqual(new Map([['e1', 2]]));
	});
});
