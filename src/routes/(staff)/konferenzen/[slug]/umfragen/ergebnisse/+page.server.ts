import { staffEvent } from '$lib/server/http/resource-guards';
import { can, eventResource } from '$lib/server/policy';
import { breakdowns } from '$lib/server/polls/breakdown';
import { affiliationLabels, organisationTypeNames } from '$lib/server/polls/labels';
import { pollSnapshot, questionView } from '$lib/server/polls/poll-state';
import { publicTally } from '$lib/server/polls/tallies';

export function load(event) {
	const { db } = event.locals.services;
	const found = staffEvent(event.locals.services.db, event, 'event:view');
	const snapshot = pollSnapshot(db, found.id);
	const labels = {
		affiliations: affiliationLabels(db),
		organisationTypes: organisationTypeNames
	};
	return {
		event: { slug: found.slug, title: found.title, asksAffiliation: found.asksAffiliation },
		// Always computed here from the stored answers, never taken from what a page showed.
		questions: snapshot.questions
			.filter(({ row, answers }) => row.status !== 'draft' || answers.length > 0)
			.map(({ row, answers, tally }) => ({
				...questionView(row),
				tally: publicTally(tally),
				breakdowns: found.asksAffiliation ? breakdowns(row, answers, labels) : null
			})),
		canModerate: can(event.locals.actor, 'event:moderate', eventResource(found))
	};
}
