import { error } from '@sveltejs/kit';
import { bodyForPage } from '$lib/server/http/resource-guards';
import { readResolution } from '$lib/server/adoption/resolution-files';
import { findResolution } from '$lib/server/adoption/steps';

/** A recorded resolution PDF: for signed-in members only, never cached by shared caches. */
export function GET(event) {
	const { config, db } = event.locals.services;
	const { document, body } = bodyForPage(db, event);
	const stepId = /^[1-9][0-9]{0,12}$/.test(event.params.schritt) ? Number(event.params.schritt) : 0;
	const found = findResolution(db, { documentId: document.id, organisationId: body.id, stepId });
	const bytes = found?.file ? readResolution(config.dataDir, found.file) : null;
	if (!found || !bytes) error(404, 'Zu diesem Eintrag gibt es keinen Beschluss als PDF.');
	const fileName = found.fileName ?? 'beschluss.pdf';
	return new Response(new Uint8Array(bytes), {
		headers: {
			'Content-Type': 'application/pdf',
			'Content-Disposition': `attachment; filename="beschluss-${body.slug}-${stepId}.pdf"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
			'Cache-Control': 'private, no-store',
			'X-Content-Type-Options': 'nosniff'
		}
	});
}
