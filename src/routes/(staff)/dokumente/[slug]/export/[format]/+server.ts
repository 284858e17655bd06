import { error } from '@sveltejs/kit';
import { documentDocx } from '$lib/server/documents/export-docx';
import { documentHtml } from '$lib/server/documents/export-html';
import { documentMarkdown } from '$lib/server/documents/export-markdown';
import { documentPdf } from '$lib/server/documents/export-pdf';
import { currentTextExport } from '$lib/server/documents/export-request';
import { exportFileName } from '$lib/server/documents/exports';
import { findKreis } from '$lib/server/workspace/organisations';

const types = {
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	pdf: 'application/pdf',
	md: 'text/markdown; charset=utf-8',
	html: 'text/html; charset=utf-8'
} as const;

export async function GET(event) {
	const { db } = event.locals.services;
	const { found, input, bodySlug, withProposals, withProvenance } = currentTextExport(
		event.locals.services.db,
		event
	);
	const format = event.params.format;
	if (!Object.hasOwn(types, format)) {
		error(404, 'Dieses Format gibt es nicht. Möglich sind docx, pdf, md und html.');
	}
	const kind = format as keyof typeof types;
	// The signature page belongs to the Word file, the PDF and the print view.
	const signed = kind === 'docx' || kind === 'pdf';
	const body =
		kind === 'docx'
			? new Uint8Array(await documentDocx(input))
			: kind === 'pdf'
				? new Uint8Array(await documentPdf(input, findKreis(db)?.name ?? 'Leitbild-Werkstatt'))
				: kind === 'md'
					? documentMarkdown(input)
					: documentHtml({ ...input, signatureBodies: undefined });
	const fileName = exportFileName(
		{
			slug: found.slug,
			versionName: input.versionName,
			bodySlug: signed && !withProposals ? bodySlug : undefined,
			withProposals,
			withProvenance,
			date: input.frozenAt ?? input.exportedAt
		},
		kind
	);
	return new Response(body, {
		headers: {
			'content-type': types[kind],
			'content-disposition': `attachment; filename="${fileName}"`,
			'cache-control': 'private, no-store',
			'x-content-type-options': 'nosniff'
		}
	});
}
