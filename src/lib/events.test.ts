import { describe, expect, it } from 'vitest';
import { formatEventDate, isLocalOrigin, spacedJoinCode } from './events';

describe('event labels', () => {
	it('writes the day out in German, whatever the time zone', () => {
		expect(formatEventDate('2025-06-11')).toBe('Mittwoch, 11. Juni 2025');
	});

	it('splits join codes for the projector', () => {
		expect(spacedJoinCode('ACK47M')).toBe('ACK 47M');
	});

	it('knows which origins phones cannot reach', () => {
		for (const origin of ['http://localhost:3000', 'http://127.0.0.1:3000', 'http://[::1]:3000']) {
			expect(isLocalOrigin(origin), origin).toBe(true);
		}
		expect(isLocalOrigin('https://leitbild.kreis-unna.de')).toBe(false);
		expect(isLocalOrigin('http://192.168.1.20:3000')).toBe(false);
	});
});
