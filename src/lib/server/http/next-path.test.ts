import { describe, expect, it } from 'vitest';
import { safeNextPath } from './next-path';
import { hostileRedirectTargets } from './next-path-fixtures';

describe('safeNextPath', () => {
	it('keeps paths of this app', () => {
		expect(safeNextPath('/verwaltung?x=1')).toBe('/verwaltung?x=1');
		expect(safeNextPath('/dokumente/leitbild#abschnitt-2')).toBe('/dokumente/leitbild#abschnitt-2');
		expect(safeNextPath('/einladung/abc123')).toBe('/einladung/abc123');
		// Umlauts and encoded spaces in a query are a path of this app too.
		expect(safeNextPath('/beschluesse?dokument=leitbild&q=Gro%C3%9F%20K%C3%B6ln')).toBe(
			'/beschluesse?dokument=leitbild&q=Gro%C3%9F%20K%C3%B6ln'
		);
	});

	it('normalises dot segments that stay on this app', () => {
		expect(safeNextPath('/dokumente/../verwaltung')).toBe('/verwaltung');
	});

	it.each(hostileRedirectTargets)('refuses %j', (bad) => {
		expect(safeNextPath(bad)).toBe('/');
	});

	it('refuses empty values', () => {
		expect(safeNextPath('')).toBe('/');
		expect(safeNextPath(null)).toBe('/');
		expect(safeNextPath(undefined, '/konto')).toBe('/konto');
	});
});
