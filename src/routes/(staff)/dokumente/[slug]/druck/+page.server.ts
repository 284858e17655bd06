import { documentHtmlBody } from '$lib/server/documents/export-html';
import { currentTextExport } from '$lib/server/documents/export-request';
import { currentStateName, footerLine } from '$lib/server/documents/exports';
import { withProposalsName } from '$lib/server/documents/export-proposals';
import { signatureKinds } from '$lib/server/documents/signatures';
import { listAdoptingBodies } from '$lib/server/workspace/organisations';
import { formatDateTime } from '$lib/format';

export function load(event) {
	const { db } = event.locals.services;
	const { found, input, bodySlug, versionNumber, withProposals, withProvenance } =
		currentTextExport(event.locals.services.db, event);
	return {
		document: { slug: found.slug, title: found.title },
		html: documentHtmlBody(input),
		footer: footerLine(input),
		state:
			(input.versionName
				? `${input.versionName}, festgehalten am ${formatDateTime(input.frozenAt!)}`
				: `${currentStateName} vom ${formatDateTime(input.exportedAt!)}`) +
			(withProposals ? `, ${withProposalsName}` : ''),
		withProposals,
		withProvenance,
		versionNumber: versionNumber ?? null,
		// A text with open proposals is not for signing: no signature page to choose.
		bodies:
			signatureKinds.includes(found.kind) && !withProposals
				? listAdoptingBodies(db).map(({ slug, name }) => ({ slug, name }))
				: [],
		bodySlug: bodySlug ?? ''
	};
}
