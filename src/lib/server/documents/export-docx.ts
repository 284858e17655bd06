// The text as a Word file: headings in Word's heading styles, each numbered block opened by its
// number, bullet lists as real Word lists, bold, italic and links, tables as Word tables (header
// rows repeated on each page, a numbered row's number in its first cell); a footer with title,
// version, date and short Prüfwert; for the Selbstverpflichtung a signature page. With
// proposals: each one Word's tracked change (inserted and deleted runs, attributed to
// "Stadt Kamen (Name)"), so it can be accepted or rejected there (accepting all gives what the
// server's "accept", oldest first, gives: see marked-text.ts); the list of proposals ends the file.
// The annex "Herkunft der Abschnitte", when asked for, follows on its own page.
import {
	AlignmentType,
	BorderStyle,
	DeletedTextRun,
	Document,
	ExternalHyperlink,
	Footer,
	HeadingLevel,
	InsertedTextRun,
	LevelFormat,
	Packer,
	PageNumber,
	Paragraph,
	ShadingType,
	Table,
	TableCell,
	TableRow,
	TabStopType,
	TextRun,
	WidthType,
	type IParagraphOptions,
	type ParagraphChild
} from 'docx';
import { documentKindLabels } from '../../documents';
import type { PmNode } from '../../editor/pm-node';
import { passageNumbers } from '../../editor/passages';
import { formatDateTime } from '../../format';
import { productName } from '../../page-title';
import { footerStyle, wordProperties } from '../word-file';
import { shortHash } from './content-hash';
import { proposalMarks, type ProposalMarkAttrs } from '../proposals/marked-text';
import { annexBody, annexHeading, type Annex } from '../sources/annex';
import {
	proposalAuthor,
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

const headingLevels = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3];
/** A4 with Word's default margins: the width text may take, in twips. */
const textWidth = 11906 - 2 * 1440;
/** The numbers of top-level blocks hang in a column of this width (1.2 cm). */
const numberColumn = 680;
const orderedReference = (start: number) => `nummerierte-liste-${start}`;

interface Context {
	numbers: Map<PmNode, string>;
	/** Ordered lists seen so far: each restarts its numbering as its own Word list instance. */
	orderedLists: number;
	starts: Set<number>;
	/** The last id given to a tracked change: Word wants each one unique. */
	revisions: number;
}

/** Word's date for a tracked change, to the second. */
const revisionDate = (createdAt: number) =>
	new Date(createdAt).toISOString().replace(/\.\d{3}Z$/, 'Z');

function revision(mark: ProposalMarkAttrs, context: Context) {
	return {
		id: ++context.revisions,
		author: proposalAuthor(mark),
		date: revisionDate(mark.createdAt)
	};
}

/** A text piece that belongs to a proposal: Word's tracked change, attributed. */
function proposalRun(
	text: string,
	style: { bold?: boolean; italics?: boolean },
	marks: { deletion?: ProposalMarkAttrs; insertion?: ProposalMarkAttrs },
	context: Context
): ParagraphChild {
	if (marks.insertion) {
		return new InsertedTextRun({ text, ...style, ...revision(marks.insertion, context) });
	}
	return new DeletedTextRun({ text, ...style, ...revision(marks.deletion!, context) });
}

function inline(nodes: PmNode[] = [], context: Context): ParagraphChild[] {
	return nodes.flatMap((node): ParagraphChild[] => {
		if (node.type === 'hardBreak') return [new TextRun({ text: '', break: 1 })];
		const { deletion, insertion, others: marks } = proposalMarks(node.marks);
		// Unset rather than false: a false would switch off the bold of a heading's style.
		const bold = marks.some((m) => m.type === 'bold') || undefined;
		const italics = marks.some((m) => m.type === 'italic') || undefined;
		if (deletion || insertion) {
			return [proposalRun(node.text ?? '', { bold, italics }, { deletion, insertion }, context)];
		}
		const href = safeHref(marks.find((m) => m.type === 'link')?.attrs?.href);
		if (href) {
			return [
				new ExternalHyperlink({
					link: href,
					children: [new TextRun({ text: node.text ?? '', bold, italics, style: 'Hyperlink' })]
				})
			];
		}
		return [new TextRun({ text: node.text ?? '', bold, italics })];
	});
}

interface Place {
	/** The number this block opens with (its own, or its container's for the first child). */
	number?: string;
	/** Whether the block is at the top of the text or an item of a list of passages: its number
	 * hangs in the number column. */
	top: boolean;
	list?: IParagraphOptions['numbering'] | { bullet: number };
	/** A later paragraph of a list item at this list level: indented like the item's text. */
	continues?: number;
	quoted: boolean;
}

function numberRuns(number: string | undefined, top: boolean, heading: boolean): ParagraphChild[] {
	if (!number) return [];
	return [
		// A heading is bold by its style; a bold run there would read as emphasis to pandoc.
		new TextRun({ text: number, bold: heading ? undefined : true }),
		top ? new TextRun({ text: '\t' }) : new TextRun(' ')
	];
}

function paragraph(
	node: PmNode,
	place: Place,
	context: Context,
	heading?: (typeof headingLevels)[number]
) {
	const list = place.list;
	return new Paragraph({
		heading,
		children: [
			...numberRuns(place.number, place.top, heading !== undefined),
			...inline(node.content, context)
		],
		...(place.top && place.number ? { indent: { left: numberColumn, hanging: numberColumn } } : {}),
		...(list && 'bullet' in list ? { bullet: { level: list.bullet } } : {}),
		...(list && 'reference' in list ? { numbering: list } : {}),
		...(place.continues !== undefined && !list
			? { indent: { left: place.top ? numberColumn : 720 * (place.continues + 1) } }
			: {}),
		...(place.quoted
			? {
					indent: { left: numberColumn + 360 },
					border: { left: { style: BorderStyle.SINGLE, size: 12, color: 'C5C9D3', space: 8 } }
				}
			: {})
	});
}

/** What a text is made of in Word. */
type Block = Paragraph | Table;

function blocks(node: PmNode, context: Context, place: Place, level = 0): Block[] {
	const own = context.numbers.get(node);
	const number = own ?? place.number;
	switch (node.type) {
		case 'heading': {
			const headingLevel = Math.min(Math.max(Number(node.attrs?.level ?? 1), 1), 3);
			return [paragraph(node, { ...place, number }, context, headingLevels[headingLevel - 1])];
		}
		case 'paragraph':
			return [paragraph(node, { ...place, number }, context)];
		case 'blockquote':
			return children(node, context, { ...place, number, top: false, quoted: true }, level);
		case 'bulletList':
		case 'orderedList': {
			// An ordered list of passages is numbered by the passage numbers alone: its items are
			// paragraphs with the number hanging in the number column, not a second Word list number.
			const passages =
				node.type === 'orderedList' &&
				(node.content ?? []).some((item) => context.numbers.has(item));
			let list: Place['list'] = { bullet: level };
			if (passages) list = undefined;
			else if (node.type === 'orderedList') {
				const start = Number(node.attrs?.start ?? 1);
				context.starts.add(start);
				list = { reference: orderedReference(start), level, instance: ++context.orderedLists };
			}
			return (node.content ?? []).flatMap(
				(item) =>
					item.content?.flatMap((child, i) =>
						// The item's first paragraph carries the list marker; later ones and nested lists
						// belong to it.
						blocks(
							child,
							context,
							{
								number: i === 0 ? context.numbers.get(item) : undefined,
								top: passages,
								quoted: place.quoted,
								list: i === 0 ? list : undefined,
								continues: i === 0 ? undefined : level
							},
							level + 1
						)
					) ?? []
			);
		}
		case 'table':
			return [table(node, context)];
		default:
			return children(node, context, place, level);
	}
}

const tableBorder = { style: BorderStyle.SINGLE, size: 4, color: 'C5C9D3' };

const isHeaderRow = (row: PmNode) =>
	(row.content ?? []).every((cell) => cell.type === 'tableHeader');

/** A table where the text of the numbered paragraphs starts (right of their number column),
 * its columns alike; the leading header rows repeat on every page, and no row breaks across
 * pages. */
function table(node: PmNode, context: Context): Table {
	const rows = node.content ?? [];
	const columns = Math.max(
		1,
		...rows.map((row) =>
			(row.content ?? []).reduce(
				(sum, cell) => sum + Math.max(Number(cell.attrs?.colspan ?? 1), 1),
				0
			)
		)
	);
	const headerRows = rows.findIndex((row) => !isHeaderRow(row));
	return new Table({
		width: { size: textWidth - numberColumn, type: WidthType.DXA },
		indent: { size: numberColumn, type: WidthType.DXA },
		columnWidths: Array<number>(columns).fill(Math.floor((textWidth - numberColumn) / columns)),
		borders: {
			top: tableBorder,
			bottom: tableBorder,
			left: tableBorder,
			right: tableBorder,
			insideHorizontal: tableBorder,
			insideVertical: tableBorder
		},
		rows: rows.map(
			(row, r) =>
				new TableRow({
					// Only on header rows: pandoc takes any tblHeader element, even "false", for one.
					...(headerRows === -1 || r < headerRows ? { tableHeader: true } : {}),
					cantSplit: true,
					children: (row.content ?? []).map((cell, i) => {
						const number = i === 0 ? context.numbers.get(row) : undefined;
						const content = children(cell, context, { number, top: false, quoted: false }, 0);
						return new TableCell({
							columnSpan: Math.max(Number(cell.attrs?.colspan ?? 1), 1),
							rowSpan: Math.max(Number(cell.attrs?.rowspan ?? 1), 1),
							margins: { top: 60, bottom: 60, left: 100, right: 100 },
							...(cell.type === 'tableHeader'
								? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'F3F4F7' } }
								: {}),
							// Word wants at least one paragraph in every cell.
							children: content.length ? content : [new Paragraph({})]
						});
					})
				})
		)
	});
}

/** A container's blocks; its number goes to the first of them. */
function children(node: PmNode, context: Context, place: Place, level: number): Block[] {
	return (node.content ?? []).flatMap((child, i) =>
		blocks(child, context, { ...place, number: i === 0 ? place.number : undefined }, level)
	);
}

function signaturePage(bodies: SignatureBody[]): Paragraph[] {
	const page: Paragraph[] = [
		new Paragraph({
			text: 'Unterzeichnung',
			heading: HeadingLevel.HEADING_2,
			pageBreakBefore: true
		})
	];
	for (const body of bodies) {
		// Each block stays on one page: every line keeps with the next.
		page.push(
			new Paragraph({
				text: body.name,
				heading: HeadingLevel.HEADING_3,
				keepNext: true,
				keepLines: true,
				spacing: { before: 480 }
			})
		);
		signatureFields.forEach((field, i) =>
			page.push(
				new Paragraph({
					children: [new TextRun(`${field}:`), new TextRun('\t')],
					tabStops: [{ type: TabStopType.RIGHT, position: textWidth, leader: 'underscore' }],
					keepNext: i < signatureFields.length - 1,
					spacing: { before: 320 }
				})
			)
		);
	}
	return page;
}

function proposalItem(item: ProposalListItem): Paragraph[] {
	return [
		new Paragraph({
			keepNext: true,
			spacing: { before: 240 },
			children: [new TextRun({ text: item.title, bold: true }), new TextRun(` – ${item.byline}`)]
		}),
		new Paragraph({ text: item.changeSentence, keepNext: Boolean(item.reason || item.note) }),
		...(item.reason
			? [new Paragraph({ text: `Begründung: ${item.reason}`, keepNext: Boolean(item.note) })]
			: []),
		...(item.note
			? [new Paragraph({ children: [new TextRun({ text: item.note, italics: true })] })]
			: [])
	];
}

function proposalList(items: ProposalListItem[]): Paragraph[] {
	return [
		new Paragraph({
			text: proposalListHeading,
			heading: HeadingLevel.HEADING_2,
			pageBreakBefore: true
		}),
		...(items.length
			? items.flatMap(proposalItem)
			: [new Paragraph({ text: 'Keine offenen Vorschläge.' })])
	];
}

/** The annex "Herkunft der Abschnitte" on its own page, drawn like the text's own blocks. */
function provenanceAnnex(annex: Annex, context: Context): Block[] {
	return [
		new Paragraph({ text: annexHeading, heading: HeadingLevel.HEADING_2, pageBreakBefore: true }),
		...children(annexBody(annex), context, { top: true, quoted: false }, 0)
	];
}

export async function documentDocx(input: DocumentExport): Promise<Buffer> {
	const context: Context = {
		numbers: passageNumbers(input.json),
		orderedLists: 0,
		starts: new Set(),
		revisions: 0
	};

	const title = hasTitleHeading(input.json)
		? []
		: [new Paragraph({ text: input.title, heading: HeadingLevel.HEADING_1 })];
	const text = children(input.json, context, { top: true, quoted: false }, 0);
	// A text with open proposals is not for signing: their list ends it instead.
	const end = input.proposals
		? proposalList(proposalListItems(input.proposals))
		: input.signatureBodies?.length
			? signaturePage(input.signatureBodies)
			: [];
	const annex = input.provenance ? provenanceAnnex(input.provenance, context) : [];
	const footer = new Footer({
		children: [
			new Paragraph({
				style: footerStyle,
				children: [new TextRun(footerLine(input))],
				border: { top: { style: BorderStyle.SINGLE, size: 4, color: 'C5C9D3', space: 4 } }
			}),
			// The size comes from the paragraph style, so the page number fields have it too.
			new Paragraph({
				style: footerStyle,
				alignment: AlignmentType.RIGHT,
				children: [
					new TextRun({ children: ['Seite ', PageNumber.CURRENT, ' von ', PageNumber.TOTAL_PAGES] })
				]
			})
		]
	});
	const state = [
		input.versionName ?? currentStateName,
		...(input.proposals ? [withProposalsName] : [])
	].join(' · ');
	const doc = new Document({
		...wordProperties({
			title: input.title,
			organisation: input.organisation ?? productName,
			subject: state,
			description: footerLine(input),
			keywords: [documentKindLabels[input.kind]],
			custom: {
				Fassung: state,
				Stand: formatDateTime(input.frozenAt ?? input.exportedAt ?? new Date()),
				...(input.hash ? { Prüfwert: shortHash(input.hash), 'Prüfwert (SHA-256)': input.hash } : {})
			}
		}),
		numbering: {
			config: [...context.starts].map((start) => ({
				reference: orderedReference(start),
				levels: [0, 1, 2].map((level) => ({
					level,
					format: LevelFormat.DECIMAL,
					text: `%${level + 1}.`,
					start: level === 0 ? start : 1,
					alignment: AlignmentType.START,
					style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } }
				}))
			}))
		},
		sections: [{ footers: { default: footer }, children: [...title, ...text, ...end, ...annex] }]
	});
	return Packer.toBuffer(doc);
}
