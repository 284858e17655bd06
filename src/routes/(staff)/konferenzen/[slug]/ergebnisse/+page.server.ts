import { error } from '@sveltejs/kit';
import { smallGroupsNote, tooFewForBreakdown } from '$lib/server/boards/exports';
import { eventBoardResults } from '$lib/server/boards/results';
import { documentResource, eventResource, can } from '$lib/server/policy';
import { activityOf } from '$lib/server/events/activity';
import { staffEvent } from '$lib/server/http/resource-guards';
import { coverageThreshold, coverageThresholdMax } from '$lib/server/sources/coverage';
import { cardPlaces, resultsWithCoverage } from '$lib/server/sources/event-coverage';

export function load(event) {
	const { db } = event.locals.services;
	const found = staffEvent(event.locals.services.db, event, 'event:view');
	const moderates = can(event.locals.actor, 'event:moderate', eventResource(found));
	const threshold = coverageThreshold(event.url.searchParams.get('mindestens'));
	if (threshold === null) {
		error(
			400,
			`Bitte geben Sie als Mindestzahl der Punkte eine ganze Zahl von 0 bis ${coverageThresholdMax} an.`
		);
	}
	const places = cardPlaces(db, found.id, (row) =>
		can(event.locals.actor, 'document:read', documentResource(row))
	);
	const { boards, overall } = resultsWithCoverage(eventBoardResults(db, found), places, threshold);
	return {
		event: {
			slug: found.slug,
			title: found.title,
			date: found.date,
			asksAffiliation: found.asksAffiliation
		},
		boards,
		coverage: { threshold, max: coverageThresholdMax, overall },
		notes: { tooFew: tooFewForBreakdown, smallGroups: smallGroupsNote },
		// The log names who in the moderation did what: for the moderation only.
		activity: moderates ? activityOf(db, { eventId: found.id }) : null
	};
}
