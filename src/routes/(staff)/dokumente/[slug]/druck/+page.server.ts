import { db } from '$lib/server/app';
import { documentHtmlBody } from '$lib/server/documents/export-html';
import { currentTextExport } from '$lib/server/documents/export-request';
import { currentStateName, footerLine } from '$lib/server/documents/exports';
import { signatureKinds } from '$lib/server/documents/signatures';
import { listAdoptingBodies } from '$lib/server/workspace/organisations';
import { formatDateTime } from '$lib/format';

export function load(event) {
	const { found, input, bodySlug, versionNumber } = currentTextExport(event);
	return {
		document: { slug: found.slug, title: found.title },
		html: documentHtmlBody(input),
		footer: footerLine(input),
		state: input.versionName
			? `${input.versionName}, festgehalten am ${formatDateTime(input.frozenAt!)}`
			: `${currentStateName} vom ${formatDateTime(input.exportedAt!)}`,
		versionNumber: versionNumber ?? null,
		bodies: signatureKinds.includes(found.kind)
			? listAdoptingBodies(db()).map(({ slug, name }) => ({ slug, name }))
			: [],
		bodySlug: bodySlug ?? ''
	};
}
