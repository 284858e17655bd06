import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PmNode } from '../../editor/pm-node';
import { documentPdf, pdfMetadata, xmpDescription } from './export-pdf';
import type { DocumentExport } from './exports';
import { markdownToDocument } from './markdown';
import { selbstverpflichtungText } from './seed/selbstverpflichtung';

// Read with the tools an archive's intake uses (poppler, qpdf; installed by .ci/run).
const folder = mkdtempSync(path.join(tmpdir(), 'pdf-export-'));
function saved(buffer: Buffer, name: string): string {
	const file = path.join(folder, name);
	writeFileSync(file, buffer);
	return file;
}
const run = (tool: string, ...args: string[]) => execFileSync(tool, args).toString();
/** pdftotext's words with runs of spaces and line breaks made single spaces. */
const words = (file: string) => run('pdftotext', file, '-').replace(/\s+/g, ' ');

const text = (value: string, ...marks: NonNullable<PmNode['marks']>): PmNode => ({
	type: 'text',
	text: value,
	...(marks.length ? { marks } : {})
});
const para = (...content: PmNode[]): PmNode => ({ type: 'paragraph', content });
const cell = (type: 'tableHeader' | 'tableCell', value: string, attrs = {}): PmNode => ({
	type,
	attrs: { colspan: 1, rowspan: 1, colwidth: null, ...attrs },
	content: [para(text(value))]
});
const row = (...cells: PmNode[]): PmNode => ({ type: 'tableRow', content: cells });

const exportedAt = new Date('2026-11-25T13:03:00Z');

describe('the PDF export', () => {
	it('is PDF/A-2b with embedded fonts, its metadata, numbered passages and a footer', async () => {
		const input: DocumentExport = {
			json: markdownToDocument(selbstverpflichtungText),
			title: 'Gemeinsame Erklärung & Selbstverpflichtung',
			kind: 'selbstverpflichtung',
			versionName: 'Fassung 2: Beschlussfassung',
			frozenAt: exportedAt,
			hash: 'ffeeddccbbaa99887766554433221100',
			signatureBodies: [{ name: 'Stadt Kamen' }, { name: 'Gemeinde Holzwickede' }],
			exportedAt
		};
		const file = saved(await documentPdf(input, 'Kreis Unna'), 'selbstverpflichtung.pdf');

		const fonts = run('pdffonts', file).trim().split('\n').slice(2);
		expect(fonts.length).toBeGreaterThan(0);
		for (const font of fonts) expect(font.split(/\s+/).at(-5)).toBe('yes');

		const info = run('pdfinfo', file);
		expect(info).toMatch(/^Title:\s+Gemeinsame Erklärung & Selbstverpflichtung$/m);
		expect(info).toMatch(/^Author:\s+Kreis Unna$/m);
		expect(info).toMatch(/^Subject:\s+Fassung 2: Beschlussfassung · Prüfwert ffeeddcc$/m);
		expect(info).toMatch(/^Tagged:\s+yes$/m);
		const xmp = run('pdfinfo', '-meta', file);
		expect(xmp).toContain('<pdfaid:part>2</pdfaid:part>');
		expect(xmp).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
		expect(xmp).toContain('Gemeinsame Erklärung &amp; Selbstverpflichtung');

		const all = words(file);
		expect(all).toContain(
			'1 Grundlage 1.1 Wir machen das Leitbild „Chancengerechtigkeit und Armutsfolgenbekämpfung im Kreis Unna“'
		);
		expect(all).toContain('2 Verpflichtungen 2.1 Wir verankern die Bekämpfung');
		expect(all).toContain('2.5 Wir arbeiten mit dem Jobcenter');
		expect(all).toContain('Prüfwert ffeeddcc');
		const pages = Number(/^Pages:\s+(\d+)$/m.exec(info)![1]);
		expect(all).toContain(`Seite 1 von ${pages}`);
		expect(all).toContain(
			'Unterzeichnung Stadt Kamen Ort: Datum: Name: Amt/Funktion: Unterschrift: Gemeinde Holzwickede Ort:'
		);
		expect(run('qpdf', '--check', file)).toContain('No syntax or stream encoding errors found');
	});

	it('draws a table row by row, header cells first, in reading order', async () => {
		const json: PmNode = {
			type: 'doc',
			content: [
				{ type: 'heading', attrs: { level: 2 }, content: [text('Zusagen')] },
				{
					type: 'table',
					content: [
						row(cell('tableHeader', 'Körperschaft'), cell('tableHeader', 'Zusage')),
						row(cell('tableCell', 'Stadt Kamen'), cell('tableCell', 'Eine Stelle benennen')),
						row(cell('tableCell', 'Alle Kommunen gemeinsam', { colspan: 2 }))
					]
				},
				para(
					text('Danach weiter,'),
					{ type: 'hardBreak' },
					text('auf neuer Zeile', { type: 'bold' }),
					{ type: 'hardBreak' },
					{ type: 'hardBreak' },
					text('und nach einer Leerzeile.')
				)
			]
		};
		const file = saved(
			await documentPdf({ json, title: 'Tabelle', kind: 'sonstiges', exportedAt }, 'Kreis Unna'),
			'tabelle.pdf'
		);
		// The header row has no number; each body row is a passage.
		expect(words(file)).toContain(
			'Körperschaft Zusage 1.1 Stadt Kamen Eine Stelle benennen 1.2 Alle Kommunen gemeinsam'
		);
		// A line break in the editor is one in the PDF.
		expect(run('pdftotext', file, '-')).toMatch(
			/Danach weiter,\nauf neuer Zeile\n+und nach einer Leerzeile\./
		);
		// The structure tree: a table of rows of header and data cells, between the blocks.
		const tags = run('pdfinfo', '-struct', file)
			.split('\n')
			.map((line) => /^\s*(\w+)/.exec(line)?.[1])
			.filter((tag) => tag && tag !== 'Scope');
		expect(tags).toEqual([
			'Document',
			'H1',
			'P',
			'H2',
			'Table',
			'TR',
			'TH',
			'TH',
			'TR',
			'TD',
			'TD',
			'TR',
			'TD',
			'P'
		]);
		expect(run('qpdf', '--check', file)).toContain('No syntax or stream encoding errors found');
	});

	it('marks proposals in the text and lists them at the end', async () => {
		const mark = (type: string, number: number) => ({
			type,
			attrs: {
				proposalId: `p${number}`,
				number,
				organisation: 'Stadt Kamen',
				author: 'Erika Muster',
				createdAt: exportedAt.getTime(),
				overlapping: false
			}
		});
		const json: PmNode = {
			type: 'doc',
			content: [
				para(
					text('Wir '),
					text('fördern', mark('proposalDeletion', 1)),
					text('stärken', mark('proposalInsertion', 1)),
					text(' die Netzwerke.')
				)
			]
		};
		const file = saved(
			await documentPdf(
				{
					json,
					title: 'Leitbild',
					kind: 'leitbild',
					exportedAt,
					proposals: [
						{
							id: 'p1',
							number: 1,
							quote: 'fördern',
							text: 'stärken',
							reason: 'Klarer',
							organisationName: 'Stadt Kamen',
							authorName: 'Erika Muster',
							createdAt: exportedAt.getTime(),
							outdated: false,
							overlapping: false
						} as never
					]
				},
				'Kreis Unna'
			),
			'vorschlaege.pdf'
		);
		const all = words(file);
		expect(all).toContain(
			'Wir [Vorschlag 1: Stadt Kamen (Erika Muster)] fördernstärken die Netzwerke.'
		);
		expect(all).toContain('Änderungsvorschläge Vorschlag 1 – Stadt Kamen (Erika Muster)');
		expect(all).toContain('Ersetzt „fördern“ durch „stärken“. Begründung: Klarer');
	});

	it('breaks long texts and tables over pages, keeping headings with their text', async () => {
		const rows = Array.from({ length: 40 }, (_, i) =>
			row(cell('tableCell', `Kommune ${i + 1}`), cell('tableCell', 'Zusage 🙂 mit 漢字'))
		);
		const json: PmNode = {
			type: 'doc',
			content: Array.from({ length: 6 }, (_, section) => [
				{
					type: 'heading',
					attrs: { level: 2 },
					content: [text(`Abschnitt ${section + 1}`)]
				},
				...Array.from({ length: 5 }, () =>
					para(text('Ein Absatz, der so lang ist, dass er mehrere Zeilen füllt. '.repeat(6)))
				)
			]).flat()
		};
		json.content!.splice(8, 0, {
			type: 'table',
			content: [row(cell('tableHeader', 'Kommune'), cell('tableHeader', 'Zusage')), ...rows]
		});
		const file = saved(
			await documentPdf({ json, title: 'Lang', kind: 'sonstiges', exportedAt }, 'Kreis Unna'),
			'lang.pdf'
		);
		const pages = Number(/^Pages:\s+(\d+)$/m.exec(run('pdfinfo', file))![1]);
		expect(pages).toBeGreaterThan(3);
		for (let page = 1; page <= pages; page++) {
			const lines = run('pdftotext', '-f', String(page), '-l', String(page), file, '-')
				.split('\n')
				.map((line) => line.trim())
				.filter(Boolean);
			const footer = lines.lastIndexOf('Lang');
			// The last line of a page's text is never a heading.
			expect(lines[footer - 1], `Seite ${page}`).not.toMatch(/^\d+ Abschnitt|^Abschnitt/);
		}
		// Characters Fira Sans lacks become "?", so no empty glyph is shown.
		expect(words(file)).toContain('Kommune 40 Zusage ? mit ??');
		for (const font of run('pdffonts', file).trim().split('\n').slice(2)) {
			expect(font.split(/\s+/).at(-5)).toBe('yes');
		}
		expect(run('qpdf', '--check', file)).toContain('No syntax or stream encoding errors found');
	});

	it('escapes the metadata in its XMP', () => {
		const meta = pdfMetadata(
			{ json: { type: 'doc' }, title: 'A & B <C>', kind: 'leitbild', exportedAt },
			'Kreis "Unna"'
		);
		const xmp = xmpDescription(meta);
		expect(xmp).toContain('A &amp; B &lt;C&gt;');
		expect(xmp).toContain('Kreis &quot;Unna&quot;');
		expect(meta.subject).toBe('Aktueller Stand');
	});
});
