import { error } from '@sveltejs/kit';
import { adoptionTable } from '$lib/server/adoption/exports';
import { adoptionOverview } from '$lib/server/adoption/overview';
import { findDocumentBySlug } from '$lib/server/documents/documents';
import { authorize } from '$lib/server/http/guard';
import { tableXlsx, xlsxType } from '$lib/server/spreadsheet';

export async function GET(event) {
	const { db } = event.locals.services;
	authorize(event, 'adoption:read');
	const found = findDocumentBySlug(db, event.params.slug);
	if (!found) error(404, 'Dieses Dokument gibt es nicht.');
	const table = adoptionTable(adoptionOverview(db, found.id));
	const workbook = await tableXlsx(table, `Beschlüsse: ${found.title}`);
	return new Response(new Uint8Array(workbook), {
		headers: {
			'Content-Type': xlsxType,
			'Content-Disposition': `attachment; filename="beschluesse-${found.slug}.xlsx"`,
			'Cache-Control': 'private, no-store'
		}
	});
}
