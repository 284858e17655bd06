import { describe, expect, it } from 'vitest';
import { parseEventForm } from './forms';

function form(fields: Record<string, string | string[]>) {
	const data = new FormData();
	for (const [key, value] of Object.entries(fields)) {
		for (const item of Array.isArray(value) ? value : [value]) data.append(key, item);
	}
	return data;
}

const valid = {
	title: 'Entwicklungskonferenz',
	date: '2026-03-04',
	place: 'Kamen',
	description: '',
	agenda: 'Begrüßung\r\n\r\n  Arbeitsgruppen  \n',
	groupId: ['', '', ''],
	groupTitle: ['AG 1', '', 'AG 3'],
	groupQuestion: ['Was fehlt?', '', '']
};

describe('parseEventForm', () => {
	it('reads the agenda line by line and drops empty group rows', () => {
		const parsed = parseEventForm(form(valid));
		if (!parsed.ok) throw new Error(parsed.message);
		expect(parsed.value.agenda).toEqual(['Begrüßung', 'Arbeitsgruppen']);
		expect(parsed.value.workingGroups).toEqual([
			{ id: undefined, title: 'AG 1', question: 'Was fehlt?' },
			{ id: undefined, title: 'AG 3', question: '' }
		]);
		expect(parsed.value.asksAffiliation).toBe(false);
		const asking = parseEventForm(form({ ...valid, asksAffiliation: 'ja' }));
		expect(asking.ok && asking.value.asksAffiliation).toBe(true);
	});

	it('answers bad values in German', () => {
		const cases: [Record<string, string | string[]>, RegExp][] = [
			[{ ...valid, title: '  ' }, /Titel/],
			[{ ...valid, date: '2026-02-30' }, /Datum/],
			[{ ...valid, date: 'morgen' }, /Datum/],
			[{ ...valid, place: 'x'.repeat(201) }, /Ort/],
			[
				{ ...valid, groupTitle: ['', '', ''], groupQuestion: ['Frage ohne Titel', '', ''] },
				/Titel/
			],
			[
				{ ...valid, agenda: Array.from({ length: 31 }, (_, i) => `Punkt ${i}`).join('\n') },
				/Ablauf/
			],
			[{ ...valid, asksAffiliation: 'vielleicht' }, /Herkunft/]
		];
		for (const [fields, message] of cases) {
			const parsed = parseEventForm(form(fields));
			expect(parsed.ok, JSON.stringify(fields).slice(0, 80)).toBe(false);
			if (!parsed.ok) expect(parsed.message).toMatch(message);
		}
	});
});
