import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { berlinClock, calendarDate, tableCsv, tableXlsx, type Table } from './spreadsheet';

const table: Table = {
	sheetName: 'Beschlüsse',
	columns: [
		{ header: 'AGS', type: 'text' },
		{ header: 'Drucksache', type: 'text' },
		{ header: 'Fassung', type: 'number' },
		{ header: 'Datum', type: 'date' },
		{ header: 'Zeitpunkt', type: 'datetime' }
	],
	rows: [
		[
			'05978004',
			'+0815/2026',
			3,
			calendarDate('2026-05-14'),
			berlinClock(new Date('2026-05-14T08:30:05Z'))
		],
		['05978020', '=1+2', null, null, null]
	]
};

async function readBack(buffer: Buffer) {
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
	return workbook.worksheets[0];
}

describe('tables for spreadsheets', () => {
	it('CSV stays text for machines, with the formula guard', () => {
		expect(tableCsv(table).split('\r\n')).toEqual([
			'\uFEFFAGS;Drucksache;Fassung;Datum;Zeitpunkt',
			"05978004;'+0815/2026;3;2026-05-14;2026-05-14 10:30:05",
			"05978020;'=1+2;;;",
			''
		]);
	});

	it('the workbook has typed cells, a bold frozen header and no formula', async () => {
		const sheet = await readBack(await tableXlsx(table, 'Beschlüsse: Leitbild'));
		expect(sheet.name).toBe('Beschlüsse');
		expect(sheet.getRow(1).values).toEqual([
			undefined,
			'AGS',
			'Drucksache',
			'Fassung',
			'Datum',
			'Zeitpunkt'
		]);
		expect(sheet.getRow(1).font?.bold).toBe(true);
		expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
		const [ags, paper, version, date, time] = [1, 2, 3, 4, 5].map((c) =>
			sheet.getRow(2).getCell(c)
		);
		expect(ags.value).toBe('05978004');
		expect(ags.type).toBe(ExcelJS.ValueType.String);
		expect(paper.value).toBe('+0815/2026');
		expect(version.value).toBe(3);
		expect(version.type).toBe(ExcelJS.ValueType.Number);
		expect(date.type).toBe(ExcelJS.ValueType.Date);
		expect(date.value).toEqual(new Date('2026-05-14T00:00:00Z'));
		expect(date.numFmt).toBe('DD.MM.YYYY');
		// Berlin's clock in May is two hours ahead of UTC.
		expect(time.value).toEqual(new Date('2026-05-14T10:30:05Z'));
		expect(time.numFmt).toBe('DD.MM.YYYY HH:MM:SS');
		const formulaLike = sheet.getRow(3).getCell(2);
		expect(formulaLike.type).toBe(ExcelJS.ValueType.String);
		expect(formulaLike.value).toBe('=1+2');
		expect(sheet.getColumn(2).width).toBeGreaterThanOrEqual('Drucksache'.length);
	});
});
