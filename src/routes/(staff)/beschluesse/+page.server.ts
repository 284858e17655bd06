import { error, fail } from '@sveltejs/kit';
import { dashboard } from '$lib/server/adoption/dashboard';
import { PublishForm } from '$lib/server/adoption/forms';
import { mapAttribution } from '$lib/server/adoption/map';
import { adoptionOverview } from '$lib/server/adoption/overview';
import {
	isPublished,
	setPublished,
	setShowsSources,
	showsSources
} from '$lib/server/adoption/publication';
import { findDocument, listDocuments } from '$lib/server/documents/documents';
import { parseForm } from '$lib/server/http/forms';
import { authorize, signedInUser } from '$lib/server/http/guard';
import { can } from '$lib/server/policy';
import type { RequestEvent } from './$types';

export function load(event) {
	const { db } = event.locals.services;
	authorize(event, 'adoption:read');
	const documents = listDocuments(db);
	const wanted = event.url.searchParams.get('dokument');
	const selected = wanted ? documents.find((d) => d.slug === wanted) : documents[0];
	if (wanted && !selected) error(404, 'Dieses Dokument gibt es nicht.');
	return {
		documents: documents.map(({ slug, title }) => ({ slug, title })),
		selected: selected
			? {
					id: selected.id,
					slug: selected.slug,
					title: selected.title,
					published: isPublished(db, selected.id),
					showsSources: showsSources(db, selected.id),
					...dashboard(adoptionOverview(db, selected.id))
				}
			: null,
		attribution: mapAttribution,
		canPublish: can(event.locals.actor, 'adoption:publish')
	};
}

async function publication(event: RequestEvent, published: boolean) {
	const { db } = event.locals.services;
	authorize(event, 'adoption:publish');
	const form = parseForm(PublishForm, await event.request.formData());
	if (!form.ok) return fail(400, { message: form.message });
	const found = findDocument(db, form.value.documentId);
	if (!found) return fail(404, { message: 'Dieses Dokument gibt es nicht.' });
	setPublished(db, { documentId: found.id, published, userId: signedInUser(event).id });
	return {
		success: published
			? `Der Stand der Beschlüsse zu „${found.title}“ ist jetzt öffentlich.`
			: `Die öffentliche Seite zu „${found.title}“ ist zurückgezogen.`
	};
}

async function sourcesOnPage(event: RequestEvent, shows: boolean) {
	const { db } = event.locals.services;
	authorize(event, 'adoption:publish');
	const form = parseForm(PublishForm, await event.request.formData());
	if (!form.ok) return fail(400, { message: form.message });
	const found = findDocument(db, form.value.documentId);
	if (!found) return fail(404, { message: 'Dieses Dokument gibt es nicht.' });
	if (!setShowsSources(db, { documentId: found.id, shows, userId: signedInUser(event).id })) {
		return fail(409, {
			message: 'Die Seite ist nicht öffentlich. Machen Sie den Stand zuerst öffentlich.'
		});
	}
	return {
		success: shows
			? `Die öffentliche Seite zu „${found.title}“ nennt jetzt die Quellen aus Konferenzen.`
			: `Die öffentliche Seite zu „${found.title}“ nennt keine Quellen aus Konferenzen mehr.`
	};
}

export const actions = {
	publish: (event) => publication(event, true),
	unpublish: (event) => publication(event, false),
	showSources: (event) => sourcesOnPage(event, true),
	hideSources: (event) => sourcesOnPage(event, false)
};
