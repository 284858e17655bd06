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

	it('gives staff and projection pages the areas of the boards and polls they show', () => {
		expect(areasOf('/(staff)/konferenzen/[slug]/pinnwand/[board]')).toEqual([
			'participant',
			'board'
		]);
		expect(areasOf('/(projection)/konferenzen/[slug]/pinnwand/[board]/projektion')).toEqual([
			'participant',
			'board'
		]);
		expect(areasOf('/(staff)/konferenzen/[slug]/umfragen/ergebnisse')).toEqual([
			'participant',
			'poll'
		]);
		expect(areasOf('/(projection)/konferenzen/[slug]/umfragen/projektion')).toEqual([
			'participant',
			'poll'
		]);
		expect(areasOf('/(staff)/dokumente/[slug]')).toEqual(['participant']);
	});

	it('gives an unknown address’s error page every area a page shows, never the server’s', () => {
		expect(areasOf(null)).toEqual(['participant', 'join', 'board', 'poll']);
	});
});
