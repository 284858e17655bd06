import { error } from '@sveltejs/kit';
import { staffEvent } from '$lib/server/http/resource-guards';
import { answersTo } from '$lib/server/polls/answers';
import { chartSvg } from '$lib/server/polls/exports';
import { findQuestion } from '$lib/server/polls/questions';
import { publicTally, tally } from '$lib/server/polls/tallies';

export function GET(event) {
	const { db } = event.locals.services;
	const found = staffEvent(event.locals.services.db, event, 'event:view');
	const question = findQuestion(db, found.id, event.params.questionId);
	if (!question) error(404, 'Diese Frage gibt es nicht.');
	const result = publicTally(tally(question, answersTo(db, [question.id])));
	return new Response(chartSvg(question, result, new Date()), {
		headers: {
			'Content-Type': 'image/svg+xml; charset=utf-8',
			'Content-Disposition': `attachment; filename="diagramm-${found.slug}-${question.sortOrder + 1}.svg"`,
			'Cache-Control': 'private, no-store'
		}
	});
}
