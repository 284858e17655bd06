import { describe, expect, it } from 'vitest';
import type { PmNode } from '../../editor/pm-node';
import { cellRows } from './pdf-table';

const cell = (type: 'tableHeader' | 'tableCell', value: string, attrs = {}): PmNode => ({
	type,
	attrs: { colspan: 1, rowspan: 1, colwidth: null, ...attrs },
	content: [{ type: 'paragraph', content: [{ type: 'text', text: value }] }]
});
const row = (...cells: PmNode[]): PmNode => ({ type: 'tableRow', content: cells });
const table = (...rows: PmNode[]): PmNode => ({ type: 'table', content: rows });
const layout = (rows: ReturnType<typeof cellRows>) =>
	rows.map((r) => ({
		header: r.header,
		cells: r.cells.map((c) => [c.x, c.width, c.header, c.paragraphs.map((p) => p[0]?.text)])
	}));

describe('the layout of a PDF table', () => {
	it('gives equal columns, marks header rows and keeps each cell’s paragraphs', () => {
		const rows = cellRows(
			table(
				row(cell('tableHeader', 'Körperschaft'), cell('tableHeader', 'Zusage')),
				row(cell('tableHeader', 'Kamen'), {
					type: 'tableCell',
					content: [
						{ type: 'paragraph', content: [{ type: 'text', text: 'Eins' }] },
						{
							type: 'bulletList',
							content: [
								{
									type: 'listItem',
									content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Zwei' }] }]
								}
							]
						}
					]
				})
			),
			400
		);
		expect(layout(rows)).toEqual([
			{
				header: true,
				cells: [
					[0, 200, true, ['Körperschaft']],
					[200, 200, true, ['Zusage']]
				]
			},
			{
				header: false,
				cells: [
					[0, 200, true, ['Kamen']],
					[200, 200, false, ['Eins', 'Zwei']]
				]
			}
		]);
	});

	it('follows the editor’s column widths, joins spanned columns and skips covered ones', () => {
		const rows = cellRows(
			table(
				row(
					cell('tableCell', 'a', { colwidth: [100] }),
					cell('tableCell', 'b', { colwidth: [300], rowspan: 2 })
				),
				row(cell('tableCell', 'c')),
				row(cell('tableCell', 'd', { colspan: 2, colwidth: [100, 300] }))
			),
			200
		);
		expect(layout(rows).map((r) => r.cells)).toEqual([
			[
				[0, 50, false, ['a']],
				[50, 150, false, ['b']]
			],
			[[0, 50, false, ['c']]],
			[[0, 200, false, ['d']]]
		]);
	});

	it('leaves out what is not a row and a table without rows', () => {
		expect(cellRows(table(), 300)).toEqual([]);
		expect(cellRows({ type: 'table', content: [{ type: 'paragraph' }] }, 300)).toEqual([]);
	});
});
