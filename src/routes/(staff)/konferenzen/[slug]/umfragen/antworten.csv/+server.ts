import { staffEvent } from '$lib/server/http/resource-guards';
import { answersCsv } from '$lib/server/polls/exports';
import { affiliationLabels } from '$lib/server/polls/labels';
import { pollSnapshot } from '$lib/server/polls/poll-state';

export function GET(event) {
	const { db } = event.locals.services;
	const found = staffEvent(event.locals.services.db, event, 'event:view');
	const { questions } = pollSnapshot(db, found.id);
	const csv = answersCsv(
		questions.map(({ row, answers }) => ({ row, answers })),
		affiliationLabels(db)
	);
	return new Response(csv, {
		headers: {
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': `attachment; filename="umfrage-${found.slug}.csv"`,
			'Cache-Control': 'private, no-store'
		}
	});
}
