// A request for an export of a document: the document the route names (after the actor may read
// it), its current text built from the stored Yjs updates or a named version
// (`?fassung=<number>`), and the signature bodies (`?koerperschaft=<slug>` asks for one body's
// block only). `?vorschlaege=1` asks for the text with its open change proposals (for a version:
// those recorded when it was frozen) instead of the clean text. `?herkunft=1` adds the annex
// "Herkunft der Abschnitte" (for a version: the links frozen with it).
import { error, type RequestEvent } from '@sveltejs/kit';
import { loadDocument } from '../collab/update-store';
import type { AppDatabase } from '../db/database';
import type { DocumentRow } from '../db/schema';
import { textWithProposals } from '../proposals/text-with-proposals';
import { provenanceAnnex } from '../sources/annex';
import { currentLinkedSources, frozenSources } from '../sources/linked-sources';
import { authorize } from '../http/guard';
import { documentResource } from '../policy';
import { jsonFromYDoc } from './document-state';
import { findDocumentBySlug } from './documents';
import type { DocumentExport } from './exports';
import { signatureBodiesFor } from './signatures';
import type { PmNode } from './markdown';
import { findVersion, versionContent } from './versions';
import { workspaceName } from '../workspace/organisations';

/** The version `?fassung=` names, if any; a number that names none is a 404. */
function requestedVersion(db: AppDatabase, found: DocumentRow, param: string | null) {
	if (param === null || param === '') return undefined;
	const number = /^[1-9][0-9]{0,5}$/.test(param) ? Number(param) : NaN;
	const version = Number.isNaN(number) ? undefined : findVersion(db, found.id, number);
	if (!version) error(404, 'Diese Fassung gibt es nicht.');
	return version;
}

type GuardEvent = Pick<RequestEvent, 'locals' | 'url' | 'request' | 'params'>;

export const bodyParameter = 'koerperschaft';
export const versionParameter = 'fassung';
export const proposalsParameter = 'vorschlaege';
export const provenanceParameter = 'herkunft';

/** `?vorschlaege=`: 1 with the proposals, 0 or nothing the clean text. */
function wantsProposals(param: string | null): boolean {
	if (param === null || param === '' || param === '0') return false;
	if (param === '1') return true;
	error(
		400,
		'Unbekannter Wert für „vorschlaege“. Möglich sind 0 (ohne Vorschläge) und 1 (mit Vorschlägen).'
	);
}

/** `?herkunft=`: 1 with the annex "Herkunft der Abschnitte", 0 or nothing without. */
function wantsProvenance(param: string | null): boolean {
	if (param === null || param === '' || param === '0') return false;
	if (param === '1') return true;
	error(
		400,
		'Unbekannter Wert für „herkunft“. Möglich sind 0 (ohne Herkunft der Abschnitte) und 1 (mit).'
	);
}

export function currentTextExport(
	db: AppDatabase,
	event: GuardEvent
): {
	found: DocumentRow;
	input: DocumentExport;
	bodySlug?: string;
	versionNumber?: number;
	withProposals: boolean;
	withProvenance: boolean;
} {
	// Refused before the lookup, so nobody learns which documents exist by trying.
	authorize(event, 'staff:view');
	const found = findDocumentBySlug(db, event.params.slug ?? '');
	if (!found) error(404, 'Dieses Dokument gibt es nicht.');
	authorize(event, 'document:read', documentResource(found));
	const bodySlug = event.url.searchParams.get(bodyParameter);
	const signatures = signatureBodiesFor(db, found.kind, bodySlug);
	if (!signatures) {
		error(404, 'Diese Körperschaft gibt es nicht oder sie beschließt keine Texte.');
	}
	const version = requestedVersion(db, found, event.url.searchParams.get(versionParameter));
	const withProposals = wantsProposals(event.url.searchParams.get(proposalsParameter));
	const withProvenance = wantsProvenance(event.url.searchParams.get(provenanceParameter));
	let json: PmNode;
	let proposals;
	if (withProposals) {
		({ json, proposals } = textWithProposals(db, found.id, version));
	} else if (version) {
		json = versionContent(version);
	} else {
		const ydoc = loadDocument(db, found.id);
		json = jsonFromYDoc(ydoc);
		ydoc.destroy();
	}
	return {
		found,
		input: {
			json,
			title: found.title,
			kind: found.kind,
			organisation: workspaceName(db),
			signatureBodies: signatures.bodies.map((body) => ({ name: body.name })),
			exportedAt: new Date(),
			proposals,
			...(withProvenance
				? {
						provenance: provenanceAnnex(
							json,
							version ? frozenSources(version) : currentLinkedSources(db, found.id)
						)
					}
				: {}),
			...(version
				? {
						versionName: `Fassung ${version.number}: ${version.name}`,
						frozenAt: version.createdAt,
						hash: version.contentHash
					}
				: {})
		},
		bodySlug: signatures.body?.slug,
		versionNumber: version?.number,
		withProposals,
		withProvenance
	};
}
