// Where the cells of a TipTap table (table > tableRow > tableHeader | tableCell > blocks) go in
// the PDF: column widths from the editor's `colwidth` when every column has one, else equal;
// `colspan` joins columns. A cell spanning rows is drawn in its first row and leaves its column
// blank below, so the later rows' cells keep their columns.
import type { PmNode } from '../../editor/pm-node';

export interface CellLayout {
	/** Left edge, from the table's left edge. */
	x: number;
	width: number;
	header: boolean;
	/** The inline content of each of its paragraphs (and headings), in order. */
	paragraphs: PmNode[][];
}

export interface CellRow {
	node: PmNode;
	/** Every cell of the row is a header cell. */
	header: boolean;
	cells: CellLayout[];
}

const span = (cell: PmNode, name: 'colspan' | 'rowspan') => {
	const value = Number(cell.attrs?.[name] ?? 1);
	return Number.isInteger(value) && value > 0 ? value : 1;
};

function textBlocks(node: PmNode): PmNode[][] {
	if (node.type === 'paragraph' || node.type === 'heading') return [node.content ?? []];
	return (node.content ?? []).flatMap(textBlocks);
}

function columnWidths(rows: PmNode[], count: number, width: number): number[] {
	const given: (number | undefined)[] = Array.from({ length: count }, () => undefined);
	for (const row of rows) {
		let column = 0;
		for (const cell of row.content ?? []) {
			const widths = cell.attrs?.colwidth;
			for (let i = 0; i < span(cell, 'colspan'); i++) {
				const value = Array.isArray(widths) ? Number(widths[i]) : NaN;
				if (given[column + i] === undefined && value > 0) given[column + i] = value;
			}
			column += span(cell, 'colspan');
		}
	}
	if (given.some((value) => value === undefined)) return given.map(() => width / count);
	const total = given.reduce<number>((sum, value) => sum + value!, 0);
	return given.map((value) => (value! / total) * width);
}

export function cellRows(table: PmNode, width: number): CellRow[] {
	const rows = (table.content ?? []).filter((row) => row.type === 'tableRow');
	// Columns a cell from an earlier row still covers, with the number of rows left.
	const covered = new Map<number, number>();
	const grid = rows.map((row) => {
		const placed: { column: number; cell: PmNode }[] = [];
		let column = 0;
		for (const cell of row.content ?? []) {
			while ((covered.get(column) ?? 0) > 0) column++;
			placed.push({ column, cell });
			column += span(cell, 'colspan');
		}
		for (const [key, left] of covered) covered.set(key, left - 1);
		for (const { column: start, cell } of placed) {
			for (let i = 0; i < span(cell, 'colspan'); i++) {
				covered.set(start + i, span(cell, 'rowspan') - 1);
			}
		}
		return placed;
	});
	const count = Math.max(
		1,
		...grid.map((placed) =>
			placed.reduce((end, { column, cell }) => Math.max(end, column + span(cell, 'colspan')), 0)
		)
	);
	const widths = columnWidths(rows, count, width);
	const offsets = widths.map((_, i) => widths.slice(0, i).reduce((sum, w) => sum + w, 0));
	return rows.map((row, r) => {
		const cells = grid[r].map(({ column, cell }) => {
			const columns = Math.min(span(cell, 'colspan'), count - column);
			return {
				x: offsets[column],
				width: widths.slice(column, column + columns).reduce((sum, w) => sum + w, 0),
				header: cell.type === 'tableHeader',
				paragraphs: textBlocks(cell)
			};
		});
		return { node: row, header: cells.length > 0 && cells.every((cell) => cell.header), cells };
	});
}
