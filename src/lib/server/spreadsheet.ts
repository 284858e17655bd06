// A table once, written two ways: CSV for machines (as before: text only, formula guard) and an
// Excel workbook for people, with typed cells: identifiers such as the AGS "05978004" stay text,
// numbers are numbers, dates are dates in German format. No cell is ever a formula: strings are
// written as text cells, whatever they start with.
import ExcelJS from 'exceljs';
import { csvField } from './csv';

/** A string is a text cell, a number a number, a Date a date (its UTC fields as shown). */
export type CellValue = string | number | Date | null;

export interface Column {
	header: string;
	/** How its dates are shown; text and number columns take their cells as they are. */
	type: 'text' | 'number' | 'date' | 'datetime';
}

export interface Table {
	/** The worksheet's name (at most 31 characters, no []:*?/\). */
	sheetName: string;
	columns: Column[];
	rows: CellValue[][];
}

/** "2026-05-14" as a date at midnight UTC: what a spreadsheet shows as 14.05.2026. */
export function calendarDate(isoDay: string): Date {
	return new Date(`${isoDay}T00:00:00Z`);
}

const berlinParts = new Intl.DateTimeFormat('en-CA', {
	timeZone: 'Europe/Berlin',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	second: '2-digit',
	hourCycle: 'h23'
});

/** A moment as the clock in Berlin showed it, as a date whose UTC fields are that clock time:
 * spreadsheets know no time zones. */
export function berlinClock(at: Date): Date {
	const part = Object.fromEntries(berlinParts.formatToParts(at).map((p) => [p.type, p.value]));
	return new Date(
		`${part.year}-${part.month}-${part.day}T${part.hour}:${part.minute}:${part.second}Z`
	);
}

function csvText(value: CellValue, column: Column): string {
	if (value === null) return '';
	if (value instanceof Date) {
		const iso = value.toISOString();
		return column.type === 'date' ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ');
	}
	return String(value);
}

/** Semicolons and a byte-order mark, which German spreadsheet programs expect. */
export function tableCsv(table: Table): string {
	const lines = [
		table.columns.map((column) => column.header),
		...table.rows.map((row) => row.map((value, i) => csvText(value, table.columns[i])))
	];
	return '\uFEFF' + lines.map((line) => line.map(csvField).join(';')).join('\r\n') + '\r\n';
}

const numberFormats: Record<Column['type'], string> = {
	text: '@',
	number: 'General',
	date: 'DD.MM.YYYY',
	datetime: 'DD.MM.YYYY HH:MM:SS'
};

/** Wide enough for the longest entry (dates as shown), within reason. */
function columnWidth(table: Table, index: number): number {
	const column = table.columns[index];
	const lengths = table.rows.map((row) => {
		const value = row[index];
		if (value instanceof Date) return column.type === 'date' ? 10 : 19;
		return value === null
			? 0
			: Math.max(
					...String(value)
						.split('\n')
						.map((l) => l.length)
				);
	});
	return Math.min(60, Math.max(8, column.header.length + 2, ...lengths.map((l) => l + 2)));
}

export async function tableXlsx(table: Table, title: string): Promise<Buffer> {
	const workbook = new ExcelJS.Workbook();
	workbook.creator = 'Leitbild-Werkstatt';
	workbook.title = title;
	workbook.created = new Date();
	const sheet = workbook.addWorksheet(table.sheetName, {
		views: [{ state: 'frozen', ySplit: 1 }]
	});
	sheet.columns = table.columns.map((column, index) => ({
		header: column.header,
		width: columnWidth(table, index),
		style: { numFmt: numberFormats[column.type] }
	}));
	sheet.getRow(1).font = { bold: true };
	for (const row of table.rows) sheet.addRow(row);
	sheet.autoFilter = {
		from: { row: 1, column: 1 },
		to: { row: 1, column: table.columns.length }
	};
	return Buffer.from(await workbook.xlsx.writeBuffer());
}

export const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
