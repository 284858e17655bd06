import { describe, expect, it } from 'vitest';
import { isSameOrigin } from './same-origin';

describe('isSameOrigin', () => {
	const publicOrigin = 'https://leitbild.kreis-unna.de';

	it('accepts the configured public origin', () => {
		expect(isSameOrigin('https://leitbild.kreis-unna.de', 'intern:3000', publicOrigin)).toBe(true);
	});

	it('accepts an origin matching the Host header', () => {
		expect(isSameOrigin('http://127.0.0.1:3000', '127.0.0.1:3000', publicOrigin)).toBe(true);
	});

	it('refuses other sites, a missing or a malformed origin', () => {
		expect(isSameOrigin('https://angreifer.example', '127.0.0.1:3000', publicOrigin)).toBe(false);
		expect(isSameOrigin(undefined, '127.0.0.1:3000', publicOrigin)).toBe(false);
		expect(isSameOrigin('null', '127.0.0.1:3000', publicOrigin)).toBe(false);
	});
});
