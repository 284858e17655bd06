import { expect, openPage, pageAs, test } from './support/fixtures';
import { startServer } from './support/server';

test('signed in, the start page shows the navigation of the areas', async ({
	browser,
	actors,
	baseURL
}) => {
	const { page, close } = await pageAs(browser, actors.admin, baseURL!);
	await openPage(page, '/');
	await expect(page.locator('html')).toHaveAttribute('lang', 'de');
	await expect(page).toHaveTitle('Start – Leitbild-Werkstatt');
	const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
	for (const area of ['Dokumente', 'Konferenzen', 'Beschlüsse', 'Verwaltung']) {
		await expect(nav.getByRole('link', { name: area })).toBeVisible();
	}
	await nav.getByRole('link', { name: 'Beschlüsse' }).click();
	await expect(page).toHaveURL(/\/beschluesse$/);
	await expect(nav.getByRole('link', { name: 'Beschlüsse' })).toHaveAttribute(
		'aria-current',
		'page'
	);
	await expect(page.getByRole('table')).toHaveAccessibleName(
		'Stand der Beschlüsse je Körperschaft (11)'
	);
	await close();
});

test('the public start page is German, with sign-in and the legal pages', async ({ page }) => {
	await openPage(page, '/');
	await expect(page.locator('html')).toHaveAttribute('lang', 'de');
	await expect(page.getByRole('link', { name: 'Anmelden' }).first()).toBeVisible();
	await expect(page.getByRole('navigation', { name: 'Hauptnavigation' })).toHaveCount(0);
	const footer = page.getByRole('contentinfo');
	for (const link of ['Impressum', 'Datenschutz', 'Barrierefreiheit', 'Leichte Sprache']) {
		await footer.getByRole('link', { name: link }).click();
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		await expect(page).toHaveTitle(new RegExp(`^.+ – Leitbild-Werkstatt$`));
	}
});

test('the skip link is the first stop and moves focus to the content', async ({ page }) => {
	await openPage(page, '/');
	await page.keyboard.press('Tab');
	const skip = page.getByRole('link', { name: 'Zum Inhalt springen' });
	await expect(skip).toBeFocused();
	await expect(skip).toBeInViewport();
	await page.keyboard.press('Enter');
	await expect(page.locator('main#inhalt')).toBeFocused();
	await page.keyboard.press('Tab');
	// The next stop is inside the content, not back in the header.
	await expect(page.locator('main :focus, main:focus-within')).not.toHaveCount(0);
});

test('keyboard focus is visible', async ({ page }) => {
	await openPage(page, '/');
	await page.keyboard.press('Tab');
	await page.keyboard.press('Tab');
	const outline = await page.evaluate(() => {
		const style = getComputedStyle(document.activeElement!);
		return { width: style.outlineWidth, style: style.outlineStyle };
	});
	expect(outline.style).not.toBe('none');
	expect(Number.parseFloat(outline.width)).toBeGreaterThanOrEqual(2);
});

test('the seeded organisations of the Kreis Unna are listed', async ({
	browser,
	actors,
	baseURL
}) => {
	const { page, close } = await pageAs(browser, actors.viewer, baseURL!);
	await openPage(page, '/verwaltung');
	const table = page.getByRole('table', { name: /Organisationen/ });
	await expect(table.getByRole('rowheader', { name: 'Kreis Unna', exact: true })).toBeVisible();
	await expect(table.getByRole('row', { name: /Stadt Kamen/ })).toContainText('05978020');
	await expect(table.getByRole('row', { name: /Jobcenter Kreis Unna/ })).toContainText('Partner');
	await close();
});

test('every response carries the security headers', async ({ request }) => {
	for (const path of ['/', '/healthz', '/favicon.svg', '/gibt-es-nicht']) {
		const response = await request.get(path);
		const headers = response.headers();
		expect(headers['x-content-type-options'], path).toBe('nosniff');
		expect(headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
		expect(headers['permissions-policy'], path).toContain('camera=()');
		expect(headers['content-security-policy'], path).toContain("frame-ancestors 'none'");
	}
	const page = await request.get('/');
	const csp = page.headers()['content-security-policy'];
	expect(csp).toMatch(/script-src 'self' 'nonce-[^']+'/);
	expect(csp).not.toContain("script-src 'self' 'unsafe-inline'");
});

test('every response carries its own request id; behind a proxy, the proxy’s', async ({
	request
}) => {
	const ids = new Set<string>();
	for (const path of ['/', '/healthz', '/favicon.svg', '/gibt-es-nicht', '/', '/']) {
		const id = (await request.get(path)).headers()['x-request-id'];
		expect(id, path).toMatch(/^[A-Za-z0-9_-]{12}$/);
		ids.add(id);
	}
	expect(ids.size).toBe(6);
	// Without a proxy in front, a client cannot choose the id its lines are logged under.
	const direct = await request.get('/', { headers: { 'x-request-id': 'vom-client-gewaehlt' } });
	expect(direct.headers()['x-request-id']).not.toBe('vom-client-gewaehlt');
	const server = await startServer({ env: { ADDRESS_HEADER: 'X-Forwarded-For' } });
	try {
		const proxied = await fetch(`${server.url}/`, {
			headers: { 'x-request-id': '0123456789abcdef0123456789abcdef' }
		});
		expect(proxied.headers.get('x-request-id')).toBe('0123456789abcdef0123456789abcdef');
		const odd = await fetch(`${server.url}/`, { headers: { 'x-request-id': '<script>' } });
		expect(odd.headers.get('x-request-id')).toMatch(/^[A-Za-z0-9_-]{12}$/);
	} finally {
		await server.dispose();
	}
});

test('Strict-Transport-Security only when ORIGIN is https', async ({ request }) => {
	for (const path of ['/', '/healthz', '/favicon.svg']) {
		const plain = await request.get(path);
		expect(plain.headers()['strict-transport-security'], path).toBeUndefined();
	}
	const server = await startServer({ env: { ORIGIN: 'https://leitbild.example.test' } });
	try {
		for (const path of ['/', '/healthz', '/favicon.svg', '/gibt-es-nicht']) {
			const response = await fetch(`${server.url}${path}`);
			expect(response.headers.get('strict-transport-security'), path).toBe('max-age=31536000');
		}
	} finally {
		await server.dispose();
	}
});

test('form posts from another site are refused (CSRF)', async ({ request }) => {
	const response = await request.post('/join', {
		form: { code: 'ACK47M' },
		headers: { origin: 'https://angreifer.example' }
	});
	expect(response.status()).toBe(403);
});

test('health check answers ok', async ({ request }) => {
	const response = await request.get('/healthz');
	expect(response.status()).toBe(200);
	expect(await response.json()).toEqual({ status: 'ok' });
});

test('the join page validates the code and says why', async ({ page }) => {
	await openPage(page, '/join');
	await expect(page).toHaveTitle('Teilnehmen – Leitbild-Werkstatt');
	// Participants' pages do not load the staff navigation.
	await expect(page.getByRole('navigation', { name: 'Hauptnavigation' })).toHaveCount(0);
	const field = page.getByLabel('Code der Veranstaltung');
	await field.fill('12');
	await page.getByRole('button', { name: 'Beitreten' }).click();
	await expect(page.getByRole('alert')).toContainText('sechsstelligen Code');
	await expect(field).toHaveAttribute('aria-invalid', 'true');
	await field.fill('ack 47m');
	await page.getByRole('button', { name: 'Beitreten' }).click();
	await expect(page.getByRole('alert')).toContainText('keine Veranstaltung');
});
