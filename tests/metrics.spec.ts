// The operators' /metrics: each counter moves when its action happens, the values read at scrape
// time say what is open now, and only this machine (or the token, behind a proxy) may read them.
import { adminCredentials, serverEnvWithAdmin } from './support/actors';
import { createDocument } from './support/documents';
import { expect, test } from './support/fixtures';
import { metricNow as valueNow, sampleOf, scrapeMetrics as scrape } from './support/metrics';
import { startServer } from './support/server';
import { connectDocument, sessionCookie } from './support/yjs-client';

function postForm(url: string, path: string, fields: Record<string, string>) {
	return fetch(`${url}${path}`, {
		method: 'POST',
		body: new URLSearchParams(fields),
		headers: { origin: url, accept: 'text/html' },
		redirect: 'manual'
	});
}

test('a page request counts under its route id and status, never its path', async ({ server }) => {
	const route = { route: '/(staff)/anmelden', status: '200' };
	const before = await valueNow(server.url, 'leitbild_http_requests_total', route);
	expect((await fetch(`${server.url}/anmelden`)).status).toBe(200);
	const text = await scrape(server.url);
	expect(sampleOf(text, 'leitbild_http_requests_total', route)).toBe(before + 1);
	expect(
		sampleOf(text, 'leitbild_http_request_duration_seconds_count', { route: route.route })
	).toBeGreaterThan(0);

	expect((await fetch(`${server.url}/gibt-es-nicht/123`)).status).toBe(404);
	const unmatched = await scrape(server.url);
	expect(
		sampleOf(unmatched, 'leitbild_http_requests_total', { route: 'unmatched', status: '404' })
	).toBeGreaterThan(0);
	expect(unmatched).not.toContain('gibt-es-nicht');
});

test('a wrong sign-in counts as a failure', async ({ server }) => {
	const before = await valueNow(server.url, 'leitbild_sign_in_failures_total');
	const response = await postForm(server.url, '/anmelden', {
		email: adminCredentials.email,
		password: 'falsches-Passwort',
		weiter: '/'
	});
	expect(response.status).toBe(400);
	expect(await valueNow(server.url, 'leitbild_sign_in_failures_total')).toBe(before + 1);
});

test('a wrong or malformed join code counts as a refusal, by reason', async ({ server }) => {
	const unknown = { reason: 'unknown' };
	const malformed = { reason: 'malformed' };
	const before = await scrape(server.url);
	expect((await postForm(server.url, '/join', { code: 'WWWWWW' })).status).toBe(404);
	expect((await postForm(server.url, '/join', { code: '!' })).status).toBe(400);
	const after = await scrape(server.url);
	const count = (text: string, labels: Record<string, string>) =>
		sampleOf(text, 'leitbild_join_refusals_total', labels) ?? 0;
	expect(count(after, unknown)).toBe(count(before, unknown) + 1);
	expect(count(after, malformed)).toBe(count(before, malformed) + 1);
});

test('an open document counts as a connection and a loaded document; typing is stored and timed', async ({
	server,
	actors
}) => {
	const { id } = await createDocument(server, actors.editor, 'Metrikprobe');
	const connections = { channel: 'document' };
	const appended = 'leitbild_yjs_update_append_duration_seconds_count';
	// Closing the last connection unloads the document, compacted first.
	const compacted = 'leitbild_yjs_compaction_duration_seconds_count';
	const before = await scrape(server.url);
	const compactedBefore = sampleOf(before, compacted) ?? 0;
	expect(sampleOf(before, 'leitbild_websocket_connections', connections)).toBe(0);
	expect(sampleOf(before, 'leitbild_live_documents')).toBe(0);

	const client = connectDocument(server.url, id, await sessionCookie(actors.editor.request));
	try {
		await client.synced;
		const open = await scrape(server.url);
		expect(sampleOf(open, 'leitbild_websocket_connections', connections)).toBe(1);
		expect(sampleOf(open, 'leitbild_live_documents')).toBe(1);

		const stored = sampleOf(open, appended) ?? 0;
		client.addParagraph('Gemeinsam gestalten wir den Kreis.');
		await expect.poll(async () => valueNow(server.url, appended)).toBeGreaterThan(stored);
	} finally {
		client.destroy();
	}
	await expect
		.poll(async () => valueNow(server.url, 'leitbild_websocket_connections', connections))
		.toBe(0);
	expect(await valueNow(server.url, 'leitbild_live_documents')).toBe(0);
	expect(await valueNow(server.url, compacted)).toBeGreaterThan(compactedBefore);
});

test('the database’s size, the outbox and the process are there', async ({ server }) => {
	const text = await scrape(server.url);
	expect(sampleOf(text, 'leitbild_database_size_bytes', { file: 'main' })).toBeGreaterThan(0);
	expect(sampleOf(text, 'leitbild_mail_outbox_messages', { state: 'failed' })).toBe(0);
	expect(sampleOf(text, 'leitbild_process_resident_memory_bytes')).toBeGreaterThan(0);
	expect(text).toContain('# TYPE leitbild_nodejs_eventloop_lag_seconds gauge');
});

test('this machine reads without a token; behind a proxy only the token opens /metrics', async ({
	server
}) => {
	await scrape(server.url);

	const token = 'c0ffee'.repeat(8);
	const proxied = await startServer({
		env: { ...serverEnvWithAdmin, ADDRESS_HEADER: 'X-Forwarded-For', METRICS_TOKEN: token }
	});
	try {
		const status = async (headers: Record<string, string>) =>
			(await fetch(`${proxied.url}/metrics`, { headers })).status;
		// Behind the proxy every request comes from loopback: that alone must not be enough.
		expect(await status({})).toBe(404);
		expect(await status({ 'x-forwarded-for': '127.0.0.1' })).toBe(404);
		expect(await status({ authorization: `Bearer ${token.slice(0, -1)}x` })).toBe(404);
		expect(await status({ authorization: token })).toBe(404);
		const text = await scrape(proxied.url, token);
		expect(sampleOf(text, 'leitbild_database_size_bytes', { file: 'main' })).toBeGreaterThan(0);
	} finally {
		await proxied.dispose();
	}
});
