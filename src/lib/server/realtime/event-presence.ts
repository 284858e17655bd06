// Who of an event's participants is connected right now, on any of the event's live channels
// (boards, polls). Staff connections are tracked but do not count. A phone that went to sleep
// without closing its socket is cut by the heartbeat every connection has (heartbeat.ts), and
// stops counting with the close that follows.
import type { WebSocket } from 'ws';

/** What the presence needs of a socket; a `ws` WebSocket has it. */
export type PresenceSocket = Pick<WebSocket, 'on'>;

export interface EventPresenceOptions {
	/** Called after the connected participants of an event may have changed. */
	onChange(eventId: string): void;
}

export class EventPresence {
	/** Per event, each connection's participant (null for staff). */
	readonly #events = new Map<string, Map<PresenceSocket, string | null>>();
	readonly #onChange: (eventId: string) => void;

	constructor(options: EventPresenceOptions) {
		this.#onChange = options.onChange;
	}

	/** Counts a new connection to the event in until it closes. */
	track(socket: PresenceSocket, eventId: string, participantId: string | null): void {
		const sockets = this.#events.get(eventId) ?? new Map<PresenceSocket, string | null>();
		this.#events.set(eventId, sockets);
		sockets.set(socket, participantId);
		socket.on('close', () => this.#forget(socket, eventId));
		if (participantId) this.#onChange(eventId);
	}

	/** Participants with at least one live connection to the event. */
	connected(eventId: string): number {
		const people = new Set<string>();
		for (const participantId of this.#events.get(eventId)?.values() ?? []) {
			if (participantId) people.add(participantId);
		}
		return people.size;
	}

	/** Per event with at least one participant connected: how many are. */
	connectedByEvent(): Map<string, number> {
		const counts = new Map<string, number>();
		for (const eventId of this.#events.keys()) {
			const connected = this.connected(eventId);
			if (connected > 0) counts.set(eventId, connected);
		}
		return counts;
	}

	#forget(socket: PresenceSocket, eventId: string): void {
		const sockets = this.#events.get(eventId);
		if (!sockets?.has(socket)) return;
		const participantId = sockets.get(socket);
		sockets.delete(socket);
		if (sockets.size === 0) this.#events.delete(eventId);
		if (participantId) this.#onChange(eventId);
	}
}
