import { error } from '@sveltejs/kit';
import { db } from '$lib/server/app';
import { documentResource } from '$lib/server/documents/access';
import { findDocumentBySlug } from '$lib/server/documents/documents';
import { userColour } from '$lib/editor/user-colour';
import { authorize, signedInUser } from '$lib/server/http/guard';
import { can } from '$lib/server/policy';

export function load(event) {
	authorize(event, 'staff:view');
	const found = findDocumentBySlug(db(), event.params.slug);
	if (!found) error(404, 'Dieses Dokument gibt es nicht.');
	const resource = documentResource(found);
	authorize(event, 'document:read', resource);
	const user = signedInUser(event);
	return {
		document: {
			id: found.id,
			title: found.title,
			kind: found.kind,
			status: found.status,
			archived: Boolean(found.archivedAt)
		},
		canWrite: can(event.locals.actor, 'document:write', resource),
		user: { name: user.name, colour: userColour(user.id) }
	};
}
