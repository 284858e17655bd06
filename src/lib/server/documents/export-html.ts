// The text as semantic HTML: the body for the print view, and a standalone file (lang="de", its
// own inline styles, no outside requests). Each numbered block starts with its number.
import type { PmMark, PmNode } from '../../editor/pm-node';
import { passageNumbers } from '../../editor/passages';
import documentExportCss from '../../styles/document-export.css?raw';
import {
	footerLine,
	hasTitleHeading,
	safeHref,
	signatureFields,
	type DocumentExport,
	type SignatureBody
} from './exports';

export function escapeHtml(text: string): string {
	return text.replace(
		/[&<>"']/g,
		(char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!
	);
}

function text(node: PmNode): string {
	if (node.type === 'hardBreak') return '<br>';
	let out = escapeHtml(node.text ?? '');
	const marks: PmMark[] = node.marks ?? [];
	if (marks.some((m) => m.type === 'italic')) out = `<em>${out}</em>`;
	if (marks.some((m) => m.type === 'bold')) out = `<strong>${out}</strong>`;
	const href = safeHref(marks.find((m) => m.type === 'link')?.attrs?.href);
	if (href) out = `<a href="${escapeHtml(href)}">${out}</a>`;
	return out;
}

/** The id a numbered block can be linked by: "#nr-2-3". */
const anchor = (number: string) => `nr-${number.replace(/\./g, '-')}`;

const numberSpan = (number: string) => `<span class="passage-number">${number}</span> `;

function block(node: PmNode, numbers: Map<PmNode, string>, number?: string): string {
	const own = numbers.get(node);
	const id = own ? ` id="${anchor(own)}"` : '';
	const prefix = number ?? own;
	switch (node.type) {
		case 'heading': {
			const level = Math.min(Math.max(Number(node.attrs?.level ?? 1), 1), 6);
			const numbered = prefix ? ' class="numbered"' : '';
			return `<h${level}${id}${numbered}>${prefix ? numberSpan(prefix) : ''}${inline(node)}</h${level}>`;
		}
		case 'paragraph':
			return `<p${id}${prefix ? ' class="numbered"' : ''}>${prefix ? numberSpan(prefix) : ''}${inline(node)}</p>`;
		case 'blockquote':
			return `<blockquote${id}>${children(node, numbers, own)}</blockquote>`;
		case 'bulletList':
			return `<ul>${children(node, numbers)}</ul>`;
		case 'orderedList': {
			const start = Number(node.attrs?.start ?? 1);
			return `<ol${start !== 1 ? ` start="${start}"` : ''}>${children(node, numbers)}</ol>`;
		}
		case 'listItem':
			return `<li${id}>${children(node, numbers, own)}</li>`;
		default:
			return children(node, numbers);
	}
}

const inline = (node: PmNode) => (node.content ?? []).map(text).join('');

/** A container's blocks; its number goes to the first of them. */
function children(node: PmNode, numbers: Map<PmNode, string>, number?: string): string {
	return (node.content ?? [])
		.map((child, i) => block(child, numbers, i === 0 ? number : undefined))
		.join('\n');
}

function signaturePage(bodies: SignatureBody[]): string {
	const blocks = bodies.map(
		(body) =>
			`<section class="signature"><h3>${escapeHtml(body.name)}</h3>\n${signatureFields
				.map(
					(field) =>
						`<p class="signature-line"><span class="signature-label">${field}:</span> <span class="signature-blank"></span></p>`
				)
				.join('\n')}</section>`
	);
	return `<section class="signatures" aria-labelledby="unterzeichnung">\n<h2 id="unterzeichnung">Unterzeichnung</h2>\n${blocks.join('\n')}\n</section>`;
}

/** The document as an HTML fragment: an article with its text, then the signature page if any. */
export function documentHtmlBody(input: DocumentExport): string {
	const numbers = passageNumbers(input.json);
	const title = hasTitleHeading(input.json) ? '' : `<h1>${escapeHtml(input.title)}</h1>\n`;
	const signatures = input.signatureBodies?.length
		? `\n${signaturePage(input.signatureBodies)}`
		: '';
	return `<article class="document-export">\n${title}${children(input.json, numbers)}${signatures}\n</article>`;
}

/** A standalone HTML file of the text. */
export function documentHtml(input: DocumentExport): string {
	return `<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(input.title)}</title>
<style>
body { margin: 0 auto; max-width: 46rem; padding: 2rem 1.25rem; background: #fff; }
${documentExportCss}
</style>
</head>
<body>
<main>
${documentHtmlBody(input)}
</main>
<footer class="document-footer"><p>${escapeHtml(footerLine(input))}</p></footer>
</body>
</html>
`;
}
