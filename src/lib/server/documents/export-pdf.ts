// The text as an archivable PDF for the e-Akte and the council information system: PDF/A-2b
// (Fira Sans embedded, XMP metadata) and tagged in reading order (headings, paragraphs, lists,
// tables; language German). Each passage opens with its number in a margin column; every page
// has a footer with title, version, date, Prüfwert and "Seite x von y". For the
// Selbstverpflichtung the signature page ends it; with proposals, struck and underlined words,
// each proposal labelled where it starts (never colour alone), and their list at the end. The
// annex "Herkunft der Abschnitte", when asked for, follows on a page of its own.
import PDFDocument from 'pdfkit';
import { documentKindLabels } from '../../documents';
import type { PmNode } from '../../editor/pm-node';
import { passageNumbers } from '../../editor/passages';
import { proposalMarks, type ProposalMarkAttrs } from '../proposals/marked-text';
import { annexBody, annexHeading, type Annex } from '../sources/annex';
import { shortHash } from './content-hash';
import {
	proposalLabel,
	proposalListHeading,
	proposalListItems,
	withProposalsName,
	type ProposalListItem
} from './export-proposals';
import {
	currentStateName,
	footerLine,
	hasTitleHeading,
	safeHref,
	signatureFields,
	type DocumentExport,
	type SignatureBody
} from './exports';
import { pdfFonts, type FontFace } from './pdf-fonts';
import { cellRows, type CellRow } from './pdf-table';

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

const cm = 72 / 2.54;
const margins = { top: 2 * cm, bottom: 2.6 * cm, left: 2.5 * cm, right: 2 * cm };
/** The passage numbers hang in a column of this width left of the text. */
const numberColumn = 1.3 * cm;
const listIndent = 0.6 * cm;
const sizes = { body: 10.5, title: 20, 2: 14, 3: 12, footer: 8 };
const lineGap = 2.5;
const colours = {
	text: '#1b1d22',
	muted: '#4a4f5a',
	rule: '#9aa0ad',
	inserted: '#0b5e36',
	deleted: '#9b1c22',
	header: '#eef0f4'
};

interface Run {
	text: string;
	bold?: boolean;
	italic?: boolean;
	link?: string;
	inserted?: boolean;
	deleted?: boolean;
	/** A proposal's label: small, italic, muted. */
	label?: boolean;
}

interface Context {
	doc: Doc;
	numbers: Map<PmNode, string>;
	/** Proposals whose label was written: each is labelled once, where it starts. */
	labelled: Set<number>;
}

/** Where a block goes: its left edge and width, and the passage number it opens with. */
interface Place {
	left: number;
	width: number;
	number?: string;
}

/** PDFKit's font object: whether the embedded face has a character. */
interface LoadedFont {
	_font: { font: { hasGlyphForCodePoint(codePoint: number): boolean } };
}

/** The text with characters Fira Sans lacks (emoji, CJK) as "?": PDF/A forbids showing the empty
 * glyph, and there is no second font to fall back to. Call after choosing the font. */
function printable(doc: Doc, text: string): string {
	const font = (doc as unknown as LoadedFont)._font.font;
	let out = '';
	for (const character of text) {
		const codePoint = character.codePointAt(0)!;
		out += codePoint < 0x20 || font.hasGlyphForCodePoint(codePoint) ? character : '?';
	}
	return out;
}

const face = (run: Pick<Run, 'bold' | 'italic'>): FontFace =>
	run.bold ? (run.italic ? 'semibold-italic' : 'semibold') : run.italic ? 'italic' : 'regular';

const textLeft = (doc: Doc) => doc.page.margins.left + numberColumn;
const textWidth = (doc: Doc) =>
	doc.page.width - doc.page.margins.left - doc.page.margins.right - numberColumn;
const pageBottom = (doc: Doc) => doc.page.height - doc.page.margins.bottom;

/** Starts a new page unless `height` still fits on this one. */
function ensureSpace(doc: Doc, height: number) {
	if (doc.y + height > pageBottom(doc)) doc.addPage();
}

function labels(marks: ProposalMarkAttrs[], context: Context): Run[] {
	return marks
		.filter((mark) => !context.labelled.has(mark.number))
		.map((mark) => {
			context.labelled.add(mark.number);
			return { text: `[${proposalLabel(mark)}] `, label: true };
		});
}

function runs(nodes: PmNode[] = [], context: Context): Run[] {
	const list = nodes.flatMap((node): Run[] => {
		if (node.type === 'hardBreak') return [{ text: '\n' }];
		const { deletion, insertion, others } = proposalMarks(node.marks);
		const run: Run = {
			text: node.text ?? '',
			bold: others.some((mark) => mark.type === 'bold'),
			italic: others.some((mark) => mark.type === 'italic'),
			link: safeHref(others.find((mark) => mark.type === 'link')?.attrs?.href),
			inserted: Boolean(insertion),
			deleted: deletion !== undefined
		};
		return [
			...labels([...(deletion ? [deletion] : []), ...(insertion ? [insertion] : [])], context),
			run
		];
	});
	// PDFKit breaks the line for a newline that starts a run, not for one that ends a run or is
	// a run of its own: a line break goes to the start of the run after it.
	return list.reduce<Run[]>((joined, run) => {
		const last = joined.at(-1);
		if (last && /^\n+$/.test(last.text)) {
			joined[joined.length - 1] = { ...run, text: `${last.text}${run.text}` };
		} else joined.push(run);
		return joined;
	}, []);
}

const plain = (nodes: PmNode[] = []) =>
	nodes.map((node) => (node.type === 'hardBreak' ? '\n' : (node.text ?? ''))).join('');

/** Writes runs as one flowing paragraph from (x, y); PDFKit breaks lines and pages. */
function writeRuns(doc: Doc, list: Run[], x: number, y: number, width: number, size: number) {
	const visible = list.filter((run) => run.text !== '');
	if (!visible.length) return;
	visible.forEach((run, i) => {
		doc
			.font(face(run.label ? { italic: true } : run))
			.fontSize(size)
			.fillColor(
				run.label
					? colours.muted
					: run.inserted
						? colours.inserted
						: run.deleted
							? colours.deleted
							: colours.text
			);
		const options: PDFKit.Mixins.TextOptions = {
			width,
			lineGap,
			continued: i < visible.length - 1,
			underline: Boolean(run.inserted || run.link),
			strike: Boolean(run.deleted),
			link: run.link ?? null
		};
		const text = printable(doc, run.text);
		if (i === 0) doc.text(text, x, y, options);
		else doc.text(text, options);
	});
	doc.fillColor(colours.text);
}

/** The passage number in the margin column, on the first line of its block. */
function writeNumber(doc: Doc, number: string, y: number, size: number) {
	doc
		.font('semibold')
		.fontSize(size)
		.fillColor(colours.text)
		.text(number, doc.page.margins.left, y, { width: numberColumn - 6, lineBreak: false });
}

function lineHeight(doc: Doc, size: number, fontFace: FontFace = 'regular') {
	return doc.font(fontFace).fontSize(size).currentLineHeight(true) + lineGap;
}

function heading(node: PmNode, parent: Struct, context: Context, place: Place) {
	const { doc } = context;
	const level = Math.min(Math.max(Number(node.attrs?.level ?? 1), 1), 3) as 1 | 2 | 3;
	const size = level === 1 ? sizes.title : sizes[level];
	const before = level === 1 ? 0 : level === 2 ? 16 : 10;
	const height = doc
		.font('semibold')
		.fontSize(size)
		.heightOfString(plain(node.content) || ' ', { width: place.width, lineGap });
	// A heading never ends a page: it keeps with the first lines of what follows.
	ensureSpace(doc, before + height + 3 * lineHeight(doc, sizes.body));
	if (doc.y > doc.page.margins.top) doc.y += before;
	const y = doc.y;
	parent.add(
		doc.struct(`H${level}`, {}, () => {
			if (place.number) writeNumber(doc, place.number, y, size);
			const list = runs(node.content, context).map((run) => ({ ...run, bold: true }));
			writeRuns(doc, list, place.left, y, place.width, size);
		})
	);
	doc.y += level === 1 ? 10 : 4;
}

function paragraph(node: PmNode, parent: Struct, context: Context, place: Place) {
	const { doc } = context;
	const list = runs(node.content, context);
	if (!list.some((run) => run.text.trim() !== '')) return;
	// At least two lines together at the foot of a page.
	ensureSpace(doc, 2 * lineHeight(doc, sizes.body));
	const y = doc.y;
	parent.add(
		doc.struct('P', {}, () => {
			if (place.number) writeNumber(doc, place.number, y, sizes.body);
			writeRuns(doc, list, place.left, y, place.width, sizes.body);
		})
	);
	doc.y += 5;
}

function list(node: PmNode, parent: Struct, context: Context, place: Place) {
	const { doc } = context;
	const element = doc.struct('L');
	parent.add(element);
	const start = Number(node.attrs?.start ?? 1);
	(node.content ?? []).forEach((item, i) => {
		// A passage has one number: an item that is a passage shows it in the margin, no marker.
		const number = context.numbers.get(item) ?? (i === 0 ? place.number : undefined);
		const marker = context.numbers.has(item)
			? undefined
			: node.type === 'orderedList'
				? `${start + i}.`
				: '•';
		const li = doc.struct('LI');
		element.add(li);
		ensureSpace(doc, 2 * lineHeight(doc, sizes.body));
		const y = doc.y;
		const bodyLeft = place.left + (marker ? listIndent : 0);
		li.add(
			doc.struct('Lbl', {}, () => {
				if (number) writeNumber(doc, number, y, sizes.body);
				if (marker) {
					doc
						.font('regular')
						.fontSize(sizes.body)
						.text(marker, place.left, y, { width: listIndent - 2, lineBreak: false });
				}
			})
		);
		const body = doc.struct('LBody');
		li.add(body);
		doc.y = y;
		const inner = { left: bodyLeft, width: place.width - (bodyLeft - place.left) };
		for (const child of item.content ?? []) block(child, body, context, inner);
		body.end();
		li.end();
	});
	element.end();
}

function blockquote(node: PmNode, parent: Struct, context: Context, place: Place) {
	const { doc } = context;
	const element = doc.struct('BlockQuote');
	parent.add(element);
	const indent = 0.5 * cm;
	const top = doc.y;
	const startPage = doc.bufferedPageRange().start + doc.bufferedPageRange().count;
	children(node, element, context, { ...place, left: place.left + indent }, indent);
	element.end();
	const samePage = doc.bufferedPageRange().start + doc.bufferedPageRange().count === startPage;
	// The bar beside the quote is decoration, not content.
	doc.markContent('Artifact');
	doc
		.moveTo(place.left + 2, samePage ? top : doc.page.margins.top)
		.lineTo(place.left + 2, doc.y - 5)
		.lineWidth(2)
		.strokeColor(colours.rule)
		.stroke();
	doc.endMarkedContent();
}

function table(node: PmNode, parent: Struct, context: Context, place: Place) {
	const { doc } = context;
	const rows = cellRows(node, place.width);
	if (!rows.length) return;
	const element = doc.struct('Table');
	parent.add(element);
	const padding = 4;
	const headerRows = rows.filter((row) => row.header);
	const rowHeight = (row: CellRow) =>
		Math.max(
			...row.cells.map(
				(cell) =>
					cell.paragraphs.reduce(
						(sum, p) =>
							sum +
							doc
								.font(
									cell.header || p.some((n) => n.marks?.some((m) => m.type === 'bold'))
										? 'semibold'
										: 'regular'
								)
								.fontSize(sizes.body)
								.heightOfString(plain(p) || ' ', { width: cell.width - 2 * padding, lineGap }),
						0
					) +
					2 * padding
			)
		);
	const drawRow = (row: CellRow, index: number, tagged: boolean) => {
		const height = rowHeight(row);
		const y = doc.y;
		const number =
			context.numbers.get(row.node) ??
			(index === 0 ? (context.numbers.get(node) ?? place.number) : undefined);
		const cellContent = (cell: CellRow['cells'][number], i: number) => () => {
			if (i === 0 && number && tagged) writeNumber(doc, number, y + padding, sizes.body);
			let cellY = y + padding;
			for (const p of cell.paragraphs) {
				const list = runs(p, context).map((run) => ({ ...run, bold: run.bold || cell.header }));
				writeRuns(
					doc,
					list,
					place.left + cell.x + padding,
					cellY,
					cell.width - 2 * padding,
					sizes.body
				);
				cellY = doc.y;
			}
		};
		// Shading under the words, borders over them; both decoration.
		doc.markContent('Artifact');
		for (const cell of row.cells.filter((cell) => cell.header)) {
			doc.rect(place.left + cell.x, y, cell.width, height).fill(colours.header);
		}
		doc.endMarkedContent();
		doc.fillColor(colours.text);
		if (tagged) {
			const tr = doc.struct('TR');
			element.add(tr);
			row.cells.forEach((cell, i) =>
				tr.add(
					doc.struct(
						cell.header ? 'TH' : 'TD',
						// PDFKit writes the header's scope; its types do not list the option yet.
						(cell.header
							? { scope: row.header ? 'Column' : 'Row' }
							: {}) as PDFKit.Mixins.StructureElementOptions,
						cellContent(cell, i)
					)
				)
			);
			tr.end();
		} else {
			// A header row repeated on a later page is decoration: its words were read once.
			doc.markContent('Artifact', { type: 'Pagination' });
			row.cells.forEach((cell, i) => cellContent(cell, i)());
			doc.endMarkedContent();
		}
		doc.markContent('Artifact');
		for (const cell of row.cells) {
			doc
				.rect(place.left + cell.x, y, cell.width, height)
				.lineWidth(0.75)
				.strokeColor(colours.rule)
				.stroke();
		}
		doc.endMarkedContent();
		doc.y = y + height;
	};
	rows.forEach((row, index) => {
		const height = rowHeight(row);
		if (doc.y + height > pageBottom(doc)) {
			doc.addPage();
			if (!row.header) headerRows.forEach((header, i) => drawRow(header, i + 1, false));
		}
		drawRow(row, index, true);
	});
	element.end();
	doc.fillColor(colours.text);
	doc.y += 8;
}

function block(node: PmNode, parent: Struct, context: Context, place: Place) {
	const number = context.numbers.get(node) ?? place.number;
	const at = { ...place, number };
	switch (node.type) {
		case 'heading':
			return heading(node, parent, context, at);
		case 'paragraph':
			return paragraph(node, parent, context, at);
		case 'bulletList':
		case 'orderedList':
			return list(node, parent, context, at);
		case 'blockquote':
			return blockquote(node, parent, context, at);
		case 'table':
			return table(node, parent, context, at);
		default:
			return children(node, parent, context, at);
	}
}

/** A container's blocks; its number goes to the first of them. */
function children(node: PmNode, parent: Struct, context: Context, place: Place, indent = 0) {
	(node.content ?? []).forEach((child, i) =>
		block(child, parent, context, {
			left: place.left,
			width: place.width - indent,
			number: i === 0 ? place.number : undefined
		})
	);
}

function signaturePage(bodies: SignatureBody[], parent: Struct, context: Context) {
	const { doc } = context;
	doc.addPage();
	const left = doc.page.margins.left;
	const width = doc.page.width - left - doc.page.margins.right;
	const full = { left, width };
	heading(
		{ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Unterzeichnung' }] },
		parent,
		context,
		full
	);
	const fieldGap = 24;
	for (const body of bodies) {
		// Each body's block stays on one page.
		ensureSpace(doc, 40 + signatureFields.length * fieldGap + 4 * lineHeight(doc, sizes.body));
		heading(
			{ type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: body.name }] },
			parent,
			context,
			full
		);
		for (const field of signatureFields) {
			doc.y += fieldGap - lineHeight(doc, sizes.body);
			const y = doc.y;
			const label = `${field}:`;
			parent.add(
				doc.struct('P', {}, () => {
					doc
						.font('regular')
						.fontSize(sizes.body)
						.fillColor(colours.text)
						.text(label, left, y, { width, lineGap });
				})
			);
			const lineStart = left + doc.widthOfString(label) + 8;
			const baseline = y + doc.currentLineHeight();
			doc.markContent('Artifact');
			doc
				.moveTo(lineStart, baseline)
				.lineTo(left + width, baseline)
				.lineWidth(0.75)
				.strokeColor(colours.text)
				.stroke();
			doc.endMarkedContent();
		}
		doc.y += 10;
	}
}

function proposalItem(item: ProposalListItem, parent: Struct, context: Context, place: Place) {
	const { doc } = context;
	ensureSpace(doc, 4 * lineHeight(doc, sizes.body));
	doc.y += 6;
	const text = (list: Run[]) => {
		const y = doc.y;
		parent.add(
			doc.struct('P', {}, () => writeRuns(doc, list, place.left, y, place.width, sizes.body))
		);
		doc.y += 2;
	};
	text([{ text: item.title, bold: true }, { text: ` – ${item.byline}` }]);
	text([{ text: item.changeSentence }]);
	if (item.reason) text([{ text: `Begründung: ${item.reason}` }]);
	if (item.note) text([{ text: item.note, italic: true }]);
}

function proposalList(items: ProposalListItem[], parent: Struct, context: Context) {
	const { doc } = context;
	doc.addPage();
	const left = doc.page.margins.left;
	const place = { left, width: doc.page.width - left - doc.page.margins.right };
	heading(
		{
			type: 'heading',
			attrs: { level: 2 },
			content: [{ type: 'text', text: proposalListHeading }]
		},
		parent,
		context,
		place
	);
	if (!items.length) {
		paragraph(
			{ type: 'paragraph', content: [{ type: 'text', text: 'Keine offenen Vorschläge.' }] },
			parent,
			context,
			place
		);
	}
	for (const item of items) proposalItem(item, parent, context, place);
}

/** The annex "Herkunft der Abschnitte" on a new page, drawn like the text's own blocks. */
function provenanceAnnex(annex: Annex, parent: Struct, context: Context) {
	const { doc } = context;
	doc.addPage();
	const left = doc.page.margins.left;
	const place = { left, width: doc.page.width - left - doc.page.margins.right };
	heading(
		{ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: annexHeading }] },
		parent,
		context,
		place
	);
	for (const node of annexBody(annex).content ?? []) block(node, parent, context, place);
}

/** The title, then version, date and Prüfwert (breaking only between them), and "Seite 2 von 5"
 * at the foot of every page, as page artifacts. */
function footers(doc: Doc, title: string, details: string[]) {
	const { start, count } = doc.bufferedPageRange();
	const second = details.map((part) => part.replace(/ /g, '\u00a0')).join(' · ');
	for (let i = start; i < start + count; i++) {
		doc.switchToPage(i);
		const left = doc.page.margins.left;
		const width = doc.page.width - left - doc.page.margins.right;
		const top = doc.page.height - doc.page.margins.bottom + 14;
		const pageWidth = 70;
		// Text below the bottom margin would otherwise start a new page.
		const bottom = doc.page.margins.bottom;
		doc.page.margins.bottom = 0;
		doc.markContent('Artifact', { type: 'Pagination' });
		doc
			.moveTo(left, top - 5)
			.lineTo(left + width, top - 5)
			.lineWidth(0.5)
			.strokeColor(colours.rule)
			.stroke();
		doc.font('regular').fontSize(sizes.footer).fillColor(colours.muted);
		doc.text(printable(doc, title), left, top, { width: width - pageWidth - 8, lineGap: 1 });
		doc.text(printable(doc, second), { width: width - pageWidth - 8, lineGap: 1 });
		doc.text(`Seite ${i - start + 1} von ${count}`, left + width - pageWidth, top, {
			width: pageWidth,
			align: 'right',
			lineBreak: false
		});
		doc.endMarkedContent();
		doc.page.margins.bottom = bottom;
	}
}

const escapeXml = (text: string) =>
	text.replace(
		/[&<>"']/g,
		(char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[char]!
	);

export interface PdfMetadata {
	title: string;
	author: string;
	subject: string;
	keywords: string[];
	created: Date;
}

/** The XMP packet: the same title, author, subject and keywords as the document information
 * (PDF/A wants both to agree), each escaped; PDFKit adds the PDF/A identification. */
export function xmpDescription(meta: PdfMetadata): string {
	const date = meta.created.toISOString().split('.')[0] + 'Z';
	const alt = (text: string) =>
		`<rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(text)}</rdf:li></rdf:Alt>`;
	return `<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
<xmp:CreateDate>${date}</xmp:CreateDate>
<xmp:ModifyDate>${date}</xmp:ModifyDate>
<xmp:CreatorTool>Leitbild-Werkstatt</xmp:CreatorTool>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:format>application/pdf</dc:format>
<dc:title>${alt(meta.title)}</dc:title>
<dc:creator><rdf:Seq><rdf:li>${escapeXml(meta.author)}</rdf:li></rdf:Seq></dc:creator>
<dc:description>${alt(meta.subject)}</dc:description>
<dc:subject><rdf:Bag>${meta.keywords.map((word) => `<rdf:li>${escapeXml(word)}</rdf:li>`).join('')}</rdf:Bag></dc:subject>
<dc:language><rdf:Bag><rdf:li>de-DE</rdf:li></rdf:Bag></dc:language>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
<pdf:Producer>PDFKit</pdf:Producer>
<pdf:Keywords>${escapeXml(meta.keywords.join(', '))}</pdf:Keywords>
</rdf:Description>`;
}

export function pdfMetadata(input: DocumentExport, organisation: string): PdfMetadata {
	return {
		title: input.title,
		author: organisation,
		subject: [
			input.versionName ?? currentStateName,
			...(input.proposals ? [withProposalsName] : []),
			...(input.hash ? [`Prüfwert ${shortHash(input.hash)}`] : [])
		].join(' · '),
		keywords: [documentKindLabels[input.kind], organisation, 'Leitbild-Werkstatt'],
		created: input.exportedAt ?? new Date()
	};
}

/** The PDF/A-2b file of the text; `organisation` (the Kreis) is its author. */
export function documentPdf(input: DocumentExport, organisation: string): Promise<Buffer> {
	const meta = pdfMetadata(input, organisation);
	const doc = new PDFDocument({
		size: 'A4',
		margins,
		bufferPages: true,
		pdfVersion: '1.7',
		subset: 'PDF/A-2b',
		tagged: true,
		lang: 'de-DE',
		displayTitle: true,
		info: {
			Title: meta.title,
			Author: meta.author,
			Subject: meta.subject,
			Keywords: meta.keywords.join(', '),
			Creator: 'Leitbild-Werkstatt',
			CreationDate: meta.created,
			ModDate: meta.created
		}
	});
	// PDFKit writes the document information into XMP unescaped: a "&" in a title would break it.
	Object.assign(doc, { _addInfo: () => doc.appendXML(xmpDescription(meta)) });
	for (const [name, data] of pdfFonts()) doc.registerFont(name, data);
	const chunks: Buffer[] = [];
	const done = new Promise<Buffer>((resolve, reject) => {
		doc.on('data', (chunk: Buffer) => chunks.push(chunk));
		doc.on('end', () => resolve(Buffer.concat(chunks)));
		doc.on('error', reject);
	});

	const context: Context = { doc, numbers: passageNumbers(input.json), labelled: new Set() };
	const root = doc.struct('Document');
	doc.addStructure(root);
	const full = {
		left: doc.page.margins.left,
		width: doc.page.width - margins.left - margins.right
	};
	const text = { left: textLeft(doc), width: textWidth(doc) };
	const title = (node: PmNode) => {
		heading(node, root, context, full);
		const state = [
			input.versionName ?? currentStateName,
			...(input.proposals ? [withProposalsName] : [])
		].join(' · ');
		paragraph({ type: 'paragraph', content: [{ type: 'text', text: state }] }, root, context, full);
		doc.y += 8;
	};
	if (!hasTitleHeading(input.json)) {
		title({
			type: 'heading',
			attrs: { level: 1 },
			content: [{ type: 'text', text: input.title }]
		});
	}
	for (const node of input.json.content ?? []) {
		if (node.type === 'heading' && node.attrs?.level === 1) title(node);
		else block(node, root, context, text);
	}
	// A text with open proposals is not for signing: their list ends it instead.
	if (input.proposals) proposalList(proposalListItems(input.proposals), root, context);
	else if (input.signatureBodies?.length) signaturePage(input.signatureBodies, root, context);
	if (input.provenance) provenanceAnnex(input.provenance, root, context);
	root.end();
	const line = footerLine(input);
	const details = line.startsWith(`${input.title} · `)
		? line.slice(input.title.length + 3).split(' · ')
		: [line];
	footers(doc, input.title, details);
	doc.end();
	return done;
}
