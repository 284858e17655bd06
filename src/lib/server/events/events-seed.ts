// The Zukunftskonferenz of the programme, with its agenda and five working groups. Its board
// columns and survey are seeded by the boards and polls features from the same file.
import type { Seed } from '../db/seeds';
import { createEvent } from './events';
import zukunftskonferenz from './seed/zukunftskonferenz.json';

export const seededEventSlug = 'zukunftskonferenz';

export function eventsSeed(): Seed {
	return {
		name: 'events',
		run(db) {
			const { event, workingGroups } = zukunftskonferenz;
			createEvent(db, {
				slug: seededEventSlug,
				title: event.title,
				date: event.date,
				place: event.place,
				description: event.description,
				agenda: event.agenda,
				// Results are to be broken down by Kommune and kind of organisation.
				asksAffiliation: true,
				workingGroups: workingGroups.map(({ title, question }) => ({ title, question })),
				createdBy: null
			});
		}
	};
}
