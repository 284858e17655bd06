import { db } from '$lib/server/app';
import { smallGroupsNote, tooFewForBreakdown } from '$lib/server/boards/exports';
import { eventBoardResults } from '$lib/server/boards/results';
import { activityOf } from '$lib/server/events/activity';
import { eventResource, staffEvent } from '$lib/server/events/access';
import { can } from '$lib/server/policy';

export function load(event) {
	const found = staffEvent(event, 'event:view');
	const moderates = can(event.locals.actor, 'event:moderate', eventResource(found));
	return {
		event: {
			slug: found.slug,
			title: found.title,
			date: found.date,
			asksAffiliation: found.asksAffiliation
		},
		boards: eventBoardResults(db(), found),
		notes: { tooFew: tooFewForBreakdown, smallGroups: smallGroupsNote },
		// The log names who in the moderation did what: for the moderation only.
		activity: moderates ? activityOf(db(), { eventId: found.id }) : null
	};
}
