// Tables in every export: read back by pandoc as tables, with their header row, the passage
// numbers of their rows, and proposals in cells.
import { execFileSync } from 'node:child_process';
import JSZip from 'jszip';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { documentFragment } from '../../editor/extensions';
import type { PmNode } from '../../editor/pm-node';
import { table } from '../../editor/table-test-support';
import { markedText } from '../proposals/marked-text';
import { anchorsAround, proposal } from '../proposals/proposal-test-support';
import { plainText, yjsUpdateFromJSON } from './document-state';
import { documentDocx } from './export-docx';
import { documentHtmlBody } from './export-html';
import { documentMarkdown } from './export-markdown';
import type { DocumentExport } from './exports';

const exportedAt = new Date('2026-11-25T13:03:00Z');

const heading = (text: string): PmNode => ({
	type: 'heading',
	attrs: { level: 2 },
	content: [{ type: 'text', text }]
});

const commitments = table(
	['Kommune', 'Zusage'],
	[
		['Bergkamen', 'Beratung vor Ort'],
		['Kamen', 'Runder Tisch | monatlich']
	]
);
// A line break inside a cell.
commitments.content![2].content![1].content![0].content!.push(
	{ type: 'hardBreak' },
	{ type: 'text', text: 'ab 2027' }
);

const input: DocumentExport = {
	json: { type: 'doc', content: [heading('Zusagen'), commitments] },
	title: 'Selbstverpflichtung',
	kind: 'selbstverpflichtung',
	exportedAt
};

function pandoc(from: string, to: string, content: string | Buffer): string {
	return execFileSync('pandoc', ['-f', from, '-t', to], { input: content }).toString();
}

describe('tables in the exports', () => {
	it('writes a GFM table: header row, numbered rows, escaped pipes, line breaks as <br>', () => {
		const markdown = documentMarkdown(input);
		expect(markdown).toContain(
			[
				'| Kommune | Zusage |',
				'| --- | --- |',
				'| **1.1** Bergkamen | Beratung vor Ort |',
				'| **1.2** Kamen | Runder Tisch \\| monatlich<br>ab 2027 |'
			].join('\n')
		);
		const html = pandoc('gfm', 'html', markdown);
		expect(html).toContain('<th>Kommune</th>');
		expect(html).toContain('<td><strong>1.2</strong> Kamen</td>');
		expect(html).toContain('<td>Runder Tisch | monatlich<br>ab 2027</td>');
	});

	it('gives a table without header row the empty one GFM requires', () => {
		const markdown = documentMarkdown({
			...input,
			json: { type: 'doc', content: [table(null, [['a', 'b']])] }
		});
		expect(markdown).toContain('|  |  |\n| --- | --- |\n| **1** a | b |');
	});

	it('writes an HTML table with column headers, numbered rows and its own scroll region', () => {
		const body = documentHtmlBody(input);
		expect(body).toContain(
			'<div class="table-scroll" role="region" aria-label="Tabelle" tabindex="0">'
		);
		expect(body).toContain(
			'<thead>\n<tr><th scope="col"><p>Kommune</p></th><th scope="col"><p>Zusage</p></th></tr>\n</thead>'
		);
		expect(body).toContain(
			'<tr id="nr-1-1"><td><p class="numbered"><span class="passage-number">1.1</span> Bergkamen</p></td>'
		);
		expect(body).toContain('Runder Tisch | monatlich<br>ab 2027');
	});

	it('writes a Word table whose header row repeats, read back by pandoc as a table', async () => {
		const docx = await documentDocx(input);
		const xml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
		expect(xml.match(/<w:tblHeader\/>/g)).toHaveLength(1);
		// pandoc writes a table with a line break in a cell as HTML even to GFM: read it as HTML.
		const html = pandoc('docx', 'html', docx).replace(/\s+/g, ' ');
		expect(html).toMatch(
			/<thead> <tr class="header"> <th>Kommune<\/th> <th>Zusage<\/th> <\/tr> <\/thead> <tbody> <tr class="odd"> <td><strong>1\.1<\/strong> Bergkamen<\/td> <td>Beratung vor Ort<\/td> <\/tr>/
		);
		expect(html).toContain('<td>Runder Tisch | monatlich<br /> ab 2027</td>');
		const plainTable = await documentDocx({
			...input,
			json: { type: 'doc', content: [table(['A', 'B'], [['eins', 'zwei']])] }
		});
		expect(pandoc('docx', 'gfm', plainTable)).toContain('| **1** eins | zwei |');
	});

	it('marks proposals inside cells in every export with proposals', async () => {
		const ydoc = new Y.Doc();
		Y.applyUpdate(ydoc, yjsUpdateFromJSON(input.json));
		const tableElement = ydoc.getXmlFragment(documentFragment).get(1) as Y.XmlElement;
		const kamenRow = tableElement.get(2) as Y.XmlElement;
		const cellText = ((kamenRow.get(1) as Y.XmlElement).get(0) as Y.XmlElement).get(0) as Y.XmlText;
		const { json, proposals } = markedText(ydoc, [
			proposal(anchorsAround(cellText, 'Runder Tisch'), { text: 'Arbeitskreis' })
		]);
		ydoc.destroy();
		const marked: DocumentExport = { ...input, json, proposals };

		expect(documentMarkdown(marked)).toContain(
			'| **1.2** Kamen | {~~Runder Tisch~>Arbeitskreis~~}{>>Vorschlag 1: Stadt Kamen (Erika Muster)<<} \\| monatlich<br>ab 2027 |'
		);
		expect(documentHtmlBody(marked)).toMatch(
			/<td><p>.*<del class="proposal">.*Runder Tisch<\/del>.*<ins class="proposal">.*Arbeitskreis<\/ins> \| monatlich/
		);
		const xml = await (
			await JSZip.loadAsync(await documentDocx(marked))
		)
			.file('word/document.xml')!
			.async('string');
		expect(xml).toMatch(
			/<w:tc>(?:(?!<\/w:tc>).)*<w:del [^>]*w:author="Stadt Kamen \(Erika Muster\)"(?:(?!<\/w:tc>).)*Runder Tisch/s
		);
		expect(xml).toMatch(/<w:tc>(?:(?!<\/w:tc>).)*<w:ins [^>]*>(?:(?!<\/w:tc>).)*Arbeitskreis/s);
	});

	it('keeps rows on their lines and cells apart in the plain text of a version', () => {
		expect(plainText(input.json)).toBe(
			'Zusagen\nKommune\tZusage\nBergkamen\tBeratung vor Ort\nKamen\tRunder Tisch | monatlich\nab 2027'
		);
	});
});
