// Ids a page holds more than once: labels, descriptions and patterns of inlined charts must each
// point to their own element.
import type { Page } from '@playwright/test';

export async function duplicateIds(page: Page): Promise<string[]> {
	const ids = await page.evaluate(() =>
		[...document.querySelectorAll('[id]')].map((element) => element.id)
	);
	return [...new Set(ids.filter((id, index) => ids.indexOf(id) !== index))];
}
