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
import { csvField } from '../csv';
import type { EventRow } from '../db/schema';
import type { PollSummary } from '../polls/summary';
import type { BoardResult } from './results';

function formatDay(isoDate: string): string {
	const [year, month, day] = isoDate.split('-');
	return `${day}.${month}.${year}`;
}

const dots = (n: number) => count(n, 'Punkt', 'Punkte');
const answers = (n: number) => count(n, 'Antwort', 'Antworten');

/** Markdown text is escaped so card text cannot turn into headings, links or HTML. */
function markdownText(text: string): string {
	return text.replace(/([\\`*_{}[\]()#+\-.!|<>])/g, '\\$1').replace(/\r?\n/g, ' ');
}

export function resultsMarkdown(
	eventRow: EventRow,
	boards: BoardResult[],
	polls: PollSummary[] = []
): string {
	const lines = [
		`# ${markdownText(eventRow.title)}`,
		'',
		`${formatDay(eventRow.date)}${eventRow.place ? ` · ${markdownText(eventRow.place)}` : ''}`,
		'',
		'## Ergebnisse der Arbeitsgruppen',
		''
	];
	for (const result of boards) {
		lines.push(`### ${markdownText(result.title)}`, '');
		if (result.question) lines.push(`*${markdownText(result.question)}*`, '');
		for (const column of result.columns) {
			lines.push(`#### ${markdownText(column.title)}`, '');
			if (column.cards.length === 0) lines.push('Keine Karten.', '');
			column.cards.forEach((c) => {
				lines.push(`- ${markdownText(c.text)} (${dots(c.votes)})`);
			});
			if (column.cards.length > 0) lines.push('');
		}
		if (result.byAffiliation.length > 0) {
			lines.push('Punkte nach Kommune (Gruppen unter 3 nicht einzeln):', '');
			for (const entry of result.byAffiliation)
				lines.push(`- ${markdownText(entry.label)}: ${entry.votes}`);
			lines.push('');
		}
	}
	if (polls.length > 0) {
		lines.push('## Umfrage', '');
		for (const poll of polls) {
			lines.push(`### ${markdownText(poll.prompt)}`, '', answers(poll.respondents), '');
			for (const line of poll.lines) lines.push(`- ${markdownText(line)}`);
			lines.push('');
		}
	}
	return lines.join('\n');
}

/** Semicolons and a byte order mark: what German spreadsheet programs open without asking. */
export function resultsCsv(boards: BoardResult[]): string {
	const rows = [['Arbeitsgruppe', 'Spalte', 'Karte', 'Von', 'Punkte']];
	for (const result of boards) {
		for (const column of result.columns) {
			for (const c of column.cards) {
				rows.push([result.title, column.title, c.text, c.authorName ?? 'anonym', String(c.votes)]);
			}
		}
	}
	return '\ufeff' + rows.map((row) => row.map(csvField).join(';')).join('\r\n') + '\r\n';
}

export async function resultsDocx(
	eventRow: EventRow,
	boards: BoardResult[],
	polls: PollSummary[] = []
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
										new TableCell({ children: [new Paragraph(c.text)] }),
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
		if (result.byAffiliation.length > 0) {
			children.push(
				new Paragraph({
					text: `Punkte nach Kommune: ${result.byAffiliation.map((e) => `${e.label} ${e.votes}`).join(', ')} (Gruppen unter 3 nicht einzeln)`
				})
			);
		}
	}
	if (polls.length > 0) {
		children.push(new Paragraph({ text: 'Umfrage', heading: HeadingLevel.HEADING_1 }));
		for (const poll of polls) {
			children.push(new Paragraph({ text: poll.prompt, heading: HeadingLevel.HEADING_2 }));
			children.push(new Paragraph(answers(poll.respondents)));
			for (const line of poll.lines)
				children.push(new Paragraph({ text: line, bullet: { level: 0 } }));
		}
	}
	const doc = new Document({
		creator: 'Leitbild-Werkstatt',
		title: eventRow.title,
		sections: [{ children }]
	});
	return Packer.toBuffer(doc);
}
