import { describe, expect, it } from 'vitest';
import { groupByPeople } from './small-groups';

/** One dot or answer: the group it counts for and the person who gave it. */
const item = (group: string, person: string) => ({ group, person });
const group = (items: ReturnType<typeof item>[]) =>
	groupByPeople(
		items,
		(i) => i.group,
		(i) => i.person
	);

describe('groups by people', () => {
	it('hides a group of one person however many dots they gave', () => {
		const result = group([
			item('Träger', 'anna'),
			item('Träger', 'anna'),
			item('Träger', 'anna'),
			item('Verwaltung', 'ben'),
			item('Verwaltung', 'cem'),
			item('Verwaltung', 'dora')
		]);
		expect(result.shown.map((g) => [g.key, g.items.length, g.people])).toEqual([
			['Verwaltung', 3, 3]
		]);
		expect(result.others).toBeNull();
		expect(result.hidden).toHaveLength(3);
	});

	it('folds small groups into "Weitere" when they are three people together', () => {
		const result = group([
			item('Selm', 'anna'),
			item('Selm', 'anna'),
			item('Werne', 'ben'),
			item('Fröndenberg', 'cem'),
			item('Kamen', 'dora'),
			item('Kamen', 'emil'),
			item('Kamen', 'fred')
		]);
		expect(result.shown.map((g) => g.key)).toEqual(['Kamen']);
		expect(result.others).toMatchObject({ key: 'Weitere', people: 3 });
		expect(result.others!.items).toHaveLength(4);
		expect(result.hidden).toEqual([]);
	});

	it('counts a person in two small groups once when folding', () => {
		const result = group([item('Selm', 'anna'), item('Werne', 'anna'), item('Unna', 'ben')]);
		expect(result.shown).toEqual([]);
		expect(result.others).toBeNull();
		expect(result.hidden).toHaveLength(3);
	});

	it('shows exactly three people, and nothing for no items', () => {
		expect(
			group([item('Unna', 'a'), item('Unna', 'b'), item('Unna', 'c')]).shown.map((g) => g.people)
		).toEqual([3]);
		expect(group([])).toEqual({ shown: [], others: null, hidden: [] });
	});
});
