// The poll results for the conference documentation: one short block of text per asked question,
// from the stored answers (hidden open-text answers left out).
import type { AppDatabase } from '../db/database';
import type { PollQuestionType } from '../db/schema';
import { answersTo } from './answers';
import { listQuestions } from './questions';
import { publicTally, tally } from './tallies';

export interface PollSummary {
	prompt: string;
	type: PollQuestionType;
	respondents: number;
	lines: string[];
}

export function pollSummaries(db: AppDatabase, eventId: string): PollSummary[] {
	return listQuestions(db, eventId)
		.filter((question) => question.status !== 'draft')
		.map((question) => {
			const result = publicTally(tally(question, answersTo(db, [question.id])));
			let lines: string[];
			switch (result.type) {
				case 'single':
				case 'multiple':
					lines = result.options.map((o) => `${o.label}: ${o.count} (${o.percent} %)`);
					break;
				case 'ranking':
					lines = [...result.options]
						.sort((a, b) => (a.averagePosition ?? Infinity) - (b.averagePosition ?? Infinity))
						.map(
							(o) =>
								`${o.label}: durchschnittlich Platz ${o.averagePosition === null ? '–' : String(o.averagePosition).replace('.', ',')}`
						);
					break;
				case 'scale':
					lines = [
						`Durchschnitt: ${result.average === null ? '–' : String(result.average).replace('.', ',')}`,
						...result.distribution.map((o) => `${o.label}: ${o.count}`)
					];
					break;
				case 'text':
					lines = result.answers.map((answer) => answer.text);
					break;
			}
			return {
				prompt: question.prompt,
				type: question.type,
				respondents: result.respondents,
				lines
			};
		});
}
