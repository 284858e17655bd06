// The closing survey and the overall rating of the Zukunftskonferenz, prepared as drafts for the
// moderator to open at the end of the day.
import { eq } from 'drizzle-orm';
import type { Seed } from '../db/seeds';
import { event } from '../db/schema';
import { seededEventSlug } from '../events/events-seed';
import zukunftskonferenz from '../events/seed/zukunftskonferenz.json';
import { createQuestion, type QuestionInput } from './questions';

const noScale = { scaleMin: null, scaleMax: null, scaleMinLabel: null, scaleMaxLabel: null };

export function seededQuestions(): QuestionInput[] {
	const { closingSurvey, overallRating } = zukunftskonferenz;
	return [
		{
			type: 'multiple',
			prompt: closingSurvey.question,
			options: closingSurvey.options,
			maxChoices: null,
			...noScale,
			allowChange: true,
			projectionLive: false
		},
		{
			type: 'scale',
			prompt: overallRating.question,
			options: [],
			maxChoices: null,
			scaleMin: overallRating.min,
			scaleMax: overallRating.max,
			scaleMinLabel: overallRating.minLabel,
			scaleMaxLabel: overallRating.maxLabel,
			allowChange: true,
			projectionLive: false
		}
	];
}

export function pollsSeed(): Seed {
	return {
		name: 'polls',
		run(db) {
			// The event may have been removed on an installation before this seed arrived.
			const found = db.select().from(event).where(eq(event.slug, seededEventSlug)).get();
			if (!found) return;
			for (const question of seededQuestions()) createQuestion(db, found.id, question);
		}
	};
}
