// Reading the operators' /metrics in tests: one sample by name and labels.
import { expect } from '@playwright/test';

/** One sample of the exposition text, by name and labels; undefined when there is none. */
export function sampleOf(text: string, name: string, labels: Record<string, string> = {}) {
	const wanted = Object.entries(labels)
		.map(([key, value]) => `${key}="${value}"`)
		.sort()
		.join(',');
	for (const line of text.split('\n')) {
		const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
		if (!match || match[1] !== name) continue;
		const own = (match[2] ?? '').split(/,(?=[a-zA-Z_]+=")/).filter(Boolean);
		if (own.sort().join(',') === wanted) return Number(match[3]);
	}
	return undefined;
}

/** The exposition text; `token` where a proxy is in front (ADDRESS_HEADER set). */
export async function scrapeMetrics(url: string, token?: string): Promise<string> {
	const response = await fetch(`${url}/metrics`, {
		headers: token ? { authorization: `Bearer ${token}` } : {}
	});
	expect(response.status).toBe(200);
	expect(response.headers.get('content-type')).toContain('text/plain; version=0.0.4');
	return response.text();
}

/** One value now; a counter never seen yet counts as 0. */
export async function metricNow(
	url: string,
	name: string,
	labels: Record<string, string> = {},
	token?: string
): Promise<number> {
	return sampleOf(await scrapeMetrics(url, token), name, labels) ?? 0;
}
