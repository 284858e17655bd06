import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { addressKey, addressResolver } from './client-address';

function request(remoteAddress: string, headers: Record<string, string> = {}): IncomingMessage {
	return { socket: { remoteAddress }, headers } as unknown as IncomingMessage;
}

describe('addressResolver', () => {
	it('takes the socket’s address without ADDRESS_HEADER, whatever the client claims', () => {
		const addressOf = addressResolver({});
		expect(addressOf(request('192.0.2.7', { 'x-forwarded-for': '10.0.0.1' }))).toBe('192.0.2.7');
	});

	it('reads X-Forwarded-For from the right, as far as XFF_DEPTH trusts proxies', () => {
		const one = addressResolver({ ADDRESS_HEADER: 'X-Forwarded-For' });
		const two = addressResolver({ ADDRESS_HEADER: 'X-Forwarded-For', XFF_DEPTH: '2' });
		const forwarded = request('127.0.0.1', {
			'x-forwarded-for': '6.6.6.6, 198.51.100.4, 10.1.1.1'
		});
		expect(one(forwarded)).toBe('10.1.1.1');
		expect(two(forwarded)).toBe('198.51.100.4');
	});

	it('falls back to the socket when the proxy’s header is missing', () => {
		const addressOf = addressResolver({ ADDRESS_HEADER: 'X-Forwarded-For', XFF_DEPTH: '3' });
		expect(addressOf(request('127.0.0.1'))).toBe('127.0.0.1');
		expect(addressOf(request('127.0.0.1', { 'x-forwarded-for': '10.0.0.1' }))).toBe('127.0.0.1');
	});

	it('takes another header as it is', () => {
		const addressOf = addressResolver({ ADDRESS_HEADER: 'X-Real-IP' });
		expect(addressOf(request('127.0.0.1', { 'x-real-ip': '203.0.113.9' }))).toBe('203.0.113.9');
	});
});

describe('addressKey', () => {
	it.each([
		['192.0.2.7', '192.0.2.7'],
		['::ffff:192.0.2.7', '192.0.2.7'],
		['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
		['2001:db8:1:2::9', '2001:db8:1:2::/64'],
		['2001:DB8::1', '2001:db8:0:0::/64'],
		['::1', '0:0:0:0::/64'],
		['fe80::1%eth0', 'fe80:0:0:0::/64'],
		['unbekannt', 'unbekannt']
	])('counts %s as %s', (address, key) => {
		expect(addressKey(address)).toBe(key);
	});

	it('puts every address of one /64 under one key', () => {
		expect(addressKey('2001:db8:aa:bb:1::1')).toBe(addressKey('2001:db8:aa:bb:ffff:1:2:3'));
		expect(addressKey('2001:db8:aa:bb::1')).not.toBe(addressKey('2001:db8:aa:bc::1'));
	});
});
