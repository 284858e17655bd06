import { listFeedback } from '$lib/server/feedback/feedback';
import { authorize } from '$lib/server/http/guard';

export function load(event) {
	const { db } = event.locals.services;
	authorize(event, 'feedback:view');
	return { reports: listFeedback(db) };
}
