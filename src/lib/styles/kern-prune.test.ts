import { describe, expect, it } from 'vitest';
import { kernUsage, pruneKern } from './kern-prune';

const squash = (css: string) => css.replace(/\s+/g, '').replaceAll(';}', '}');

describe('pruning KERN to what the sources name', () => {
	it('finds classes, run-time class prefixes and tokens in Svelte and TypeScript', () => {
		const usage = kernUsage([
			'<div class="kern-alert kern-alert--{tone}" style="gap: var(--kern-metric-space-small)">',
			'const name = `kern-badge--${tone}`;'
		]);
		expect([...usage.classes]).toEqual(
			expect.arrayContaining(['kern-alert', 'kern-alert--', 'kern-badge--'])
		);
		expect(usage.classPrefixes).toEqual(['kern-alert--', 'kern-badge--']);
		expect([...usage.tokens]).toEqual(['--kern-metric-space-small']);
		expect(usage.classes.has('kern-metric-space-small')).toBe(false);
	});

	it('drops only the selectors that need a class nobody uses', () => {
		const usage = kernUsage(['kern-btn kern-alert--{tone}']);
		const css = `
			.kern-btn, .kern-btn--large { color: red; }
			.kern-loader { color: blue; }
			.kern-alert--danger .kern-btn:not(.kern-btn--large) { color: green; }
			:is(body, .kern-dark):not([class*=kern-level-]) { margin: 0; }
			[data-kern-theme=dark], .kern-dark { color: white; }
			@media (min-width: 768px) { .kern-loader { color: blue; } }
			@keyframes spin { from { transform: none; } }
		`;
		expect(squash(pruneKern(css, usage))).toBe(
			squash(`
				.kern-btn { color: red; }
				.kern-alert--danger .kern-btn:not(.kern-btn--large) { color: green; }
				:is(body, .kern-dark):not([class*=kern-level-]) { margin: 0; }
				@keyframes spin { from { transform: none; } }
			`)
		);
	});

	it('keeps attribute selectors the sources set', () => {
		const css = '[data-kern-theme=dark] { color: white; }';
		expect(pruneKern(css, kernUsage(['<html data-kern-theme="dark">']))).toContain('white');
		expect(pruneKern(css, kernUsage(['<html>']))).toBe('');
	});

	it('drops tokens nobody reads, also those read only by dropped tokens', () => {
		const usage = kernUsage(['kern-btn', 'var(--kern-from-source)']);
		const css = `
			:root { --kern-a: red; --kern-b: var(--kern-c); --kern-c: blue; --kern-d: 1px;
				--kern-from-source: 2px; --kern-e: url("data:image/svg+xml;utf8,<svg/>"); }
			.kern-btn { color: var(--kern-a, #000); }
			.kern-loader { border: var(--kern-d); }
		`;
		expect(squash(pruneKern(css, usage))).toBe(
			squash(
				':root { --kern-a: red; --kern-from-source: 2px } .kern-btn { color: var(--kern-a, #000); }'
			)
		);
	});

	it('keeps strings and data addresses with semicolons and braces whole', () => {
		const usage = kernUsage(['kern-icon']);
		const css = `.kern-icon { mask: url("data:image/svg+xml;utf8,<svg>{;}</svg>"); content: '}'; }`;
		expect(squash(pruneKern(css, usage))).toBe(squash(css));
	});
});
