import { error } from '@sveltejs/kit';
import { adoptionCsv } from '$lib/server/adoption/exports';
import { adoptionOverview } from '$lib/server/adoption/overview';
import { findDocumentBySlug } from '$lib/server/documents/documents';
import { authorize } from '$lib/server/http/guard';

export function GET(event) {
	const { db } = event.locals.services;
	authorize(event, 'adoption:read');
	const found = findDocumentBySlug(db, event.params.slug);
	if (!found) error(404, 'Dieses Dokument gibt es nicht.');
	return new Response(adoptionCsv(adoptionOverview(db, found.id)), {
		headers: {
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': `attachment; filename="beschluesse-${found.slug}.csv"`,
			'Cache-Control': 'private, no-store'
		}
	});
}
