import { db } from '$lib/server/app';
import { listFeedback } from '$lib/server/feedback/feedback';
import { authorize } from '$lib/server/http/guard';

export function load(event) {
	authorize(event, 'feedback:view');
	return { reports: listFeedback(db()) };
}
