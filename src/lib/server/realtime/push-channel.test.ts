import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WebSocket } from 'ws';
import type { Actor } from '../policy';
import { parseChannelPath } from './channel-path';
import { FakeSocket } from './fake-socket-test-support';
import { PushChannel, refusal } from './push-channel';
import type { ChannelContext } from './realtime-server';

interface Viewer {
	name: string;
	staff: boolean;
}

const phone: Actor = { kind: 'participant', participantId: 'p1', eventId: 'e1' };

function setup(options: { foldMs?: number; countsViewers?: boolean } = {}) {
	/** How often the shared part of a group's state was read. */
	const reads: string[] = [];
	let version = 1;
	const channel = new PushChannel<Viewer>({
		name: 'test',
		action: 'event:live',
		resource: () => ({ type: 'event', eventId: 'e1', archived: false }),
		viewer({ url }) {
			const name = url.searchParams.get('name') ?? '';
			if (name === 'fremd') return refusal(4403, 'Keine Berechtigung');
			return { group: url.pathname, viewer: { name, staff: name.startsWith('staff') } };
		},
		state(group) {
			reads.push(group);
			const shared = version;
			return (viewer) =>
				viewer.name === 'gelöscht'
					? refusal(4404, 'Gelöscht')
					: JSON.stringify({ type: 'state', version: shared, for: viewer.name });
		},
		foldMs: options.foldMs ?? 0,
		countsViewers: options.countsViewers
	});
	const connect = (group: string, name: string) => {
		const socket = new FakeSocket();
		const url = new URL(`http://localhost${group}?name=${name}`);
		const context: ChannelContext = {
			actor: phone,
			url,
			path: parseChannelPath(url.pathname)!,
			resource: { type: 'event', eventId: 'e1', archived: false },
			address: '127.0.0.1'
		};
		channel.onConnection(socket as unknown as WebSocket, context);
		return Object.assign(socket, { context });
	};
	const change = () => (version += 1);
	return { channel, connect, reads, change };
}

const messages = (socket: FakeSocket) =>
	socket.sent.map((data) => JSON.parse(data) as { version: number; for: string });

beforeEach(() => {
	vi.useFakeTimers();
});
afterEach(() => {
	vi.useRealTimers();
});

describe('push channel', () => {
	it('greets each newcomer with its own view, and refuses who may not be served', () => {
		const { connect } = setup();
		const anna = connect('/collab/x/a', 'anna');
		const staff = connect('/collab/x/a', 'staff-1');
		const stranger = connect('/collab/x/a', 'fremd');
		expect(messages(anna)).toEqual([{ type: 'state', version: 1, for: 'anna' }]);
		expect(messages(staff)).toEqual([{ type: 'state', version: 1, for: 'staff-1' }]);
		expect(stranger.closedWith).toEqual({ code: 4403, reason: 'Keine Berechtigung' });
		expect(stranger.sent).toEqual([]);
	});

	it('folds a burst of pushes into one, read once, within the folding time', () => {
		const { channel, connect, reads, change } = setup({ foldMs: 150 });
		const anna = connect('/collab/x/a', 'anna');
		const other = connect('/collab/x/b', 'bert');
		reads.length = 0;
		change();
		for (let i = 0; i < 30; i++) channel.push('/collab/x/a');
		expect(anna.sent).toHaveLength(1);
		vi.advanceTimersByTime(150);
		expect(messages(anna).at(-1)).toEqual({ type: 'state', version: 2, for: 'anna' });
		expect(anna.sent).toHaveLength(2);
		expect(reads).toEqual(['/collab/x/a']);
		expect(other.sent).toHaveLength(1);
	});

	it('sends a push for some only to them, unless a push for everyone joins it', () => {
		const { channel, connect } = setup({ foldMs: 150 });
		const anna = connect('/collab/x/a', 'anna');
		const staff = connect('/collab/x/a', 'staff-1');
		channel.push('/collab/x/a', (viewer) => viewer.staff);
		vi.advanceTimersByTime(150);
		expect(anna.sent).toHaveLength(1);
		expect(staff.sent).toHaveLength(2);

		channel.push('/collab/x/a', (viewer) => viewer.staff);
		channel.push('/collab/x/a');
		vi.advanceTimersByTime(150);
		expect(anna.sent).toHaveLength(2);
		expect(staff.sent).toHaveLength(3);
	});

	it('pushes to every group where someone named is', () => {
		const { channel, connect } = setup();
		const anna = connect('/collab/x/a', 'anna');
		const staffA = connect('/collab/x/a', 'staff-a');
		const staffB = connect('/collab/x/b', 'staff-b');
		const bert = connect('/collab/x/c', 'bert');
		channel.pushWhere((viewer) => viewer.staff);
		vi.runAllTimers();
		expect([anna, staffA, staffB, bert].map((socket) => socket.sent.length)).toEqual([1, 2, 2, 1]);
	});

	it('closes a viewer whose state says so, and forgets closed connections', () => {
		const { channel, connect } = setup();
		const gone = connect('/collab/x/a', 'gelöscht');
		expect(gone.closedWith).toEqual({ code: 4404, reason: 'Gelöscht' });
		const anna = connect('/collab/x/a', 'anna');
		anna.close(1000, '');
		expect(channel.viewers('/collab/x/a')).toEqual([]);
		channel.push('/collab/x/a');
		vi.runAllTimers();
		expect(anna.sent).toHaveLength(1);
	});

	it('closes a client that speaks on a channel without receive()', () => {
		const { connect } = setup();
		const anna = connect('/collab/x/a', 'anna');
		anna.emit('message', Buffer.from('hallo'), false);
		expect(anna.closedWith).toEqual({ code: 1003, reason: 'Nur lesend' });
	});

	it('with viewers in the state, pushes to the whole group when someone joins or leaves', () => {
		const { connect } = setup({ countsViewers: true });
		const anna = connect('/collab/x/a', 'anna');
		vi.runAllTimers();
		const bert = connect('/collab/x/a', 'bert');
		vi.runAllTimers();
		expect(anna.sent).toHaveLength(2);
		expect(bert.sent).toHaveLength(1);
		bert.close(1000, '');
		vi.runAllTimers();
		expect(anna.sent).toHaveLength(3);
	});

	it('sends fresh state after a rights check, and closes who lost the right', () => {
		const { channel, connect } = setup();
		const anna = connect('/collab/x/a', 'anna');
		channel.updateAccess(anna as unknown as WebSocket, anna.context);
		expect(anna.sent).toHaveLength(2);
		const url = new URL('http://localhost/collab/x/a?name=fremd');
		channel.updateAccess(anna as unknown as WebSocket, { ...anna.context, url });
		expect(anna.closedWith).toEqual({ code: 4403, reason: 'Keine Berechtigung' });
	});
});
