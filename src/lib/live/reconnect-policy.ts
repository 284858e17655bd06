// When a live connection in the browser tries again after it was lost, and when it stops trying.
// One policy for every channel: growing pauses with some spread, so that a hall of phones does
// not come back in the same millisecond after the venue's Wi-Fi returns.

/** The first pause, then doubled per failed attempt up to the longest. */
export const firstRetryMs = 1000;
export const longestRetryMs = 15_000;
/** Each pause is stretched or shrunk by up to this share, at random. */
export const retrySpread = 0.25;

/** The pause before attempt `failures` + 1, after `failures` attempts in a row failed. */
export function retryDelay(failures: number, random: () => number = Math.random): number {
	const pause = Math.min(firstRetryMs * 2 ** failures, longestRetryMs);
	return Math.round(pause * (1 - retrySpread + 2 * retrySpread * random()));
}

/**
 * Whether the server closed the connection for good: 4400–4499 mirror the HTTP 4xx (no right,
 * nothing there, too large), and the same connection would be refused again. Everything else
 * (a restart, a lost network, too many connections for now: 1008) is worth another try.
 */
export function refusedForGood(code: number): boolean {
	return code >= 4400 && code < 4500;
}
