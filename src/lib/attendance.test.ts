import { describe, expect, it } from 'vitest';
import { attendanceText } from './attendance';

describe('attendance', () => {
	it('names who joined and who is connected in the same words everywhere', () => {
		expect(attendanceText({ joined: 4, connected: 0 })).toBe('4 dabei · 0 verbunden');
		expect(attendanceText({ joined: 1, connected: 1 })).toBe('1 dabei · 1 verbunden');
	});
});
