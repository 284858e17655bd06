import { describe, expect, it } from 'vitest';
import { areasOf } from './areas';

describe('areasOf', () => {
	it('gives each participant page the shell and its own areas only', () => {
		expect(areasOf('/(participant)/join')).toEqual(['participant', 'join']);
		expect(areasOf('/(participant)/join/[code]')).toEqual(['participant', 'join']);
		expect(areasOf('/(participant)/teilnahme/[slug]')).toEqual(['participant', 'join', 'poll']);
		expect(areasOf('/(participant)/teilnahme/[slug]/umfrage')).toEqual(['participant', 'poll']);
		expect(areasOf('/(participant)/teilnahme/[slug]/pinnwand/[board]')).toEqual([
			'participant',
			'board'
		]);
	});

	it('gives German staff and projection pages every area a page shows, never the server’s', () => {
		for (const route of ['/(staff)/konferenzen/[slug]/pinnwand/[board]', '/(projection)/x', null]) {
			expect(areasOf(route)).toEqual(['participant', 'join', 'board', 'poll']);
		}
	});
});
