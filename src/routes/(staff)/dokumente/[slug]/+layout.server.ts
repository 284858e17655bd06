import { documentForPage } from '$lib/server/http/resource-guards';
import { can, documentResource } from '$lib/server/policy';
import { listVersions } from '$lib/server/documents/versions';

export function load(event) {
	const { db } = event.locals.services;
	const found = documentForPage(db, event);
	const resource = documentResource(found);
	return {
		document: {
			id: found.id,
			slug: found.slug,
			title: found.title,
			kind: found.kind,
			status: found.status,
			archived: Boolean(found.archivedAt),
			viewersMayComment: found.viewersMayComment,
			viewersMayPropose: found.viewersMayPropose
		},
		versionCount: listVersions(db, found.id).length,
		canWrite: can(event.locals.actor, 'document:write', resource),
		canManage: can(event.locals.actor, 'document:manage', resource)
	};
}
