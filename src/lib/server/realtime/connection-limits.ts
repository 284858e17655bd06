// What one connection may cost the server: how many messages it may send, and how much the
// server holds for it when it does not read. A flood or a stalled client must not slow or grow
// the process that serves everyone else.
import type { WebSocket } from 'ws';
import { log } from '../log';
import { TokenBucket, type Rate } from '../token-buckets';
import { connectionIdOf } from './connection-log';
import { closeReasons } from '../../live/close-reasons';

/** Close code for a flood: policy violation, outside 4400–4499 so that clients come back, later. */
export const tooManyMessagesCode = 1008;

/** For channels that name no rate of their own. */
export const defaultMessageRate: Rate = { burst: 50, perSecond: 10 };

/** What the server may hold unsent for one client before it gives up on that client. */
export const maxBufferedBytes = 4 << 20;

/**
 * Closes the connection once it sends faster than `rate`. Registered before the channel's own
 * listener; channels ignore messages that arrive after the socket began to close.
 */
export function limitIncomingMessages(socket: WebSocket, rate: Rate, channel: string): void {
	const budget = new TokenBucket(rate, Date.now());
	socket.on('message', () => {
		if (socket.readyState !== socket.OPEN || budget.take(Date.now())) return;
		log.warn('realtime.flood', { channel });
		socket.close(tooManyMessagesCode, closeReasons.tooManyMessages);
	});
}

/**
 * Sends unless the client has stopped reading: then it is cut off rather than buffered for
 * without bound. Clients reconnect and sync what they missed.
 */
export function sendBounded(socket: WebSocket, message: string | Uint8Array): void {
	if (socket.readyState !== socket.OPEN) return;
	if (socket.bufferedAmount > maxBufferedBytes) {
		log.warn('realtime.slow_client', {
			connection: connectionIdOf(socket),
			buffered: socket.bufferedAmount
		});
		socket.terminate();
		return;
	}
	socket.send(message, (err) => {
		if (err) socket.terminate();
	});
}
