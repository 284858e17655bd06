import { describe, expect, it } from 'vitest';
import { liveLimitsFromEnv } from '../live-limits';
import { NewParticipantLimit } from './join-rate';

describe('NewParticipantLimit', () => {
	it('lets a hall of 300 phones behind one address join at once with the defaults', () => {
		const limit = new NewParticipantLimit(liveLimitsFromEnv({}).joinsPerAddress);
		for (let i = 0; i < 300; i++) expect(limit.take('192.0.2.1', i * 100)).toBeNull();
	});

	it('then lets latecomers in at a steady pace, and says how long to wait', () => {
		const limit = new NewParticipantLimit({ burst: 3, perSecond: 1 / 30 });
		for (let i = 0; i < 3; i++) expect(limit.take('192.0.2.1', 0)).toBeNull();
		expect(limit.take('192.0.2.1', 0)).toBe(
			'Über Ihr Netz sind gerade sehr viele Personen beigetreten. Bitte warten Sie 30 Sekunden und versuchen Sie es dann noch einmal.'
		);
		expect(limit.take('192.0.2.1', 30_000)).toBeNull();
		expect(limit.take('192.0.2.1', 30_000)).not.toBeNull();
	});

	it('counts each address on its own, an IPv6 network as one', () => {
		const limit = new NewParticipantLimit({ burst: 1, perSecond: 0.001 });
		expect(limit.take('192.0.2.1', 0)).toBeNull();
		expect(limit.take('192.0.2.2', 0)).toBeNull();
		expect(limit.take('2001:db8:1:2::1', 0)).toBeNull();
		expect(limit.take('2001:db8:1:2::99', 0)).not.toBeNull();
	});
});
