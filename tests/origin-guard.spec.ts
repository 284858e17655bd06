// The origin guard itself: it must notice and block a request to another host.
import { expect, test } from '@playwright/test';
import { leavesOrigin, watchOrigin } from './support/origin-guard';

test('the origin guard records requests to other hosts', async ({ page }) => {
	const appOrigin = 'http://127.0.0.1:9';
	const offenders = watchOrigin(page, appOrigin);
	await page.setContent('<img src="http://fonts.example.invalid/x.png" alt="">');
	await expect.poll(() => offenders).toEqual(['http://fonts.example.invalid/x.png']);
});

test('same host, data: and blob: URLs stay in the origin', () => {
	const app = 'http://127.0.0.1:3000';
	expect(leavesOrigin('http://127.0.0.1:3000/_app/x.js', app)).toBe(false);
	expect(leavesOrigin('ws://127.0.0.1:3000/collab/echo', app)).toBe(false);
	expect(leavesOrigin('data:image/png;base64,AAAA', app)).toBe(false);
	expect(leavesOrigin('http://localhost:3000/', app)).toBe(true);
	expect(leavesOrigin('https://cdn.example.org/kern.css', app)).toBe(true);
});
