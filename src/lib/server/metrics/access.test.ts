import { describe, expect, it } from 'vitest';
import { carriesToken, isLoopback, mayReadMetrics } from './access';

const token = 'a'.repeat(32) + 'b'.repeat(32);
const direct = { token: null, behindProxy: false };
const directWithToken = { token, behindProxy: false };
const proxied = { token, behindProxy: true };

describe('isLoopback', () => {
	it('knows this machine in IPv4, IPv6 and mapped form', () => {
		for (const address of ['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1']) {
			expect(isLoopback(address), address).toBe(true);
		}
	});

	it('knows nobody else', () => {
		for (const address of [
			undefined,
			'',
			'10.0.0.1',
			'::ffff:10.0.0.1',
			'::2',
			'1.127.0.0',
			'127.0.0.1.evil'
		]) {
			expect(isLoopback(address), String(address)).toBe(false);
		}
	});
});

describe('carriesToken', () => {
	it('takes the bearer token, and nothing like it', () => {
		expect(carriesToken(`Bearer ${token}`, token)).toBe(true);
		expect(carriesToken(`bearer ${token}`, token)).toBe(true);
		expect(carriesToken(`Bearer ${token}x`, token)).toBe(false);
		expect(carriesToken(`Bearer ${token.slice(1)}`, token)).toBe(false);
		expect(carriesToken(`Basic ${token}`, token)).toBe(false);
		expect(carriesToken(token, token)).toBe(false);
		expect(carriesToken(null, token)).toBe(false);
	});

	it('opens nothing while no token is configured', () => {
		expect(carriesToken('Bearer ', null)).toBe(false);
		expect(carriesToken('Bearer null', null)).toBe(false);
	});
});

describe('mayReadMetrics', () => {
	it('lets this machine in when no proxy is in front', () => {
		expect(mayReadMetrics({ socketAddress: '127.0.0.1', authorization: null }, direct)).toBe(true);
		expect(mayReadMetrics({ socketAddress: '::1', authorization: null }, directWithToken)).toBe(
			true
		);
	});

	it('keeps others out without the token, and lets them in with it', () => {
		expect(mayReadMetrics({ socketAddress: '192.0.2.7', authorization: null }, direct)).toBe(false);
		expect(
			mayReadMetrics({ socketAddress: '192.0.2.7', authorization: `Bearer ${token}` }, direct)
		).toBe(false);
		expect(
			mayReadMetrics(
				{ socketAddress: '192.0.2.7', authorization: 'Bearer falsch' },
				directWithToken
			)
		).toBe(false);
		expect(
			mayReadMetrics(
				{ socketAddress: '192.0.2.7', authorization: `Bearer ${token}` },
				directWithToken
			)
		).toBe(true);
	});

	it('behind a proxy, where everyone arrives from loopback, asks for the token', () => {
		expect(mayReadMetrics({ socketAddress: '127.0.0.1', authorization: null }, proxied)).toBe(
			false
		);
		expect(
			mayReadMetrics({ socketAddress: '127.0.0.1', authorization: 'Bearer falsch' }, proxied)
		).toBe(false);
		expect(
			mayReadMetrics({ socketAddress: '127.0.0.1', authorization: `Bearer ${token}` }, proxied)
		).toBe(true);
		expect(
			mayReadMetrics(
				{ socketAddress: '127.0.0.1', authorization: null },
				{ token: null, behindProxy: true }
			)
		).toBe(false);
	});
});
