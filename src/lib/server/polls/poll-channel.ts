// Live polls of an event: /collab/poll/<eventId>, and /collab/poll/<eventId>/projektion for the
// projector. The server only speaks: after every change it pushes each viewer their state
// (participants their own view, the projector what the hall may see, staff the full tallies).
// Answers arrive over HTTP form actions, which then call publish().
import type { WebSocket } from 'ws';
import type { AppDatabase } from '../db/database';
import { eventAttendance } from '../events/attendance';
import { findEvent } from '../events/events';
import { log, errorFields } from '../log';
import { eventResource, type Actor } from '../policy';
import { sendBounded } from '../realtime/connection-limits';
import type { EventPresence } from '../realtime/event-presence';
import type { RealtimeChannel } from '../realtime/realtime-server';
import {
	participantPollState,
	pollSnapshot,
	projectionPollState,
	staffPollState
} from './poll-state';

export interface PollChannel extends RealtimeChannel {
	/** Pushes fresh state to everyone watching the event, soon: bursts are folded into one. */
	publish(eventId: string): void;
	/** Pushes fresh numbers of who is there to the staff and the projector only. */
	publishAttendance(eventId: string): void;
}

/** Seventy phones answering within a second become a few pushes, still in time for the wall. */
const publishDelayMs = 150;

interface Viewer {
	actor: Actor;
	projection: boolean;
}

/** A pending push, and whether it must reach the participants too or only staff. */
interface Pending {
	timer: NodeJS.Timeout;
	everyone: boolean;
}

function isProjectionPath(url: URL): boolean {
	return url.pathname.split('/').filter(Boolean)[3] === 'projektion';
}

export function pollChannel(db: AppDatabase, presence: EventPresence): PollChannel {
	const viewers = new Map<string, Map<WebSocket, Viewer>>();
	const pending = new Map<string, Pending>();

	function send(eventId: string, targets: Iterable<[WebSocket, Viewer]>): void {
		const snapshot = pollSnapshot(db, eventId);
		const attendance = eventAttendance(db, presence, eventId);
		let staffMessage: string | undefined;
		let projectionMessage: string | undefined;
		for (const [socket, { actor, projection }] of targets) {
			if (projection) {
				projectionMessage ??= JSON.stringify({
					type: 'state',
					state: projectionPollState(snapshot, attendance)
				});
				sendBounded(socket, projectionMessage);
			} else if (actor.kind === 'participant') {
				const state = participantPollState(snapshot, actor.participantId);
				sendBounded(socket, JSON.stringify({ type: 'state', state }));
			} else {
				staffMessage ??= JSON.stringify({
					type: 'state',
					state: staffPollState(snapshot, attendance)
				});
				sendBounded(socket, staffMessage);
			}
		}
	}

	function schedule(eventId: string, everyone: boolean): void {
		const waiting = pending.get(eventId);
		if (waiting) {
			waiting.everyone ||= everyone;
			return;
		}
		const timer = setTimeout(() => {
			const { everyone: all } = pending.get(eventId)!;
			pending.delete(eventId);
			const targets = [...(viewers.get(eventId) ?? [])].filter(
				([, viewer]) => all || viewer.projection || viewer.actor.kind !== 'participant'
			);
			try {
				send(eventId, targets);
			} catch (err) {
				log.error('polls.publish_failed', { eventId, ...errorFields(err) });
			}
		}, publishDelayMs);
		timer.unref();
		pending.set(eventId, { timer, everyone });
	}

	return {
		action: 'event:live',
		resource(url) {
			const [, , eventId, ...rest] = url.pathname.split('/').filter(Boolean);
			if (!eventId || !/^[0-9a-f-]{36}$/.test(eventId)) return undefined;
			if (rest.length > 1 || (rest.length === 1 && rest[0] !== 'projektion')) return undefined;
			const found = findEvent(db, eventId);
			return found ? eventResource(found) : undefined;
		},
		onConnection(socket, { actor, resource, url }) {
			if (resource.type !== 'event') return;
			const { eventId } = resource;
			const projection = isProjectionPath(url);
			// The projector's view is for the staff's laptop; a phone has its own.
			if (projection && actor.kind === 'participant') {
				socket.close(4403, 'Keine Berechtigung');
				return;
			}
			const sockets = viewers.get(eventId) ?? new Map<WebSocket, Viewer>();
			viewers.set(eventId, sockets);
			const viewer: Viewer = { actor, projection };
			sockets.set(socket, viewer);
			// Clients have nothing to say here; answers go through the pages' forms.
			socket.on('message', () => socket.close(1003, 'Nur lesend'));
			socket.on('close', () => {
				sockets.delete(socket);
				if (sockets.size === 0) viewers.delete(eventId);
			});
			send(eventId, [[socket, viewer]]);
			presence.track(socket, eventId, actor.kind === 'participant' ? actor.participantId : null);
		},
		updateAccess(socket, { actor, resource }) {
			if (resource.type !== 'event') return;
			const viewer = viewers.get(resource.eventId)?.get(socket);
			if (viewer) viewer.actor = actor;
		},
		publish: (eventId) => schedule(eventId, true),
		publishAttendance: (eventId) => schedule(eventId, false)
	};
}
