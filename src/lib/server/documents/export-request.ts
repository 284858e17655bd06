// A request for an export of a document's current text: the document the route names (after
// the actor may read it), its text built from the stored Yjs updates, and the signature bodies
// (`?koerperschaft=<slug>` asks for one body's block only).
import { error, type RequestEvent } from '@sveltejs/kit';
import { db } from '../app';
import { loadDocument } from '../collab/update-store';
import type { DocumentRow } from '../db/schema';
import { authorize } from '../http/guard';
import { documentResource } from './access';
import { jsonFromYDoc } from './document-state';
import { findDocumentBySlug } from './documents';
import type { DocumentExport } from './exports';
import { signatureBodiesFor } from './signatures';

type GuardEvent = Pick<RequestEvent, 'locals' | 'url' | 'request' | 'params'>;

export const bodyParameter = 'koerperschaft';

export function currentTextExport(event: GuardEvent): {
	found: DocumentRow;
	input: DocumentExport;
	bodySlug?: string;
} {
	// Refused before the lookup, so nobody learns which documents exist by trying.
	authorize(event, 'staff:view');
	const found = findDocumentBySlug(db(), event.params.slug ?? '');
	if (!found) error(404, 'Dieses Dokument gibt es nicht.');
	authorize(event, 'document:read', documentResource(found));
	const bodySlug = event.url.searchParams.get(bodyParameter);
	const signatures = signatureBodiesFor(db(), found.kind, bodySlug);
	if (!signatures) {
		error(404, 'Diese Körperschaft gibt es nicht oder sie beschließt keine Texte.');
	}
	const ydoc = loadDocument(db(), found.id);
	const json = jsonFromYDoc(ydoc);
	ydoc.destroy();
	return {
		found,
		input: {
			json,
			title: found.title,
			kind: found.kind,
			signatureBodies: signatures.bodies.map((body) => ({ name: body.name })),
			exportedAt: new Date()
		},
		bodySlug: signatures.body?.slug
	};
}
