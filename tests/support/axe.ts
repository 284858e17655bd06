// The one accessibility check of the end-to-end tests: WCAG 2.1 A and AA (BITV 2.0) with axe-core.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, type Response } from '@playwright/test';

const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Scans the page as it is now (or only the part `include` selects); any violation fails. */
export async function expectNoAxeViolations(
	page: Page,
	label = new URL(page.url()).pathname,
	options: { include?: string } = {}
): Promise<void> {
	let builder = new AxeBuilder({ page }).withTags(wcagTags);
	if (options.include) builder = builder.include(options.include);
	const results = await builder.analyze();
	expect(results.violations, `WCAG 2.1 AA: ${label}`).toEqual([]);
}

/**
 * A scan proves nothing about a page that was not shown: the page must have answered 200 (an
 * error page gets its own row that expects its status).
 */
export function expectShown(response: Response | null, label: string): void {
	expect(response?.status(), `Status von ${label}`).toBe(200);
}
