// Who may read /metrics: this machine itself (the socket's own address is loopback, and no proxy
// is in front), or whoever shows METRICS_TOKEN as a bearer token. Behind a reverse proxy every
// request arrives from loopback, so there only the token counts. Anyone else is answered 404, as
// if there were no such page: the metrics name routes and counts that are nobody else's business.
import { createHash, timingSafeEqual } from 'node:crypto';
import { isIPv4 } from 'node:net';
import type { MetricsConfig } from '../config';

export interface MetricsRequest {
	/** The address of the connection itself, never one a proxy header names. */
	socketAddress: string | undefined;
	/** The request's Authorization header. */
	authorization: string | null;
}

/** 127.0.0.0/8, ::1, and IPv4 loopback mapped into IPv6. */
export function isLoopback(address: string | undefined): boolean {
	if (!address) return false;
	const plain = address.trim().toLowerCase();
	if (plain === '::1') return true;
	const ipv4 = plain.startsWith('::ffff:') ? plain.slice('::ffff:'.length) : plain;
	return isIPv4(ipv4) && ipv4.startsWith('127.');
}

function digest(text: string): Buffer {
	return createHash('sha256').update(text, 'utf8').digest();
}

/** Whether the header carries the token; compared in constant time (equal-length digests). */
export function carriesToken(authorization: string | null, token: string | null): boolean {
	if (!token || !authorization) return false;
	const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(authorization);
	if (!match) return false;
	return timingSafeEqual(digest(match[1]), digest(token));
}

export function mayReadMetrics(request: MetricsRequest, config: MetricsConfig): boolean {
	if (carriesToken(request.authorization, config.token)) return true;
	return !config.behindProxy && isLoopback(request.socketAddress);
}
