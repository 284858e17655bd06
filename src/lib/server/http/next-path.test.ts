import { describe, expect, it } from 'vitest';
import { safeNextPath } from './next-path';

describe('safeNextPath', () => {
	it('keeps paths of this app', () => {
		expect(safeNextPath('/verwaltung?x=1')).toBe('/verwaltung?x=1');
	});

	it('refuses other sites and odd values', () => {
		for (const bad of [
			'//angreifer.example',
			'https://angreifer.example',
			'/\\angreifer',
			'',
			null
		]) {
			expect(safeNextPath(bad)).toBe('/');
		}
	});
});
