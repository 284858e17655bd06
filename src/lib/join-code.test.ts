import { describe, expect, it } from 'vitest';
import { joinCodeAlphabet, normalizeJoinCode } from './join-code';

describe('normalizeJoinCode', () => {
	it('accepts a code typed in lower case with spaces and a dash', () => {
		expect(normalizeJoinCode(' ack-4 7m ')).toBe('ACK47M');
	});

	it('refuses codes of the wrong length', () => {
		expect(normalizeJoinCode('ACK47')).toBeUndefined();
		expect(normalizeJoinCode('ACK47MM')).toBeUndefined();
	});

	it('refuses look-alike characters', () => {
		for (const lookalike of ['O', '0', 'I', '1', 'L', 'Z', '2', 'S', '5', 'B', '8']) {
			expect(joinCodeAlphabet).not.toContain(lookalike);
			expect(normalizeJoinCode(`ACK47${lookalike}`)).toBeUndefined();
		}
	});
});
