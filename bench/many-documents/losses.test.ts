import { describe, expect, it } from 'vitest';
import { countRoomLosses } from './losses';

const plans = [
	{ clientId: 0, typist: true, room: 'a' },
	{ clientId: 1, typist: false, room: 'a' },
	{ clientId: 2, typist: true, room: 'b' },
	{ clientId: 3, typist: false, room: 'b' },
	{ clientId: 4, typist: false, room: 'b' }
];

describe('countRoomLosses', () => {
	it('owes an edit only to the other clients of its document', () => {
		const sent = { 0: 3, 2: 2 };
		const received = { '1:0': 3, '3:2': 2, '4:2': 2 };
		expect(countRoomLosses(sent, received, plans)).toBe(0);
	});

	it('counts each edit a receiver of the document is missing', () => {
		const sent = { 0: 3, 2: 2 };
		const received = { '1:0': 1, '3:2': 2 };
		expect(countRoomLosses(sent, received, plans)).toBe(2 + 2);
	});
});
