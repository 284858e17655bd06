import { describe, expect, it } from 'vitest';
import { linkAddressMessages, parseLinkAddress } from './link-address';

describe('parseLinkAddress', () => {
	it('accepts web addresses and e-mail links as typed, without surrounding spaces', () => {
		expect(parseLinkAddress(' https://www.kreis-unna.de/leitbild ')).toEqual({
			ok: true,
			href: 'https://www.kreis-unna.de/leitbild'
		});
		expect(parseLinkAddress('http://example.org')).toEqual({
			ok: true,
			href: 'http://example.org'
		});
		expect(parseLinkAddress('mailto:buergerbuero@kreis-unna.de')).toEqual({
			ok: true,
			href: 'mailto:buergerbuero@kreis-unna.de'
		});
	});

	it('asks for an address when there is none', () => {
		expect(parseLinkAddress('   ')).toEqual({ ok: false, message: linkAddressMessages.empty });
	});

	it('refuses addresses without a scheme, other schemes and incomplete ones', () => {
		for (const input of [
			'www.kreis-unna.de',
			'javascript:alert(1)',
			'data:text/html,hallo',
			'ftp://example.org',
			'https://',
			'mailto:',
			'mailto:niemand'
		]) {
			expect(parseLinkAddress(input), input).toEqual({
				ok: false,
				message: linkAddressMessages.invalid
			});
		}
	});
});
