// What a browser downloads on the first visit of one page of the production build: every
// script, stylesheet and font response, with gzip sizes as a server sends them. Shared by the
// page-weight benchmark and tests/page-weight.spec.ts.
import type { Browser } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { projectRoot } from '../lib/processes';
import { watchOrigin } from '../../tests/support/origin-guard';

export interface Asset {
	url: string;
	kind: 'script' | 'stylesheet' | 'font';
	gzipBytes: number;
	bytes: number;
}

/** gzip KB of one kind of asset. */
export function kilobytesOf(assets: Asset[], kind: Asset['kind']): number {
	return assets.filter((asset) => asset.kind === kind).reduce((s, a) => s + a.gzipBytes, 0) / 1024;
}

/**
 * Opens `path` in a fresh context with the given cookies (a session, a participant, a chosen
 * language) and collects what it loads until the network is idle.
 */
export async function weigh(
	browser: Browser,
	baseUrl: string,
	path: string,
	cookies: Iterable<[string, string]>
): Promise<Asset[]> {
	const context = await browser.newContext({ baseURL: baseUrl, locale: 'de-DE' });
	await context.addCookies([...cookies].map(([name, value]) => ({ name, value, url: baseUrl })));
	const tab = await context.newPage();
	// A request to another host would be weight we do not count, and is not allowed anyway.
	const offenders = watchOrigin(tab, baseUrl);
	const pending: Promise<Asset | undefined>[] = [];
	tab.on('response', (response) => {
		const type = response.request().resourceType();
		if (type !== 'script' && type !== 'stylesheet' && type !== 'font') return;
		pending.push(
			response
				.body()
				.then((body): Asset => ({
					url: response.url(),
					kind: type,
					bytes: body.length,
					// Fonts are compressed already (woff2); gzip counts the rest as a server sends it.
					gzipBytes: type === 'font' ? body.length : gzipSync(body, { level: 9 }).length
				}))
				.catch(() => undefined)
		);
	});
	const response = await tab.goto(path);
	if (!response?.ok()) throw new Error(`${path} antwortete mit ${response?.status()}.`);
	await tab.locator('html[data-hydrated="true"]').waitFor();
	await tab.waitForLoadState('networkidle');
	if (offenders.length > 0) throw new Error(`${path} lädt von fremden Hosts: ${offenders}`);
	const assets = (await Promise.all(pending)).filter((asset): asset is Asset => Boolean(asset));
	await context.close();
	return assets;
}

/**
 * The build's message chunks: file → the language it holds (one per area and language, from
 * Paraglide's per-language modules), read from the client build's manifest.
 */
export function languageChunks(): Map<string, string> {
	const manifestPath = path.join(projectRoot, '.svelte-kit/output/client/.vite/manifest.json');
	const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<
		string,
		{ file: string; src?: string }
	>;
	const chunks = new Map<string, string>();
	for (const chunk of Object.values(manifest)) {
		const locale = chunk.src?.match(/src\/lib\/paraglide\/[\w-]+\/messages\/([\w-]+)\.js$/)?.[1];
		if (locale && locale !== '_index') chunks.set(chunk.file, locale);
	}
	return chunks;
}

/** The language of each message chunk among the assets. */
export function languagesLoaded(assets: Asset[]): string[] {
	const chunks = languageChunks();
	return assets
		.map((asset) => chunks.get(new URL(asset.url).pathname.replace(/^\//, '')))
		.filter((locale): locale is string => Boolean(locale));
}
