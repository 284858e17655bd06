import { describe, expect, it } from 'vitest';
import type { ActivityEntry } from '../documents/activity';
import { addDays, reminderOccasion } from './adoption-reminders';
import { replyRecipients } from './comment-mails';
import { digestParagraphs, isoWeek, isoWeekday } from './weekly-digest';

describe('replyRecipients', () => {
	const readers = new Set(['anna', 'ben', 'carla', 'dora']);

	it('mails the thread author and earlier repliers once each, not the replier', () => {
		expect(
			replyRecipients({
				earlierAuthorIds: ['anna', 'ben', 'anna', null, 'carla'],
				replierId: 'carla',
				mentionedIds: [],
				readerIds: readers
			})
		).toEqual(['anna', 'ben']);
	});

	it('leaves out those the reply mentions (they get the mention) and those who may not read', () => {
		expect(
			replyRecipients({
				earlierAuthorIds: ['anna', 'ben', 'gone'],
				replierId: 'dora',
				mentionedIds: ['ben'],
				readerIds: readers
			})
		).toEqual(['anna']);
	});
});

describe('reminderOccasion', () => {
	it('reminds within the days before, on the day, and after the date as overdue', () => {
		expect(reminderOccasion('2027-03-12', '2027-03-01', 7)).toBeNull();
		expect(reminderOccasion('2027-03-12', '2027-03-05', 7)).toBe('upcoming');
		expect(reminderOccasion('2027-03-12', '2027-03-12', 7)).toBe('upcoming');
		expect(reminderOccasion('2027-03-12', '2027-03-13', 7)).toBe('overdue');
		expect(reminderOccasion('2027-03-12', '2027-03-11', 0)).toBeNull();
	});

	it('counts days across months and years', () => {
		expect(addDays('2026-12-28', 7)).toBe('2027-01-04');
		expect(addDays('2028-02-25', 5)).toBe('2028-03-01');
	});
});

describe('ISO weeks', () => {
	it('gives the week of the year its Thursday belongs to', () => {
		expect(isoWeek('2026-12-07')).toBe('2026-W50');
		expect(isoWeek('2027-01-01')).toBe('2026-W53');
		expect(isoWeek('2027-01-04')).toBe('2027-W01');
		expect(isoWeek('2024-12-30')).toBe('2025-W01');
		expect(isoWeekday('2026-12-07')).toBe(1);
		expect(isoWeekday('2026-12-13')).toBe(7);
	});
});

describe('digestParagraphs', () => {
	function entry(id: number, kind: ActivityEntry['kind'], userId: string, detail?: string) {
		return {
			id,
			documentId: 'd1',
			kind,
			userId,
			startedAt: new Date(0),
			endedAt: new Date(0),
			changes: kind === 'edit' ? 12 : 0,
			versionId: null,
			detail: detail ?? null,
			organisationId: null,
			versionNumber: null,
			versionName: null,
			organisationName: null
		} satisfies ActivityEntry;
	}
	const names = new Map([
		['anna', 'Anna Arendt'],
		['ben', 'Ben Brandt']
	]);

	it('says per document what happened, and counts what does not fit', () => {
		const many = Array.from({ length: 10 }, (_, i) => entry(i + 10, 'comment', 'ben', 'reply'));
		const [first, second] = digestParagraphs(
			[
				{
					documentId: 'd1',
					slug: 'leitbild',
					title: 'Leitbild Kreis Unna',
					entries: [entry(1, 'edit', 'anna'), entry(2, 'comment', 'ben', 'new')]
				},
				{ documentId: 'd2', slug: 'charta', title: 'Charta', entries: many }
			],
			names
		);
		expect(first.split('\n')).toEqual([
			'„Leitbild Kreis Unna“ (2 Änderungen):',
			expect.stringMatching(/\/dokumente\/leitbild$/),
			'– Anna Arendt hat den Text bearbeitet (12 Eingaben)',
			'– Ben Brandt hat einen Kommentar geschrieben'
		]);
		const lines = second.split('\n');
		expect(lines[0]).toBe('„Charta“ (10 Änderungen):');
		expect(lines).toHaveLength(2 + 8 + 1);
		expect(lines.at(-1)).toBe('– und 2 weitere Einträge');
	});
});
