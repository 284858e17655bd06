// Live polls of an event: /collab/poll/<eventId>. The server only speaks: after every change it
// pushes each viewer their state (participants their own view, staff the full tallies). Answers
// arrive over HTTP form actions, which then call publish().
import type { WebSocket } from 'ws';
import type { AppDatabase } from '../db/database';
import { findEvent } from '../events/events';
import { log, errorFields } from '../log';
import type { Actor } from '../policy';
import { sendBounded } from '../realtime/connection-limits';
import type { RealtimeChannel } from '../realtime/realtime-server';
import { participantPollState, pollSnapshot, staffPollState } from './poll-state';

export interface PollChannel extends RealtimeChannel {
	/** Pushes fresh state to everyone watching the event, soon: bursts are folded into one. */
	publish(eventId: string): void;
	/** Participants with a live connection to the event right now. */
	connectedParticipants(eventId: string): number;
}

/** Seventy phones answering within a second become a few pushes, still in time for the wall. */
const publishDelayMs = 150;
/** Phones that went to sleep without closing their socket stop counting as connected. */
const heartbeatMs = 25_000;

interface Viewer {
	actor: Actor;
	alive: boolean;
}

export function pollChannel(db: AppDatabase): PollChannel {
	const viewers = new Map<string, Map<WebSocket, Viewer>>();
	const pending = new Map<string, NodeJS.Timeout>();

	function connectedParticipants(eventId: string): number {
		const ids = new Set<string>();
		for (const { actor } of viewers.get(eventId)?.values() ?? []) {
			if (actor.kind === 'participant') ids.add(actor.participantId);
		}
		return ids.size;
	}

	function send(eventId: string, targets: Iterable<[WebSocket, Viewer]>): void {
		const snapshot = pollSnapshot(db, eventId);
		let staffMessage: string | undefined;
		for (const [socket, { actor }] of targets) {
			if (actor.kind === 'participant') {
				const state = participantPollState(snapshot, actor.participantId);
				sendBounded(socket, JSON.stringify({ type: 'state', state }));
			} else {
				staffMessage ??= JSON.stringify({
					type: 'state',
					state: staffPollState(snapshot, connectedParticipants(eventId))
				});
				sendBounded(socket, staffMessage);
			}
		}
	}

	function publish(eventId: string): void {
		if (pending.has(eventId)) return;
		const timer = setTimeout(() => {
			pending.delete(eventId);
			try {
				send(eventId, viewers.get(eventId) ?? []);
			} catch (err) {
				log.error('polls.publish_failed', { eventId, ...errorFields(err) });
			}
		}, publishDelayMs);
		timer.unref();
		pending.set(eventId, timer);
	}

	const heartbeat = setInterval(() => {
		for (const sockets of viewers.values()) {
			for (const [socket, viewer] of sockets) {
				if (!viewer.alive) {
					socket.terminate();
					continue;
				}
				viewer.alive = false;
				socket.ping();
			}
		}
	}, heartbeatMs);
	heartbeat.unref();

	return {
		action: 'event:live',
		resource(url) {
			const [, , eventId, ...rest] = url.pathname.split('/').filter(Boolean);
			if (!eventId || rest.length > 0 || !/^[0-9a-f-]{36}$/.test(eventId)) return undefined;
			return findEvent(db, eventId) ? { type: 'event', eventId } : undefined;
		},
		onConnection(socket, { actor, resource }) {
			if (resource.type !== 'event') return;
			const { eventId } = resource;
			const sockets = viewers.get(eventId) ?? new Map<WebSocket, Viewer>();
			viewers.set(eventId, sockets);
			const viewer: Viewer = { actor, alive: true };
			sockets.set(socket, viewer);
			socket.on('pong', () => (viewer.alive = true));
			// Clients have nothing to say here; answers go through the pages' forms.
			socket.on('message', () => socket.close(1003, 'Nur lesend'));
			socket.on('close', () => {
				sockets.delete(socket);
				if (sockets.size === 0) viewers.delete(eventId);
				else if (actor.kind === 'participant') publish(eventId);
			});
			send(eventId, [[socket, viewer]]);
			if (actor.kind === 'participant') publish(eventId);
		},
		updateAccess(socket, { actor, resource }) {
			if (resource.type !== 'event') return;
			const viewer = viewers.get(resource.eventId)?.get(socket);
			if (viewer) viewer.actor = actor;
		},
		publish,
		connectedParticipants
	};
}
