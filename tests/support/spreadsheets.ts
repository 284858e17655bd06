// Reads the exports for spreadsheets back: an .xlsx through exceljs, a CSV as German spreadsheet
// programs split it, so tests can compare the two cell by cell.
import ExcelJS from 'exceljs';

export interface SheetCell {
	value: string | number | Date | null;
	type: 'text' | 'number' | 'date' | 'empty' | 'other';
}

export interface Sheet {
	name: string;
	rows: SheetCell[][];
	boldHeader: boolean;
	frozenRows: number;
}

function cellOf(cell: ExcelJS.Cell): SheetCell {
	switch (cell.type) {
		case ExcelJS.ValueType.String:
			return { value: cell.value as string, type: 'text' };
		case ExcelJS.ValueType.Number:
			return { value: cell.value as number, type: 'number' };
		case ExcelJS.ValueType.Date:
			return { value: cell.value as Date, type: 'date' };
		case ExcelJS.ValueType.Null:
			return { value: null, type: 'empty' };
		default:
			return { value: String(cell.value), type: 'other' };
	}
}

export async function readXlsx(body: Buffer): Promise<Sheet> {
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load(body as unknown as ArrayBuffer);
	const [sheet] = workbook.worksheets;
	const width = sheet.columnCount;
	const rows: SheetCell[][] = [];
	sheet.eachRow({ includeEmpty: true }, (row) => {
		rows.push(Array.from({ length: width }, (_, i) => cellOf(row.getCell(i + 1))));
	});
	const view = sheet.views[0] as { state?: string; ySplit?: number } | undefined;
	return {
		name: sheet.name,
		rows,
		boldHeader: Boolean(sheet.getRow(1).font?.bold),
		frozenRows: view?.state === 'frozen' ? (view.ySplit ?? 0) : 0
	};
}

/** Rows of a semicolon CSV with a byte-order mark, quotes undone. */
export function readCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	const source = text.replace(/^\uFEFF/, '');
	for (let i = 0; i < source.length; i++) {
		const char = source[i];
		if (quoted && char === '"' && source[i + 1] === '"') {
			field += '"';
			i++;
		} else if (char === '"') {
			quoted = !quoted;
		} else if (quoted) {
			field += char;
		} else if (char === ';') {
			row.push(field);
			field = '';
		} else if (char === '\r' && source[i + 1] === '\n') {
			row.push(field);
			rows.push(row);
			row = [];
			field = '';
			i++;
		} else field += char;
	}
	return rows;
}

/** A cell as the CSV writes it: numbers plainly, dates as ISO, text behind the formula guard. */
export function asCsvField(cell: SheetCell, withTime: boolean): string {
	if (cell.value === null) return '';
	if (cell.value instanceof Date) {
		const iso = cell.value.toISOString();
		return withTime ? iso.slice(0, 19).replace('T', ' ') : iso.slice(0, 10);
	}
	if (typeof cell.value === 'number') return String(cell.value);
	return /^[=+\-@\t\r]/.test(cell.value) ? `'${cell.value}` : cell.value;
}
