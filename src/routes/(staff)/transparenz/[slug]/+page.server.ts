import { error } from '@sveltejs/kit';
import { dashboard } from '$lib/server/adoption/dashboard';
import { mapAttribution } from '$lib/server/adoption/map';
import { adoptionOverview } from '$lib/server/adoption/overview';
import { isPublished } from '$lib/server/adoption/publication';
import { db } from '$lib/server/app';
import { findDocumentBySlug } from '$lib/server/documents/documents';
import { authorize } from '$lib/server/http/guard';

/** The public transparency page: no sign-in, only what councils decide in public; no people, no
 * notes, no files. An unpublished or archived document is not found, as if it did not exist. */
export function load(event) {
	authorize(event, 'public:view');
	const found = findDocumentBySlug(db(), event.params.slug);
	if (!found || found.archivedAt || !isPublished(db(), found.id)) {
		error(404, 'Diese Seite gibt es nicht.');
	}
	const view = dashboard(adoptionOverview(db(), found.id));
	return {
		document: { slug: found.slug, title: found.title },
		progress: view.progress,
		rows: view.rows,
		map: view.map,
		timeline: view.timeline,
		adoptedVersions: view.adoptedVersions,
		attribution: mapAttribution
	};
}
