/** Milliseconds on a clock all processes on this machine share, finer than Date.now(). */
export function sharedClockMs(): number {
	return performance.timeOrigin + performance.now();
}
