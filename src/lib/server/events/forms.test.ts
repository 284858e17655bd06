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
		// An unticked box sends nothing: the moderator switched writing everywhere on.
		expect(parsed.value.ownGroupBoardsOnly).toBe(false);
		const ownOnly = parseEventForm(form({ ...valid, ownGroupBoardsOnly: 'ja' }));
		expect(ownOnly.ok && ownOnly.value.ownGroupBoardsOnly).toBe(true);
		expect(parseEventForm(form({ ...valid, ownGroupBoardsOnly: 'vielleicht' }))).toEqual({
			ok: false,
			message: 'Bitte geben Sie an, ob Teilnehmende nur auf der Pinnwand ihrer Gruppe schreiben.'
		});
	});

	it('keeps line breaks in the description and the guiding questions as line feeds', () => {
		const parsed = parseEventForm(
			form({
				...valid,
				description: 'Für alle.\r\nДля всіх.\r\nللجميع.',
				groupQuestion: ['Was fehlt?\r\nWas hilft?', '', '']
			})
		);
		if (!parsed.ok) throw new Error(parsed.message);
		expect(parsed.value.description).toBe('Für alle.\nДля всіх.\nللجميع.');
		expect(parsed.value.workingGroups[0].question).toBe('Was fehlt?\nWas hilft?');
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
			[{ ...valid, asksAffiliation: 'vielleicht' }, /Herkunft/],
			[{ ...valid, place: 'Kamen\u202e' }, /Ort darf keine Steuerzeichen/],
			[{ ...valid, description: 'Eine\u0000Probe' }, /Beschreibung darf keine Steuerzeichen/],
			[{ ...valid, agenda: 'Begrüßung\u2066\nPause' }, /Ablauf darf keine Steuerzeichen/],
			[{ ...valid, agenda: 'Begrüßung\tum 9\nPause' }, /Ablauf darf keine Steuerzeichen/],
			[{ ...valid, groupTitle: ['AG\u0007 1', '', ''] }, /Arbeitsgruppe darf keine Steuer/],
			[{ ...valid, groupQuestion: ['Was\u202e fehlt?', '', ''] }, /Leitfrage darf keine Steuer/]
		];
		for (const [fields, message] of cases) {
			const parsed = parseEventForm(form(fields));
			expect(parsed.ok, JSON.stringify(fields).slice(0, 80)).toBe(false);
			if (!parsed.ok) expect(parsed.message).toMatch(message);
		}
	});
});
