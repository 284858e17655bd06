// The conference documentation from the stored results: Markdown, CSV and Word. Every number
// comes from eventBoardResults, the same source as the results page.
import {
	AlignmentType,
	Document,
	HeadingLevel,
	Packer,
	Paragraph,
	Table,
	TableCell,
	TableRow,
	TextRun,
	WidthType
} from 'docx';
import { count } from '$lib/german';
import { respondentsLabel } from '$lib/polls/labels';
import { tableCsv, type CellValue, type Column, type Table as SheetTable } from '../spreadsheet';
import type { EventRow } from '../db/schema';
import { smallestGroup } from '../events/small-groups';
import { productName } from '../../page-title';
import type { PollSummary } from '../polls/summary';
import { wordProperties } from '../word-file';
import { markdownBlock, markdownEmphasis, markdownHeading, markdownInline } from '../text/markdown';
import type { BoardResult } from './results';

function formatDay(isoDate: string): string {
	const [year, month, day] = isoDate.split('-');
	return `${day}.${month}.${year}`;
}

const dots = (n: number) => count(n, 'Punkt', 'Punkte');

/** The breakdowns as the results page shows them: title, groups or why there are none, note. */
export function breakdownsOf(result: BoardResult) {
	return [
		{ title: 'Punkte nach Kommune', entries: result.byAffiliation },
		{ title: 'Punkte nach Art der Organisation', entries: result.byOrganisationType }
	];
}

export const tooFewForBreakdown = 'Zu wenige Personen für eine Aufschlüsselung.';
export const smallGroupsNote = `Gruppen mit weniger als ${smallestGroup} Personen werden nicht einzeln gezeigt; zusammen ab ${smallestGroup} Personen als „Weitere“.`;

/** Whether the page shows a board's breakdowns: where the event asks, once there are dots. */
export function showsBreakdowns(eventRow: Pick<EventRow, 'asksAffiliation'>, result: BoardResult) {
	return eventRow.asksAffiliation && result.totalVotes > 0;
}

export function resultsMarkdown(
	eventRow: EventRow,
	boards: BoardResult[],
	polls: PollSummary[] = []
): string {
	const lines = [
		`# ${markdownHeading(eventRow.title)}`,
		'',
		`${formatDay(eventRow.date)}${eventRow.place ? ` · ${markdownInline(eventRow.place)}` : ''}`,
		'',
		'## Ergebnisse der Arbeitsgruppen',
		''
	];
	for (const result of boards) {
		lines.push(`### ${markdownHeading(result.title)}`, '');
		if (result.question) lines.push(markdownEmphasis(result.question), '');
		for (const column of result.columns) {
			lines.push(`#### ${markdownHeading(column.title)}`, '');
			if (column.cards.length === 0) lines.push('Keine Karten.', '');
			column.cards.forEach((c) => {
				lines.push(`- ${markdownBlock(c.text)} (${dots(c.votes)})`);
				// A stack's cards, under its top card: a list inside the list item.
				for (const stacked of c.stack) lines.push(`  - ${markdownBlock(stacked.text)}`);
			});
			if (column.cards.length > 0) lines.push('');
		}
		if (showsBreakdowns(eventRow, result)) {
			for (const { title, entries } of breakdownsOf(result)) {
				lines.push(`#### ${title}`, '');
				if (entries.length === 0) lines.push(tooFewForBreakdown, '');
				for (const entry of entries) lines.push(`- ${markdownBlock(entry.label)}: ${entry.votes}`);
				if (entries.length > 0) lines.push('');
				lines.push(smallGroupsNote, '');
			}
		}
	}
	if (polls.length > 0) {
		lines.push('## Umfrage', '');
		for (const poll of polls) {
			lines.push(
				`### ${markdownHeading(poll.prompt)}`,
				'',
				respondentsLabel(poll.type, poll.respondents),
				''
			);
			for (const line of poll.lines) lines.push(`- ${markdownBlock(line)}`);
			lines.push('');
		}
	}
	return lines.join('\n');
}

const columns: Column[] = [
	{ header: 'Arbeitsgruppe', type: 'text' },
	{ header: 'Art', type: 'text' },
	{ header: 'Spalte', type: 'text' },
	{ header: 'Text', type: 'text' },
	{ header: 'Von', type: 'text' },
	{ header: 'Punkte', type: 'number' },
	{ header: 'Im Stapel unter', type: 'text' }
];

/** One row per card (a stack's cards under it), then one per group of each breakdown. */
export function resultsTable(eventRow: EventRow, boards: BoardResult[]): SheetTable {
	const rows: CellValue[][] = [];
	for (const result of boards) {
		for (const column of result.columns) {
			for (const c of column.cards) {
				rows.push([
					result.title,
					'Karte',
					column.title,
					c.text,
					c.authorName ?? 'anonym',
					c.votes,
					null
				]);
				for (const stacked of c.stack) {
					rows.push([
						result.title,
						'Karte im Stapel',
						column.title,
						stacked.text,
						stacked.authorName ?? 'anonym',
						null,
						c.text
					]);
				}
			}
		}
		if (showsBreakdowns(eventRow, result)) {
			for (const { title, entries } of breakdownsOf(result)) {
				for (const entry of entries) {
					rows.push([result.title, title, null, entry.label, null, entry.votes, null]);
				}
			}
		}
	}
	return { sheetName: 'Ergebnisse', columns, rows };
}

export const resultsCsv = (eventRow: EventRow, boards: BoardResult[]): string =>
	tableCsv(resultsTable(eventRow, boards));

export async function resultsDocx(
	eventRow: EventRow,
	boards: BoardResult[],
	polls: PollSummary[] = [],
	organisation: string = productName
): Promise<Buffer> {
	const children: (Paragraph | Table)[] = [
		new Paragraph({ text: eventRow.title, heading: HeadingLevel.TITLE }),
		new Paragraph({
			children: [
				new TextRun(`${formatDay(eventRow.date)}${eventRow.place ? ` · ${eventRow.place}` : ''}`)
			]
		}),
		new Paragraph({ text: 'Ergebnisse der Arbeitsgruppen', heading: HeadingLevel.HEADING_1 })
	];
	for (const result of boards) {
		children.push(new Paragraph({ text: result.title, heading: HeadingLevel.HEADING_2 }));
		if (result.question) {
			children.push(
				new Paragraph({ children: [new TextRun({ text: result.question, italics: true })] })
			);
		}
		for (const column of result.columns) {
			children.push(new Paragraph({ text: column.title, heading: HeadingLevel.HEADING_3 }));
			if (column.cards.length === 0) {
				children.push(new Paragraph('Keine Karten.'));
				continue;
			}
			children.push(
				new Table({
					width: { size: 100, type: WidthType.PERCENTAGE },
					rows: [
						new TableRow({
							tableHeader: true,
							children: ['Karte', 'Punkte'].map(
								(label) =>
									new TableCell({
										children: [
											new Paragraph({ children: [new TextRun({ text: label, bold: true })] })
										]
									})
							)
						}),
						...column.cards.map(
							(c) =>
								new TableRow({
									children: [
										new TableCell({
											children: [
												new Paragraph(c.text),
												// A stack's cards, under its top card.
												...c.stack.map(
													(stacked) => new Paragraph({ text: stacked.text, bullet: { level: 0 } })
												)
											]
										}),
										new TableCell({
											children: [
												new Paragraph({ text: String(c.votes), alignment: AlignmentType.RIGHT })
											]
										})
									]
								})
						)
					]
				})
			);
		}
		if (showsBreakdowns(eventRow, result)) {
			for (const { title, entries } of breakdownsOf(result)) {
				children.push(new Paragraph({ text: title, heading: HeadingLevel.HEADING_3 }));
				if (entries.length === 0) children.push(new Paragraph(tooFewForBreakdown));
				for (const entry of entries) {
					children.push(
						new Paragraph({ text: `${entry.label}: ${entry.votes}`, bullet: { level: 0 } })
					);
				}
				children.push(new Paragraph(smallGroupsNote));
			}
		}
	}
	if (polls.length > 0) {
		children.push(new Paragraph({ text: 'Umfrage', heading: HeadingLevel.HEADING_1 }));
		for (const poll of polls) {
			children.push(new Paragraph({ text: poll.prompt, heading: HeadingLevel.HEADING_2 }));
			children.push(new Paragraph(respondentsLabel(poll.type, poll.respondents)));
			for (const line of poll.lines)
				children.push(new Paragraph({ text: line, bullet: { level: 0 } }));
		}
	}
	const day = formatDay(eventRow.date);
	const doc = new Document({
		...wordProperties({
			title: eventRow.title,
			organisation,
			subject: 'Ergebnisse der Konferenz',
			description: [eventRow.title, day, eventRow.place].filter(Boolean).join(' · '),
			custom: { Datum: day, ...(eventRow.place ? { Ort: eventRow.place } : {}) }
		}),
		sections: [{ children }]
	});
	return Packer.toBuffer(doc);
}
