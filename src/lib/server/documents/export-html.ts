// The text as semantic HTML: the body for the print view, and a standalone file (lang="de", its
// own inline styles, no outside requests). Each numbered block starts with its number, a numbered
// table row in its first cell; an ordered list of passages stays an <ol> but shows only the
// passage numbers (class "passages"); tables name their columns with <th scope="col">. With
// proposals: struck and inserted words as <del> and <ins>, each proposal labelled where it starts
// (never colour alone), and the list of proposals at the end.
import type { PmNode } from '../../editor/pm-node';
import { passageNumbers } from '../../editor/passages';
import documentExportCss from '../../styles/document-export.css?raw';
import { proposalMarks, type ProposalMarkAttrs } from '../proposals/marked-text';
import { escapeHtml } from '../text/html';
import {
	proposalListHeading,
	proposalListItems,
	proposalShortLabel,
	type ProposalListItem
} from './export-proposals';
import {
	footerLine,
	hasTitleHeading,
	safeHref,
	signatureFields,
	type DocumentExport,
	type SignatureBody
} from './exports';

interface Context {
	numbers: Map<PmNode, string>;
	/** Proposals whose label has been written: each is labelled once, where it starts. */
	labelled: Set<number>;
}

const proposalAnchor = (number: number) => `vorschlag-${number}`;

function labels(marks: ProposalMarkAttrs[], context: Context): string {
	return marks
		.filter((mark) => !context.labelled.has(mark.number))
		.map((mark) => {
			context.labelled.add(mark.number);
			return `<a class="proposal-label" href="#${proposalAnchor(mark.number)}">${escapeHtml(proposalShortLabel(mark))}</a> `;
		})
		.join('');
}

function text(node: PmNode, context: Context): string {
	if (node.type === 'hardBreak') return '<br>';
	let out = escapeHtml(node.text ?? '');
	const { deletion, insertion, others: marks } = proposalMarks(node.marks);
	if (marks.some((m) => m.type === 'italic')) out = `<em>${out}</em>`;
	if (marks.some((m) => m.type === 'bold')) out = `<strong>${out}</strong>`;
	const href = safeHref(marks.find((m) => m.type === 'link')?.attrs?.href);
	if (href) out = `<a href="${escapeHtml(href)}">${out}</a>`;
	// Screen readers announce neither <del> nor <ins>: the hidden words say it.
	if (deletion) {
		out = `<del class="proposal"><span class="visually-hidden">[gestrichen:] </span>${out}</del>`;
	}
	if (insertion) {
		out = `<ins class="proposal"><span class="visually-hidden">[eingefügt:] </span>${out}</ins>`;
	}
	return (
		labels(
			[deletion, insertion].filter((mark) => mark !== undefined),
			context
		) + out
	);
}

/** The id a numbered block can be linked by: "#nr-2-3". */
const anchor = (number: string) => `nr-${number.replace(/\./g, '-')}`;

const numberSpan = (number: string) => `<span class="passage-number">${number}</span> `;

function block(node: PmNode, context: Context, number?: string): string {
	const own = context.numbers.get(node);
	const id = own ? ` id="${anchor(own)}"` : '';
	const prefix = number ?? own;
	switch (node.type) {
		case 'heading': {
			const level = Math.min(Math.max(Number(node.attrs?.level ?? 1), 1), 6);
			const numbered = prefix ? ' class="numbered"' : '';
			return `<h${level}${id}${numbered}>${prefix ? numberSpan(prefix) : ''}${inline(node, context)}</h${level}>`;
		}
		case 'paragraph':
			return `<p${id}${prefix ? ' class="numbered"' : ''}>${prefix ? numberSpan(prefix) : ''}${inline(node, context)}</p>`;
		case 'blockquote':
			return `<blockquote${id}>${children(node, context, own)}</blockquote>`;
		case 'bulletList':
			return `<ul>${children(node, context)}</ul>`;
		case 'orderedList': {
			if ((node.content ?? []).some((item) => context.numbers.has(item))) {
				return `<ol class="passages">${children(node, context)}</ol>`;
			}
			const start = Number(node.attrs?.start ?? 1);
			return `<ol${start !== 1 ? ` start="${start}"` : ''}>${children(node, context)}</ol>`;
		}
		case 'listItem':
			return `<li${id}>${children(node, context, own)}</li>`;
		case 'table':
			return table(node, context);
		default:
			return children(node, context);
	}
}

const isHeaderRow = (row: PmNode) =>
	(row.content ?? []).every((cell) => cell.type === 'tableHeader');

function tableCell(cell: PmNode, context: Context, inHead: boolean, number?: string): string {
	const span = (name: string) => {
		const value = Number(cell.attrs?.[name] ?? 1);
		return value > 1 ? ` ${name}="${value}"` : '';
	};
	const tag = cell.type === 'tableHeader' ? 'th' : 'td';
	const scope = tag === 'th' ? ` scope="${inHead ? 'col' : 'row'}"` : '';
	return `<${tag}${scope}${span('colspan')}${span('rowspan')}>${children(cell, context, number)}</${tag}>`;
}

function tableRow(row: PmNode, context: Context, inHead: boolean): string {
	const own = context.numbers.get(row);
	const cells = (row.content ?? []).map((cell, i) =>
		tableCell(cell, context, inHead, i === 0 ? own : undefined)
	);
	return `<tr${own ? ` id="${anchor(own)}"` : ''}>${cells.join('')}</tr>`;
}

/** A table in a region of its own that scrolls sideways where the page is narrower (and can be
 * scrolled with the keyboard); the header rows in <thead>, so print repeats them on each page. */
function table(node: PmNode, context: Context): string {
	const rows = node.content ?? [];
	const headCount = rows.findIndex((row) => !isHeaderRow(row));
	const head = headCount === -1 ? rows : rows.slice(0, headCount);
	const body = headCount === -1 ? [] : rows.slice(headCount);
	const section = (tag: string, part: PmNode[], inHead: boolean) =>
		part.length
			? `<${tag}>\n${part.map((row) => tableRow(row, context, inHead)).join('\n')}\n</${tag}>\n`
			: '';
	return `<div class="table-scroll" role="region" aria-label="Tabelle" tabindex="0">\n<table>\n${section('thead', head, true)}${section('tbody', body, false)}</table>\n</div>`;
}

const inline = (node: PmNode, context: Context) =>
	(node.content ?? []).map((child) => text(child, context)).join('');

/** A container's blocks; its number goes to the first of them. */
function children(node: PmNode, context: Context, number?: string): string {
	return (node.content ?? [])
		.map((child, i) => block(child, context, i === 0 ? number : undefined))
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

function proposalItem(item: ProposalListItem): string {
	const lines = [
		`<p><strong>${item.title}</strong> – ${escapeHtml(item.byline)}</p>`,
		`<p>${escapeHtml(item.changeSentence)}</p>`,
		...(item.reason ? [`<p>Begründung: ${escapeHtml(item.reason)}</p>`] : []),
		...(item.note ? [`<p class="proposal-note">${escapeHtml(item.note)}</p>`] : [])
	];
	return `<li id="${proposalAnchor(item.number)}" value="${item.number}">\n${lines.join('\n')}\n</li>`;
}

function proposalList(items: ProposalListItem[]): string {
	const list = items.length
		? `<ol class="proposal-list">\n${items.map(proposalItem).join('\n')}\n</ol>`
		: '<p>Keine offenen Vorschläge.</p>';
	return `<section class="proposals" aria-labelledby="vorschlaege">\n<h2 id="vorschlaege">${proposalListHeading}</h2>\n${list}\n</section>`;
}

/** The document as an HTML fragment: an article with its text, then the signature page if any;
 * with proposals, their list instead (a text with open proposals is not for signing). */
export function documentHtmlBody(input: DocumentExport): string {
	const context: Context = { numbers: passageNumbers(input.json), labelled: new Set() };
	const title = hasTitleHeading(input.json) ? '' : `<h1>${escapeHtml(input.title)}</h1>\n`;
	const end = input.proposals
		? `\n${proposalList(proposalListItems(input.proposals))}`
		: input.signatureBodies?.length
			? `\n${signaturePage(input.signatureBodies)}`
			: '';
	return `<article class="document-export">\n${title}${children(input.json, context)}${end}\n</article>`;
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
