// The guards themselves: the origin guard notices a request to another host, the error guard an
// exception or console error on any page a test opens.
import { leavesOrigin, watchOrigin } from './support/origin-guard';
import { expect, test } from './support/fixtures';

test('the origin guard records requests to other hosts', async ({ browser, browserErrors }) => {
	browserErrors.allow(
		'Der Test lädt absichtlich ein Bild von einem fremden, nicht auflösbaren Host',
		/^Failed to load resource: net::ERR_NAME_NOT_RESOLVED \(http:\/\/fonts\.example\.invalid\//
	);
	const page = await browser.newPage();
	const appOrigin = 'http://127.0.0.1:9';
	const offenders = watchOrigin(page, appOrigin);
	await page.setContent('<img src="http://fonts.example.invalid/x.png" alt="">');
	await expect.poll(() => offenders).toEqual(['http://fonts.example.invalid/x.png']);
	await page.context().close();
});

test('same host, data: and blob: URLs stay in the origin', () => {
	const app = 'http://127.0.0.1:3000';
	expect(leavesOrigin('http://127.0.0.1:3000/_app/x.js', app)).toBe(false);
	expect(leavesOrigin('ws://127.0.0.1:3000/collab/echo', app)).toBe(false);
	expect(leavesOrigin('data:image/png;base64,AAAA', app)).toBe(false);
	expect(leavesOrigin('http://localhost:3000/', app)).toBe(true);
	expect(leavesOrigin('https://cdn.example.org/kern.css', app)).toBe(true);
});

test('the error guard records exceptions and console errors of pages the test opens', async ({
	browser,
	browserErrors
}) => {
	const page = await browser.newPage();
	await page.setContent(
		'<script>console.error("kaputt geloggt"); setTimeout(() => { throw new Error("kaputt geworfen"); });</script>'
	);
	await expect
		.poll(() => browserErrors.unexpected().map((e) => `${e.kind}: ${e.text.split('\n')[0]}`))
		.toEqual(['console.error: kaputt geloggt', 'pageerror: Error: kaputt geworfen']);
	// Allowed by name, they no longer fail the test – and only these two.
	browserErrors.allow('Der Test erzeugt die Fehler selbst', /^kaputt geloggt$|kaputt geworfen/);
	expect(browserErrors.unexpected()).toEqual([]);
	await page.context().close();
});
