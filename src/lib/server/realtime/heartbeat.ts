// The heartbeat of every live connection: each is pinged at an interval, and one that did not
// answer the previous ping is cut. A phone that went to sleep or a laptop that lost its network
// closes nothing; without this its connection would hold its place (in the quota, in a
// document's presence, in an event's attendance) for as long as the operating system keeps it.
// Browsers answer pings by themselves, so the clients need no code of their own for it.
import type { WebSocket } from 'ws';

/** A dead connection is cut after at most two of these. */
export const heartbeatMs = 25_000;

/** What the heartbeat needs of a socket; a `ws` WebSocket has it. */
export type HeartbeatSocket = Pick<WebSocket, 'on' | 'ping' | 'terminate'>;

export class Heartbeat {
	/** Whether each socket answered since its last ping. */
	readonly #answered = new Map<HeartbeatSocket, boolean>();
	readonly #timer: NodeJS.Timeout | undefined;

	/** `everyMs` 0: no timer, tests call beat() themselves. */
	constructor(everyMs = heartbeatMs) {
		if (everyMs > 0) {
			this.#timer = setInterval(() => this.beat(), everyMs);
			this.#timer.unref();
		}
	}

	track(socket: HeartbeatSocket): void {
		this.#answered.set(socket, true);
		socket.on('pong', () => {
			if (this.#answered.has(socket)) this.#answered.set(socket, true);
		});
		socket.on('close', () => this.#answered.delete(socket));
	}

	/** One beat: connections that did not answer the last ping are cut, the others pinged. */
	beat(): void {
		for (const [socket, answered] of [...this.#answered]) {
			if (answered) {
				this.#answered.set(socket, false);
				socket.ping();
				continue;
			}
			this.#answered.delete(socket);
			socket.terminate();
		}
	}

	/** Connections tracked now (for tests: closed ones are forgotten). */
	get size(): number {
		return this.#answered.size;
	}

	stop(): void {
		clearInterval(this.#timer);
	}
}
