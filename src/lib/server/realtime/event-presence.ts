// Who of an event's participants is connected right now, on any of the event's live channels
// (boards, polls), and the heartbeat that keeps that honest: a phone that went to sleep without
// closing its socket misses a ping and stops counting. Staff connections get the heartbeat too,
// but only participants count.
import type { WebSocket } from 'ws';

/** A sleeping phone drops out after at most two of these. */
export const heartbeatMs = 25_000;

/** What the presence needs of a socket; a `ws` WebSocket has it. */
export type PresenceSocket = Pick<WebSocket, 'on' | 'ping' | 'terminate'>;

interface Tracked {
	participantId: string | null;
	alive: boolean;
}

export interface EventPresenceOptions {
	/** Called after the connected participants of an event may have changed. */
	onChange(eventId: string): void;
	/** 0 for none; tests call sweep() themselves. */
	heartbeatMs?: number;
}

export class EventPresence {
	readonly #events = new Map<string, Map<PresenceSocket, Tracked>>();
	readonly #onChange: (eventId: string) => void;
	readonly #timer: NodeJS.Timeout | undefined;

	constructor(options: EventPresenceOptions) {
		this.#onChange = options.onChange;
		const every = options.heartbeatMs ?? heartbeatMs;
		if (every > 0) {
			this.#timer = setInterval(() => this.sweep(), every);
			this.#timer.unref();
		}
	}

	/** Counts a new connection to the event in until it closes or stops answering pings. */
	track(socket: PresenceSocket, eventId: string, participantId: string | null): void {
		const sockets = this.#events.get(eventId) ?? new Map<PresenceSocket, Tracked>();
		this.#events.set(eventId, sockets);
		const tracked: Tracked = { participantId, alive: true };
		sockets.set(socket, tracked);
		socket.on('pong', () => (tracked.alive = true));
		socket.on('close', () => this.#forget(socket, eventId));
		if (participantId) this.#onChange(eventId);
	}

	/** Participants with at least one live connection to the event. */
	connected(eventId: string): number {
		const people = new Set<string>();
		for (const { participantId } of this.#events.get(eventId)?.values() ?? []) {
			if (participantId) people.add(participantId);
		}
		return people.size;
	}

	/** One heartbeat: connections that did not answer the last ping are cut and stop counting at
	 * once; the others are pinged again. */
	sweep(): void {
		for (const [eventId, sockets] of [...this.#events]) {
			for (const [socket, tracked] of [...sockets]) {
				if (tracked.alive) {
					tracked.alive = false;
					socket.ping();
					continue;
				}
				this.#forget(socket, eventId);
				socket.terminate();
			}
		}
	}

	stop(): void {
		clearInterval(this.#timer);
	}

	#forget(socket: PresenceSocket, eventId: string): void {
		const sockets = this.#events.get(eventId);
		const tracked = sockets?.get(socket);
		if (!sockets || !tracked) return;
		sockets.delete(socket);
		if (sockets.size === 0) this.#events.delete(eventId);
		if (tracked.participantId) this.#onChange(eventId);
	}
}
