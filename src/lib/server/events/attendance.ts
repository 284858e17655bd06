// The one definition of "dabei" and "verbunden" for an event, whichever page shows them.
import type { Attendance } from '$lib/attendance';
import type { AppDatabase } from '../db/database';
import type { EventPresence } from '../realtime/event-presence';
import { participantCounts } from './events';

/** Joined: the event's participant identities. Connected: those of them with a live connection
 * to any of the event's channels that answers the heartbeat. */
export function eventAttendance(
	db: AppDatabase,
	presence: Pick<EventPresence, 'connected'>,
	eventId: string
): Attendance {
	const joined = [...participantCounts(db, eventId).values()].reduce((sum, n) => sum + n, 0);
	return { joined, connected: presence.connected(eventId) };
}
