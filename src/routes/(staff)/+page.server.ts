import { listMembershipsOfUser, userNames } from '$lib/server/accounts/members';
import { previousVisitEnd } from '$lib/server/accounts/visits';
import { activityUserIds, changesSince } from '$lib/server/documents/activity';
import { describeActivity, moreEntries } from '$lib/server/documents/activity-text';
import { authorize } from '$lib/server/http/guard';
import { signatoryReminders } from '$lib/server/adoption/reminders';
import type { AppDatabase } from '$lib/server/db/database';

/** Without an earlier visit, the start page shows the last week. */
const firstVisitWindowMs = 7 * 24 * 60 * 60 * 1000;
const entriesPerDocument = 5;

function recentChanges(db: AppDatabase, userId: string) {
	const previous = previousVisitEnd(db, userId);
	const since = previous ?? new Date(Date.now() - firstVisitWindowMs);
	const changes = changesSince(db, since, userId);
	const names = userNames(db, activityUserIds(changes.flatMap((c) => c.entries)));
	return {
		since,
		sinceLastVisit: previous !== null,
		documents: changes.map((change) => ({
			slug: change.slug,
			title: change.title,
			more: moreEntries(change.entries.length - entriesPerDocument),
			entries: change.entries.slice(0, entriesPerDocument).map((entry) => ({
				id: entry.id,
				at: entry.endedAt,
				text: describeActivity(entry, names)
			}))
		}))
	};
}

export function load(event) {
	const { db } = event.locals.services;
	authorize(event, 'public:view');
	const { user } = event.locals;
	return {
		memberships: user
			? listMembershipsOfUser(db, user.id).map(({ slug, name, roles }) => ({ slug, name, roles }))
			: [],
		changes: user ? recentChanges(db, user.id) : null,
		adoptionReminders: user ? signatoryReminders(db, user.id) : []
	};
}
