// DSGVO: no request may leave the app's origin. Every test page is watched; a request to any other
// host fails the test that made it.
import type { Page } from '@playwright/test';

const webSchemes = new Set(['http:', 'https:', 'ws:', 'wss:']);

export function leavesOrigin(requestUrl: string, appOrigin: string): boolean {
	const url = new URL(requestUrl);
	if (!webSchemes.has(url.protocol)) return false; // data:, blob:, about: stay in the page
	const app = new URL(appOrigin);
	return url.host !== app.host;
}

/**
 * Records every request from the page that leaves the app's origin. It listens rather than
 * intercepts: interception would slow every page load of the suite.
 */
export function watchOrigin(page: Page, appOrigin: string): string[] {
	const offenders: string[] = [];
	page.on('request', (request) => {
		if (leavesOrigin(request.url(), appOrigin)) offenders.push(request.url());
	});
	page.on('websocket', (socket) => {
		if (leavesOrigin(socket.url(), appOrigin)) offenders.push(socket.url());
	});
	return offenders;
}
