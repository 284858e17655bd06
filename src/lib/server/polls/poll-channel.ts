// Live polls of an event: /collab/poll/<eventId>, and /collab/poll/<eventId>/projektion for the
// projector. The server only speaks: after every change it pushes each viewer their state
// (participants their own view, the projector what the hall may see, staff the full tallies).
// Answers arrive over HTTP form actions; the change feed says when to push.
import type { AppDatabase } from '../db/database';
import { eventAttendance } from '../events/attendance';
import { findEvent } from '../events/events';
import { can, eventResource, type Actor } from '../policy';
import { targetOf } from '../realtime/channel-path';
import type { EventPresence } from '../realtime/event-presence';
import { PushChannel, refusal } from '../realtime/push-channel';
import {
	participantPollState,
	pollSnapshot,
	projectionPollState,
	staffPollState
} from './poll-state';
import { closeReasons } from '../../live/close-reasons';

interface Viewer {
	actor: Actor;
	projection: boolean;
}

export interface PollChannel extends PushChannel<Viewer> {
	/** Pushes fresh state to everyone watching the event, soon: bursts are folded into one. */
	publish(eventId: string): void;
	/** Pushes fresh numbers of who is there to the staff and the projector only. */
	publishAttendance(eventId: string): void;
}

/** Seventy phones answering within a second become a few pushes, still in time for the wall. */
const publishDelayMs = 150;

const projectionView = 'projektion';

/** The projector and staff see who is there; participants do not. */
const seesAttendance = ({ actor, projection }: Viewer) =>
	projection || actor.kind !== 'participant';

export function pollChannel(db: AppDatabase, presence: EventPresence): PollChannel {
	const channel = new PushChannel<Viewer>({
		name: 'polls',
		action: 'event:live',
		resource(path) {
			const target = targetOf(path, [projectionView]);
			const found = target && findEvent(db, target.id);
			return found ? eventResource(found) : undefined;
		},
		viewer({ actor, resource, path }) {
			const projection = targetOf(path, [projectionView])?.view === projectionView;
			if (
				resource.type !== 'event' ||
				(projection && !can(actor, 'event:watch-projection', resource))
			) {
				return refusal(4403, closeReasons.forbidden);
			}
			return { group: resource.eventId, viewer: { actor, projection } };
		},
		state(eventId) {
			const snapshot = pollSnapshot(db, eventId);
			const attendance = eventAttendance(db, presence, eventId);
			let staffMessage: string | undefined;
			let projectionMessage: string | undefined;
			return ({ actor, projection }) => {
				if (projection) {
					return (projectionMessage ??= JSON.stringify({
						type: 'state',
						state: projectionPollState(snapshot, attendance)
					}));
				}
				if (actor.kind === 'participant') {
					const state = participantPollState(snapshot, actor.participantId);
					return JSON.stringify({ type: 'state', state });
				}
				return (staffMessage ??= JSON.stringify({
					type: 'state',
					state: staffPollState(snapshot, attendance)
				}));
			};
		},
		foldMs: publishDelayMs,
		// A viewer's state depends on who they are and what they watch, which a check cannot change.
		pushOnAccessCheck: false,
		joined(socket, { actor }, eventId) {
			presence.track(socket, eventId, actor.kind === 'participant' ? actor.participantId : null);
		}
	});
	return Object.assign(channel, {
		publish: (eventId: string) => channel.push(eventId),
		publishAttendance: (eventId: string) => channel.push(eventId, seesAttendance)
	});
}
