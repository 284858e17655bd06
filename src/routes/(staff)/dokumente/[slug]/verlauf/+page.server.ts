import { userNames } from '$lib/server/accounts/members';
import { documentForPage } from '$lib/server/http/resource-guards';
import { activityUserIds, listActivity } from '$lib/server/documents/activity';
import { describeActivity } from '$lib/server/documents/activity-text';

export function load(event) {
	const { db } = event.locals.services;
	const found = documentForPage(db, event);
	const entries = listActivity(db, found.id);
	const names = userNames(db, activityUserIds(entries));
	return {
		entries: entries.map((entry) => ({
			id: entry.id,
			startedAt: entry.startedAt,
			endedAt: entry.endedAt,
			kind: entry.kind,
			versionNumber: entry.versionNumber,
			text: describeActivity(entry, names)
		}))
	};
}
