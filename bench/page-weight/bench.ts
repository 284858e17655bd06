// 4. Page weight: what a phone or a laptop downloads on the first visit of the poll, board and
// editor pages of the production build, the way tests/page-weight.spec.ts measures it (bytes of
// the responses a real browser receives), with gzip sizes and the names of the largest modules.
import { chromium } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromiumArgs, findChromium } from '../../tests/support/chromium';
import { queryDatabase } from '../../tests/support/database';
import { joinEvent, signIn, type AppSession } from '../lib/app-client';
import { benchAdmin, removeDataDir, startApp } from '../lib/app-server';
import { projectRoot } from '../lib/processes';
import type { BenchmarkResult } from '../lib/report';
import { participantLocales, type ParticipantLocale } from '../../src/lib/i18n/locales';
import { kilobytesOf, weigh } from './weigh';
import { ratio, round } from '../lib/stats';

const eventSlug = 'zukunftskonferenz';
/** Issue #23: the participant pages' fonts may not grow beyond what they were then. */
const participantFontsLimitKb = 62.6;
const clientOutput = path.join(projectRoot, '.svelte-kit/output/client');

interface PageToWeigh {
	name: string;
	path: string;
	session: AppSession;
	targetKb: number;
	participantPage: boolean;
	/** The language chosen on the device; the browser's (German) if not given. */
	locale?: ParticipantLocale;
}

/**
 * Build file → what it is: a route's component for SvelteKit's numbered nodes, the chunk's own
 * name (usually its main module) otherwise. Hashed file names alone would name nothing.
 */
function moduleNames(): Map<string, string> {
	const names = new Map<string, string>();
	const manifestPath = path.join(clientOutput, '.vite/manifest.json');
	if (!existsSync(manifestPath)) return names;
	const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<
		string,
		{ file: string; name?: string; src?: string; css?: string[] }
	>;
	for (const chunk of Object.values(manifest)) {
		let name = chunk.name ?? withoutHash(chunk.file);
		const node = chunk.src?.match(/client-optimized\/nodes\/\d+\.js$/);
		if (node) {
			const source = readFileSync(path.join(projectRoot, chunk.src!), 'utf8');
			// A node with a universal load imports its +page.ts first: name it by its component.
			const component = /component \} from "(?:\.\.\/)+(src\/[^"]+)"/.exec(source)?.[1];
			if (component) name = component;
		}
		names.set(chunk.file, name);
		for (const css of chunk.css ?? []) if (!names.has(css)) names.set(css, `${name} (CSS)`);
	}
	return names;
}

function withoutHash(file: string): string {
	return path.basename(file).replace(/\.[\w-]{8}(\.\w+)$/, '$1');
}

function nameOf(url: string, names: Map<string, string>): string {
	const file = new URL(url).pathname.replace(/^\//, '');
	return names.get(file) ?? withoutHash(file);
}

export async function runPageWeight(progress: (line: string) => void): Promise<BenchmarkResult> {
	const app = await startApp();
	const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
	try {
		const [event] = queryDatabase<{ id: string; join_code: string }>(
			app.dataDir,
			'select id, join_code from event where slug = ?',
			eventSlug
		);
		const [board] = queryDatabase<{ id: string; working_group_id: string }>(
			app.dataDir,
			`select board.id, board.working_group_id from board join working_group
			 on working_group.id = board.working_group_id where board.event_id = ?
			 order by working_group.sort_order limit 1`,
			event.id
		);
		const participant = await joinEvent(app.url, event.join_code, board.working_group_id);
		const editor = await signIn(app.url, benchAdmin.email, benchAdmin.password);
		const pages: PageToWeigh[] = [
			// Issue #24: within the target in every language the participant pages speak.
			...participantLocales.map((locale) => ({
				name: locale === 'de' ? 'Umfrage (Teilnahme)' : `Umfrage (Teilnahme, ${locale})`,
				path: `/teilnahme/${eventSlug}/umfrage`,
				session: participant,
				targetKb: 55,
				participantPage: true,
				locale
			})),
			{
				name: 'Pinnwand (Teilnahme)',
				path: `/teilnahme/${eventSlug}/pinnwand/${board.id}`,
				session: participant,
				targetKb: 65,
				participantPage: true
			},
			{
				name: 'Editor',
				path: '/dokumente/leitbild',
				session: editor,
				targetKb: 220,
				participantPage: false
			}
		];
		const names = moduleNames();
		const medians: BenchmarkResult['medians'] = {};
		const largest: Record<string, { module: string; kind: string; gzipKb: number }[]> = {};
		const fonts: Record<string, { font: string; kb: number }[]> = {};
		const misses: string[] = [];
		let worst = 0;
		let participantFontsKb = 0;
		for (const page of pages) {
			// The language as the menu chooses it: remembered for the participant's event, whose
			// choice at joining (the browser's) would otherwise win over the device's.
			const path = page.locale ? `${page.path}?sprache=${page.locale}` : page.path;
			const assets = await weigh(browser, app.url, path, page.session.cookies);
			const jsKb = kilobytesOf(assets, 'script');
			const cssKb = kilobytesOf(assets, 'stylesheet');
			const fontKb = kilobytesOf(assets, 'font');
			medians[page.name] = {
				jsCssGzipKb: round(jsKb + cssKb),
				jsGzipKb: round(jsKb),
				cssGzipKb: round(cssKb),
				fontsKb: round(fontKb),
				targetKb: page.targetKb
			};
			largest[page.name] = assets
				.filter((asset) => asset.kind !== 'font')
				.sort((a, b) => b.gzipBytes - a.gzipBytes)
				.slice(0, 5)
				.map((asset) => ({
					module: nameOf(asset.url, names),
					kind: asset.kind,
					gzipKb: round(asset.gzipBytes / 1024)
				}));
			fonts[page.name] = assets
				.filter((asset) => asset.kind === 'font')
				.map((asset) => ({ font: nameOf(asset.url, names), kb: round(asset.bytes / 1024) }));
			// The limit is #23's, for the German pages; Ukrainian and Russian pages load the
			// Cyrillic faces besides (reported with their page).
			if (page.participantPage && (page.locale ?? 'de') === 'de') {
				participantFontsKb = Math.max(participantFontsKb, fontKb);
			}
			const pageRatio = (jsKb + cssKb) / page.targetKb;
			worst = Math.max(worst, pageRatio);
			if (pageRatio > 1) misses.push(page.name);
			progress(
				`Seitengewicht ${page.name}: JS+CSS ${round(jsKb + cssKb)} KB gzip (Ziel ≤ ${page.targetKb} ${pageRatio > 1 ? '✗' : '✓'}), Schriften ${round(fontKb)} KB`
			);
		}
		if (participantFontsKb > participantFontsLimitKb) misses.push('Schriften der Teilnahmeseiten');
		return {
			benchmark: 'page-weight',
			name: 'page weight',
			parameters: { firstLoad: true, compression: 'gzip -9 (Schriften: woff2 wie geliefert)' },
			// The build is fixed: one load gives the same bytes as five.
			repetitions: 1,
			medians,
			ratioOf: 'JS+CSS / Ziel, schwerste Seite',
			ratio: ratio(worst, 1),
			target: `Umfrage ≤ 55 KB, Pinnwand ≤ 65 KB, Editor ≤ 220 KB, Schriften Teilnahme ≤ ${participantFontsLimitKb} KB`,
			targetMet: misses.length === 0,
			details: {
				largestModules: largest,
				fonts,
				participantFontsKb: round(participantFontsKb),
				missed: misses
			},
			notes: [
				'Gewicht ist deterministisch: eine Messung statt fünf. Referenz sind die Ziele aus Issue #23.'
			]
		};
	} finally {
		await browser.close();
		await app.server.stop();
		removeDataDir(app.dataDir);
	}
}
