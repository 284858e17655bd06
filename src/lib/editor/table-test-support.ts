// Tables as the editor writes them, for tests: a header row of header cells (if given), then body
// rows, each cell one paragraph of plain text.
import type { PmNode } from './pm-node';

const cell = (type: string, text: string): PmNode => ({
	type,
	attrs: { colspan: 1, rowspan: 1, colwidth: null },
	content: [{ type: 'paragraph', ...(text ? { content: [{ type: 'text', text }] } : {}) }]
});

export function tableRow(texts: string[], type = 'tableCell'): PmNode {
	return { type: 'tableRow', content: texts.map((text) => cell(type, text)) };
}

export function table(header: string[] | null, rows: string[][]): PmNode {
	return {
		type: 'table',
		content: [...(header ? [tableRow(header, 'tableHeader')] : []), ...rows.map((r) => tableRow(r))]
	};
}
