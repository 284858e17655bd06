import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import postcss from 'postcss';
import { beforeAll, describe, expect, it } from 'vitest';
import { purgeKern } from './kern-purge';

const kernCss = readFileSync(
	fileURLToPath(import.meta.resolve('@kern-ux/native/dist/kern.min.css')),
	'utf8'
);

/** Every selector of every rule, one by one, without the spaces the minifier took out. */
function selectorsOf(css: string): Set<string> {
	const selectors = new Set<string>();
	postcss.parse(css).walkRules((rule) => {
		for (const selector of rule.selectors) selectors.add(selector.replace(/\s+/g, ''));
	});
	return selectors;
}

function tokensDefinedIn(css: string): Set<string> {
	return new Set([...css.matchAll(/(--kern-[\w-]+)\s*:/g)].map(([, token]) => token));
}

describe('KERN purged for the participants’ pages', () => {
	it('drops what only staff pages name, keeps what participant pages and shared parts name', async () => {
		const forParticipants = selectorsOf(await purgeKern(kernCss, { forParticipants: true }));
		const forStaff = selectorsOf(await purgeKern(kernCss, { forParticipants: false }));
		// Numeric table cells are only in staff pages' tables (they load the whole KERN).
		expect(forStaff).toContain('.kern-table__cell--numeric');
		expect(forParticipants).not.toContain('.kern-table__cell--numeric');
		for (const selector of ['.kern-btn--primary', '.kern-form-input__input--error', '.kern-card']) {
			expect(forParticipants, selector).toContain(selector);
		}
	});
});

describe('KERN purged to what the app uses (staff stylesheet, real sources)', () => {
	let purged: string;
	let selectors: Set<string>;
	beforeAll(async () => {
		purged = await purgeKern(kernCss, { forParticipants: false });
		selectors = selectorsOf(purged);
	});

	it('keeps the classes pages name, also in class: directives', () => {
		for (const selector of [
			'.kern-btn',
			'.kern-btn--primary',
			'.kern-form-input__input--error',
			'.kern-table__cell--numeric',
			'.kern-dialog'
		]) {
			expect(selectors, selector).toContain(selector);
		}
	});

	it('keeps the tones the sources only assemble at run time', () => {
		for (const tone of ['info', 'success', 'warning', 'danger']) {
			expect(selectors).toContain(`.kern-alert--${tone}`);
			expect(selectors).toContain(`.kern-icon--${tone}`);
		}
		expect(selectors).toContain('.kern-badge--success');
		expect(selectors).toContain('.kern-badge--warning');
	});

	it('keeps the body its contextual colours and the editor its focus ring', () => {
		expect(selectors).toContain(':is(body):not([class*=kern-level-])');
		expect(purged).toMatch(
			/:is\(body\):not\(\[class\*=kern-level-\]\)[^{]*\{[^}]*--kern-color-layout-text-default-contextual/
		);
		expect(selectors).toContain('[contentEditable=true]:not([tabindex="-1"]):focus:focus-visible');
	});

	it('drops what nothing shows: other icons, sizes, the loader, the dark theme', () => {
		for (const selector of [
			'.kern-icon--home',
			'.kern-badge--small',
			'.kern-loader',
			'.kern-progress',
			'[data-kern-theme=dark]'
		]) {
			expect(selectorsOf(kernCss), selector).toContain(selector);
			expect(selectors, selector).not.toContain(selector);
		}
		expect(purged).not.toContain('@keyframes rotation');
		expect(gzipSync(purged).length).toBeLessThan(gzipSync(kernCss).length / 2);
	});

	it('keeps every token a remaining rule reads, also through other tokens', () => {
		const defined = tokensDefinedIn(kernCss);
		const kept = tokensDefinedIn(purged);
		const read = [...purged.matchAll(/var\((--kern-[\w-]+)/g)].map(([, token]) => token);
		expect(read.filter((token) => defined.has(token) && !kept.has(token))).toEqual([]);
		// Read by a component's style only, and itself reading `--kern-64`.
		expect(kept).toContain('--kern-metric-space-5x-large');
		expect(kept).toContain('--kern-64');
		expect(kept.size).toBeLessThan(defined.size / 2);
	});
});
