import { describe, expect, it } from 'vitest';
import type { EventRow } from '../db/schema';
import { resultsMarkdown } from './exports';

const eventRow = { title: 'Konferenz', date: '2026-03-04', place: '' } as EventRow;

describe('resultsMarkdown', () => {
	it('counts a poll’s answers in the singular for 1 and the plural for 0 and 2', () => {
		const text = (respondents: number) =>
			resultsMarkdown(eventRow, [], [{ prompt: 'Frage', type: 'single', respondents, lines: [] }]);
		expect(text(0)).toContain('\n0 Antworten\n');
		expect(text(1)).toContain('\n1 Antwort\n');
		expect(text(2)).toContain('\n2 Antworten\n');
	});
});
