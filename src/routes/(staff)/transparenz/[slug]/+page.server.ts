import { error } from '@sveltejs/kit';
import { dashboard } from '$lib/server/adoption/dashboard';
import { mapAttribution } from '$lib/server/adoption/map';
import { adoptionOverview } from '$lib/server/adoption/overview';
import { isPublished, showsSources } from '$lib/server/adoption/publication';
import type { DocumentRow } from '$lib/server/db/schema';
import { findDocumentBySlug } from '$lib/server/documents/documents';
import { findVersion, versionContent } from '$lib/server/documents/versions';
import { smallestGroup } from '$lib/server/events/small-groups';
import { authorize } from '$lib/server/http/guard';
import { frozenSources } from '$lib/server/sources/linked-sources';
import { publicPassageSources } from '$lib/server/sources/public-sources';
import type { AppDatabase } from '$lib/server/db/database';

/** The sources of the newest version a council adopted, as frozen with it: an adopted version is
 * public, a draft is not. Null while the admin has not chosen to show sources. */
function adoptedSources(db: AppDatabase, found: DocumentRow, adoptedNumber: number | undefined) {
	if (!showsSources(db, found.id)) return null;
	const version = adoptedNumber ? findVersion(db, found.id, adoptedNumber) : undefined;
	if (!version) return { versionNumber: null, recorded: true, passages: [], smallestGroup };
	const links = frozenSources(version);
	return {
		smallestGroup,
		versionNumber: version.number,
		recorded: links !== null,
		passages: links ? publicPassageSources(versionContent(version), links) : []
	};
}

/** The public transparency page: no sign-in, only what councils decide in public; no people, no
 * notes, no files. An unpublished or archived document is not found, as if it did not exist. */
export function load(event) {
	const { db } = event.locals.services;
	authorize(event, 'public:view');
	const found = findDocumentBySlug(db, event.params.slug);
	if (!found || found.archivedAt || !isPublished(db, found.id)) {
		error(404, 'Diese Seite gibt es nicht.');
	}
	const view = dashboard(adoptionOverview(db, found.id));
	return {
		document: { slug: found.slug, title: found.title },
		progress: view.progress,
		rows: view.rows,
		map: view.map,
		timeline: view.timeline,
		adoptedVersions: view.adoptedVersions,
		sources: adoptedSources(db, found, view.adoptedVersions[0]?.number),
		attribution: mapAttribution
	};
}
