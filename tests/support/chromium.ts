// Which Chromium the end-to-end tests drive: CHROMIUM_PATH, then Debian's headless shell, then
// Debian's full browser, then Playwright's own download where a developer has one. No test tool
// can download a browser on our CI machines.
// The headless shell is what Playwright itself runs headless tests on: the full browser opens a
// window with its own interface processes for every context, which costs two to three times as
// long per context (measured 0.55–0.8 s against 1.5–1.7 s on two cores).
import { chromium } from '@playwright/test';
import { existsSync } from 'node:fs';

const systemPaths = [
	'/usr/lib/chromium/chromium-headless-shell',
	'/usr/bin/chromium',
	'/usr/bin/chromium-browser',
	'/usr/bin/google-chrome'
];

export function findChromium(): string | undefined {
	const candidates = [process.env.CHROMIUM_PATH, ...systemPaths];
	const found = candidates.find((path): path is string => Boolean(path) && existsSync(path!));
	if (found) return found;
	const bundled = chromium.executablePath();
	if (existsSync(bundled)) return undefined; // Playwright's own browser: no override needed.
	throw new Error(
		'Kein Chromium gefunden. Installieren Sie es (Debian/Ubuntu: ' +
			'`sudo apt-get install chromium-headless-shell`) ' +
			'oder setzen Sie CHROMIUM_PATH auf den Pfad eines Chromium- oder Chrome-Programms.'
	);
}

/** Flags that keep Chromium from calling hosts outside this machine. */
export const chromiumArgs = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
	'--disable-quic'
];
