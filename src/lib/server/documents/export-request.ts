// A request for an export of a document: the document the route names (after the actor may read
// it), its current text built from the stored Yjs updates or a named version
// (`?fassung=<number>`), and the signature bodies (`?koerperschaft=<slug>` asks for one body's
// block only).
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
import type { PmNode } from './markdown';
import { findVersion, versionContent } from './versions';

/** The version `?fassung=` names, if any; a number that names none is a 404. */
function requestedVersion(found: DocumentRow, param: string | null) {
	if (param === null || param === '') return undefined;
	const number = /^[1-9][0-9]{0,5}$/.test(param) ? Number(param) : NaN;
	const version = Number.isNaN(number) ? undefined : findVersion(db(), found.id, number);
	if (!version) error(404, 'Diese Fassung gibt es nicht.');
	return version;
}

type GuardEvent = Pick<RequestEvent, 'locals' | 'url' | 'request' | 'params'>;

export const bodyParameter = 'koerperschaft';
export const versionParameter = 'fassung';

export function currentTextExport(event: GuardEvent): {
	found: DocumentRow;
	input: DocumentExport;
	bodySlug?: string;
	versionNumber?: number;
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
	const version = requestedVersion(found, event.url.searchParams.get(versionParameter));
	let json: PmNode;
	if (version) {
		json = versionContent(version);
	} else {
		const ydoc = loadDocument(db(), found.id);
		json = jsonFromYDoc(ydoc);
		ydoc.destroy();
	}
	return {
		found,
		input: {
			json,
			title: found.title,
			kind: found.kind,
			signatureBodies: signatures.bodies.map((body) => ({ name: body.name })),
			exportedAt: new Date(),
			...(version
				? {
						versionName: `Fassung ${version.number}: ${version.name}`,
						frozenAt: version.createdAt,
						hash: version.contentHash
					}
				: {})
		},
		bodySlug: signatures.body?.slug,
		versionNumber: version?.number
	};
}
