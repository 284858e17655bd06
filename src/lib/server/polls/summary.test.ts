import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../db/test-database';
import { resultsMarkdown } from '../boards/exports';
import { createEvent } from '../events/events';
import { joinEvent } from '../events/participants';
import { submitAnswer } from './answers';
import { createQuestion, findQuestion, openQuestion } from './questions';
import { pollSummaries } from './summary';

describe('poll summaries for the documentation', () => {
	it('lists asked questions with their numbers, and the documentation carries them', () => {
		const db = createTestDatabase();
		const event = createEvent(db, {
			title: 'Konferenz',
			date: '2026-03-04',
			place: '',
			description: '',
			agenda: [],
			asksAffiliation: false,
			workingGroups: [],
			createdBy: null
		});
		const base = {
			maxChoices: null,
			scaleMin: null,
			scaleMax: null,
			scaleMinLabel: null,
			scaleMaxLabel: null,
			allowChange: true,
			projectionLive: false
		};
		const asked = createQuestion(db, event.id, {
			...base,
			type: 'single',
			prompt: 'Wie weiter?',
			options: ['Runder Tisch', 'Beschluss']
		});
		createQuestion(db, event.id, {
			...base,
			type: 'text',
			prompt: 'Noch nicht gestellt',
			options: []
		});
		openQuestion(db, asked.id);
		const open = findQuestion(db, event.id, asked.id)!;
		for (const choice of [0, 0, 1]) {
			const { participant } = joinEvent(db, event.id, {
				displayName: null,
				workingGroupId: null,
				affiliationOrganisationId: null,
				organisationType: null
			});
			submitAnswer(db, open, participant, { choices: [choice], scaleValue: null, text: null });
		}
		const summaries = pollSummaries(db, event.id);
		expect(summaries).toEqual([
			{
				prompt: 'Wie weiter?',
				type: 'single',
				respondents: 3,
				lines: ['Runder Tisch: 2 (67 %)', 'Beschluss: 1 (33 %)']
			}
		]);
		const markdown = resultsMarkdown(event, [], summaries);
		expect(markdown).toContain('## Umfrage');
		expect(markdown).toContain('- Runder Tisch: 2 (67 %)');
	});
});
