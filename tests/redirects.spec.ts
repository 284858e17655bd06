// No open redirect: every route that takes a redirect target (the sign-in page's `weiter`, on the
// page for a signed-in visitor and in the form) sends people only to paths of this app, for a
// table of hostile values; Chromium itself is checked to stay on the app's host.
import { request as playwrightRequest } from '@playwright/test';
import { hostileRedirectTargets } from '../src/lib/server/http/next-path-fixtures';
import { adminCredentials, postForm, signedInRequest } from './support/actors';
import { expect, pageAs, test } from './support/fixtures';

/** A Location header that stays on this app: a path, not a scheme or another host. */
function expectSameOriginPath(location: string | undefined, baseURL: string) {
	expect(location, 'Location').toBeDefined();
	expect(location).toMatch(/^\/(?![/\\])/);
	// eslint-disable-next-line no-control-regex
	expect(location).not.toMatch(/[\u0000-\u001f\u007f-\u009f\\]/);
	expect(new URL(location!, baseURL).origin).toBe(new URL(baseURL).origin);
}

test('the sign-in page sends a signed-in visitor only to paths of this app', async ({ server }) => {
	const admin = await signedInRequest(
		server.url,
		adminCredentials.email,
		adminCredentials.password
	);
	try {
		for (const target of hostileRedirectTargets) {
			const response = await admin.get(`/anmelden?weiter=${encodeURIComponent(target)}`, {
				maxRedirects: 0
			});
			expect(response.status(), target).toBe(303);
			expectSameOriginPath(response.headers().location, server.url);
			expect(response.headers().location, target).toBe('/');
		}
		const kept = await admin.get(`/anmelden?weiter=${encodeURIComponent('/dokumente?x=1')}`, {
			maxRedirects: 0
		});
		expect(kept.headers().location).toBe('/dokumente?x=1');
	} finally {
		await admin.dispose();
	}
});

test('signing in with a hostile target lands on the start page', async ({ server }) => {
	for (const target of hostileRedirectTargets) {
		const request = await playwrightRequest.newContext({ baseURL: server.url });
		try {
			const response = await postForm(request, server.url, '/anmelden', {
				...adminCredentials,
				weiter: target
			});
			expect(response.status(), target).toBe(303);
			expectSameOriginPath(response.headers().location, server.url);
			expect(response.headers().location, target).toBe('/');
		} finally {
			await request.dispose();
		}
	}
});

test('Chromium follows the sign-in redirect and stays on the app', async ({
	browser,
	actors,
	baseURL
}) => {
	const { page, close } = await pageAs(browser, actors.viewer, baseURL!);
	try {
		for (const target of ['/%09/evil.example/x', '/.//evil.example/x', '/%5Cevil.example/x']) {
			await page.goto(`/anmelden?weiter=${encodeURIComponent(decodeURIComponent(target))}`);
			expect(new URL(page.url()).origin, target).toBe(new URL(baseURL!).origin);
			await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		}
	} finally {
		await close();
	}
});
