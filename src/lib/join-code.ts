// Join codes for events: six characters from an alphabet without look-alikes (no 0/O, 1/I/L,
// 2/Z, 5/S, 8/B), so a code read off a projector is typed right the first time.
export const joinCodeAlphabet = 'ACDEFGHJKMNPQRTUVWXY34679';
export const joinCodeLength = 6;

/** Uppercases and drops spaces and dashes; returns undefined when it cannot be a join code. */
export function normalizeJoinCode(input: string): string | undefined {
	const code = input.toUpperCase().replace(/[\s-]/g, '');
	if (code.length !== joinCodeLength) return undefined;
	for (const char of code) if (!joinCodeAlphabet.includes(char)) return undefined;
	return code;
}
