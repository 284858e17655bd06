// Who is connecting, by network address, for limits per address: the same rules as adapter-node
// applies to pages (ADDRESS_HEADER, XFF_DEPTH), so a WebSocket and a form post from one phone count
// for the same address. IPv6 addresses count by their /64 network: one household or office gets
// a whole /64, and an attacker with one gets 2^64 addresses.
import type { IncomingMessage } from 'node:http';
import { isIPv4, isIPv6 } from 'node:net';

export type AddressOf = (request: IncomingMessage) => string;

/** Whether a reverse proxy is in front (ADDRESS_HEADER names the header it sets): then every
 * request arrives from loopback, and what the proxy says about a request is to be believed. */
export function isBehindProxy(env: NodeJS.ProcessEnv = process.env): boolean {
	return Boolean(env.ADDRESS_HEADER?.trim());
}

export function addressResolver(env: NodeJS.ProcessEnv = process.env): AddressOf {
	const header = env.ADDRESS_HEADER?.trim().toLowerCase() ?? '';
	const depth = Number.parseInt(env.XFF_DEPTH ?? '1', 10);
	return (request) => {
		const direct = request.socket.remoteAddress ?? '';
		if (!header) return direct;
		const value = request.headers[header];
		const text = Array.isArray(value) ? value.join(',') : (value ?? '');
		if (header !== 'x-forwarded-for') return text.trim() || direct;
		const addresses = text.split(',');
		// Without the proxy's header (a connection that bypassed it) the socket's own address counts.
		if (!(depth >= 1) || depth > addresses.length) return direct;
		return addresses[addresses.length - depth].trim() || direct;
	};
}

function ipv6Groups(address: string): number[] | undefined {
	const [head, tail, ...rest] = address.split('::');
	if (rest.length > 0) return undefined;
	const parse = (part: string | undefined) =>
		part ? part.split(':').map((group) => Number.parseInt(group, 16)) : [];
	const start = parse(head);
	const end = parse(tail);
	const missing = 8 - start.length - end.length;
	if (tail === undefined ? missing !== 0 : missing < 1) return undefined;
	return [...start, ...Array<number>(Math.max(0, missing)).fill(0), ...end];
}

/** The key an address is counted under: IPv4 as it is, IPv6 by its /64 network. */
export function addressKey(address: string): string {
	const plain = address.trim().replace(/%.*$/, '');
	const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(plain);
	if (mapped && isIPv4(mapped[1])) return mapped[1];
	if (isIPv4(plain) || !isIPv6(plain)) return plain;
	const groups = ipv6Groups(plain);
	if (!groups) return plain;
	return `${groups
		.slice(0, 4)
		.map((group) => group.toString(16))
		.join(':')}::/64`;
}
