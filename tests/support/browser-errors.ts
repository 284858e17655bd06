// A page that throws or logs an error is broken, even when the assertions of its test pass.
// Every browser context a test opens is watched; an uncaught exception or a console.error fails
// the test. A test that provokes an error on purpose allows exactly that one, with a reason.
import type { Browser, BrowserContext, ConsoleMessage, Response } from '@playwright/test';

export interface BrowserError {
	kind: 'pageerror' | 'console.error';
	text: string;
	page: string;
}

interface Allowance {
	reason: string;
	pattern: RegExp;
}

/** The errors of the test that runs now, and the ones it expects. */
export class BrowserErrors {
	#errors: BrowserError[] = [];
	#allowed: Allowance[] = [];

	/** Lets errors matching `pattern` pass in this test only; `reason` says why they are expected. */
	allow(reason: string, pattern: RegExp): void {
		this.#allowed.push({ reason, pattern });
	}

	record(error: BrowserError): void {
		this.#errors.push(error);
	}

	/** The errors no allowance of the test explains. */
	unexpected(): BrowserError[] {
		return this.#errors.filter((e) => !this.#allowed.some((a) => a.pattern.test(e.text)));
	}
}

const watched = new WeakSet<BrowserContext>();

/**
 * Sends the context's page errors and console errors to the test that opened it, also when they
 * arrive after that test's last step.
 */
export function watchContext(context: BrowserContext, errors: BrowserErrors | undefined) {
	if (!errors || watched.has(context)) return;
	watched.add(context);
	context.on('weberror', (error) => {
		errors.record({
			kind: 'pageerror',
			text: String(error.error().stack ?? error.error().message),
			page: error.page()?.url() ?? ''
		});
	});
	context.on('console', (message: ConsoleMessage) => {
		if (message.type() !== 'error') return;
		const location = message.location();
		errors.record({
			kind: 'console.error',
			text: `${message.text()}${location.url ? ` (${location.url})` : ''}`,
			page: message.page()?.url() ?? ''
		});
	});
}

/**
 * Watches every context the browser opens from now on, also those a test opens itself with
 * browser.newContext() or browser.newPage() (which goes through newContext).
 */
export function watchBrowser(browser: Browser, current: () => BrowserErrors | undefined): void {
	const newContext = browser.newContext.bind(browser);
	browser.newContext = async (options) => {
		const context = await newContext(options);
		watchContext(context, current());
		return context;
	};
}

function escapeRegExp(text: string) {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A test that asks on purpose for a page it may not see (403) or that does not exist (404) gets
 * the German error page, and Chromium reports the document's own status as a console error:
 * allowed for exactly that address and status.
 */
export function allowRefusedPage(errors: BrowserErrors, response: Response | null): void {
	const status = response?.status() ?? 0;
	if (!response || status < 400 || status >= 500) return;
	errors.allow(
		`Die Seite antwortet absichtlich ${status}`,
		new RegExp(`status of ${status} \\([^)]*\\) \\(${escapeRegExp(response.url())}\\)$`)
	);
}

/**
 * A test that stops or kills the server on purpose: while it is away, the open pages' reconnect
 * attempts and reloads are refused by the operating system, and Chromium logs each of them.
 */
export function allowServerAway(errors: BrowserErrors): void {
	errors.allow(
		'Der Test hält den Server absichtlich an; die Seiten versuchen es in der Zeit vergeblich',
		/net::ERR_CONNECTION_REFUSED|net::ERR_EMPTY_RESPONSE|net::ERR_CONNECTION_RESET/
	);
}
