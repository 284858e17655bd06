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
	// Legacy mode runs axe in the page itself; the default opens a blank page for every scan to
	// merge the results of frames, which costs about 40 % of a scan. The app has no frames of
	// another origin for that merge to matter.
	// Only violations are read: axe then keeps one example node of what passed instead of all.
	// (`options` replaces what `withTags` set, so it comes first.)
	let builder = new AxeBuilder({ page })
		.options({ resultTypes: ['violations'] })
		.withTags(wcagTags)
		.setLegacyMode();
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

/**
 * What axe judges of a page, without its words: every element's tag, its attributes' names, the
 * values of those that change roles, names and looks (role, type, class, aria-*, alt, tabindex,
 * hidden), and whether it holds text of its own. Two visits with the same fingerprint differ only
 * in wording, ids and links, so one scan speaks for both.
 */
export async function structureOf(page: Page): Promise<string> {
	return page.evaluate(() => {
		const judged =
			/^(role|type|class|alt|tabindex|hidden|disabled|aria-(?!label|describedby|controls|owns|valuenow|valuetext))/;
		const parts: string[] = [];
		for (const element of document.body.querySelectorAll('*')) {
			const attributes = [...element.attributes]
				.map((attribute) =>
					judged.test(attribute.name)
						? `${attribute.name}=${attribute.value}`
						: `${attribute.name}${attribute.value ? '' : '=∅'}`
				)
				.sort();
			const ownText = [...element.childNodes].some(
				(node) => node.nodeType === Node.TEXT_NODE && node.textContent?.trim()
			);
			parts.push(`${element.tagName}[${attributes.join(' ')}]${ownText ? 'T' : ''}`);
		}
		return parts.join('|');
	});
}
