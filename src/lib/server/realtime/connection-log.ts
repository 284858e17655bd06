// Every line logged about a live connection carries its id (`connection`): what its own events
// (messages, close, errors) log, and what is logged about it elsewhere, e.g. when a broadcast
// finds it no longer reading.
import type { WebSocket } from 'ws';
import { withLogFields } from '../log';

const ids = new WeakMap<WebSocket, string>();

/** The connection's id, once it was given one. */
export function connectionIdOf(socket: WebSocket): string | undefined {
	return ids.get(socket);
}

/**
 * Gives the socket its id and runs every listener of its events in that log context. A socket's
 * events come from the network, outside any context the listeners were added in, so the
 * emitter itself carries it.
 */
export function logUnderConnectionId(socket: WebSocket, id: string): void {
	ids.set(socket, id);
	const emit = socket.emit.bind(socket) as (event: string | symbol, ...args: unknown[]) => boolean;
	socket.emit = ((event: string | symbol, ...args: unknown[]) =>
		withLogFields({ connection: id }, () => emit(event, ...args))) as WebSocket['emit'];
}
