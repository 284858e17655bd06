// The build drops the KERN rules and tokens no source file names (src/lib/styles/kern-purge.ts).
// Here the built pages show that nothing they use went with them: putting KERN's whole stylesheet
// back in front of the page's own styles changes no computed style of any element. A dropped rule
// or token an element needs would come back with it and change that element.
import type { APIRequestContext, Browser, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, openPage, pageWithState, test } from './support/fixtures';
import { fillPlaceholders } from './support/participants';

const kernCss = readFileSync(
	path.resolve('node_modules/@kern-ux/native/dist/kern.min.css'),
	'utf8'
);

/** The computed styles whole KERN would change, as `element::pseudo property: served → whole`. */
async function stylesWholeKernChanges(page: Page): Promise<string[]> {
	return page.evaluate((wholeKern) => {
		// Chromium lays out the inside of a closed <details> only when asked, so the first reading
		// of a size there would differ from the second: open them all, which checks their content too.
		for (const details of document.querySelectorAll('details')) details.open = true;
		const targets = [
			document.documentElement,
			document.body,
			...document.body.querySelectorAll('*')
		];
		// A pseudo-element without content has no box to style.
		const boxes = targets.flatMap((element) =>
			['', '::before', '::after']
				.filter((pseudo) => !pseudo || getComputedStyle(element, pseudo).content !== 'none')
				.map((pseudo) => ({ element, pseudo }))
		);
		const computed = () =>
			boxes.map(({ element, pseudo }) => {
				const style = getComputedStyle(element, pseudo || null);
				const values = new Map<string, string>();
				// Tokens differ by design (whole KERN defines all of them); what they do shows in
				// the properties that read them.
				for (const property of style) {
					if (!property.startsWith('--')) values.set(property, style.getPropertyValue(property));
				}
				return values;
			});
		const served = computed();
		const style = document.createElement('style');
		style.textContent = wholeKern;
		document.head.prepend(style);
		const whole = computed();
		style.remove();
		const changes: string[] = [];
		served.forEach((values, index) => {
			const { element, pseudo } = boxes[index];
			const name = `${element.tagName.toLowerCase()}${[...element.classList].map((c) => `.${c}`).join('')}${pseudo}`;
			for (const [property, value] of values) {
				const other = whole[index].get(property);
				if (other !== value) changes.push(`${name} ${property}: ${value} → ${other}`);
			}
		});
		return changes;
	}, kernCss);
}

const participantPages = [
	'/teilnahme/zukunftskonferenz',
	'/teilnahme/zukunftskonferenz/umfrage',
	'/teilnahme/zukunftskonferenz/pinnwand/{board}'
];
const staffPages = [
	'/',
	'/dokumente',
	'/dokumente/leitbild',
	// The print view is what people turn into a PDF with the browser.
	'/dokumente/leitbild/druck',
	'/verwaltung',
	'/konto',
	'/konferenzen/zukunftskonferenz/umfragen',
	// The projector loads the participants' part of KERN.
	'/konferenzen/zukunftskonferenz/umfragen/projektion',
	'/konferenzen/zukunftskonferenz/pinnwand/{board}/projektion'
];

async function expectKernWhole(
	browser: Browser,
	request: APIRequestContext,
	baseURL: string,
	target: string
) {
	const session = await pageWithState(browser, request, baseURL);
	try {
		expect((await openPage(session.page, target))?.status(), target).toBe(200);
		expect(await stylesWholeKernChanges(session.page), target).toEqual([]);
		if (target.endsWith('/druck')) {
			// …and on paper, where its print rules apply.
			await session.page.emulateMedia({ media: 'print' });
			expect(await stylesWholeKernChanges(session.page), `${target} (Druck)`).toEqual([]);
		}
	} finally {
		await session.close();
	}
}

for (const target of participantPages) {
	test(`${target} (Teilnahme) keeps every KERN rule and token it uses`, async ({
		browser,
		participant,
		baseURL,
		server
	}) => {
		await expectKernWhole(browser, participant, baseURL!, fillPlaceholders(target, server.dataDir));
	});
}

for (const target of staffPages) {
	test(`${target} keeps every KERN rule and token it uses`, async ({
		browser,
		actors,
		baseURL,
		server
	}) => {
		const address = fillPlaceholders(target, server.dataDir);
		await expectKernWhole(browser, actors.admin.request, baseURL!, address);
	});
}

test('the join form keeps the styles of the alert it shows only after a wrong code', async ({
	page
}) => {
	await openPage(page, '/join');
	await page.getByLabel('Code der Veranstaltung').fill('XY');
	await page.getByRole('button', { name: 'Beitreten' }).click();
	await expect(page.locator('.kern-alert--danger')).toBeVisible();
	expect(await stylesWholeKernChanges(page)).toEqual([]);
});
