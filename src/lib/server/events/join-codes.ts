// Random codes from the join-code alphabet: the event's join code, and each participant's
// personal re-entry code for moving to another device.
import { randomInt } from 'node:crypto';
import { joinCodeAlphabet, joinCodeLength } from '$lib/join-code';

export const reentryCodeLength = 8;

export function randomCode(length: number): string {
	let code = '';
	for (let i = 0; i < length; i++) code += joinCodeAlphabet[randomInt(joinCodeAlphabet.length)];
	return code;
}

/** A join code no other event has; `taken` asks the database. */
export function newJoinCode(taken: (code: string) => boolean): string {
	for (;;) {
		const code = randomCode(joinCodeLength);
		if (!taken(code)) return code;
	}
}
