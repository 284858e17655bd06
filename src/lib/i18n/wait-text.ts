import type { Messages } from './messages';

/**
 * How long someone has to wait, in the reader's language: seconds below a minute, then whole
 * minutes (in German exactly what the server's describeWait says). Its texts are in the board's
 * area, the one page that shows waits in the browser; the server has every area.
 */
export function waitText(m: Messages, seconds: number): string {
	if (seconds < 60) return m.wait_seconds({ count: seconds });
	return m.wait_minutes({ count: Math.ceil(seconds / 60) });
}
