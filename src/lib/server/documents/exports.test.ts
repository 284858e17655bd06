import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { PmNode } from '../../editor/pm-node';
import { documentDocx } from './export-docx';
import { documentHtml, documentHtmlBody } from './export-html';
import { documentMarkdown } from './export-markdown';
import { exportFileName, footerLine, type DocumentExport } from './exports';
import { markdownToDocument } from './markdown';
import { selbstverpflichtungText } from './seed/selbstverpflichtung';

const exportedAt = new Date('2026-11-25T13:03:00Z');

const text = (value: string, ...marks: PmNode['marks'] & object): PmNode => ({
	type: 'text',
	text: value,
	...(marks.length ? { marks } : {})
});
const para = (...content: PmNode[]): PmNode => ({ type: 'paragraph', content });

const sample: PmNode = {
	type: 'doc',
	content: [
		{ type: 'heading', attrs: { level: 1 }, content: [text('Leitbild')] },
		{ type: 'heading', attrs: { level: 2 }, content: [text('Ziele')] },
		para(
			text('Wir '),
			text('stärken', { type: 'bold' }),
			text(' die '),
			text('Netzwerke', { type: 'italic' }),
			text(' – siehe '),
			text('Bericht', { type: 'link', attrs: { href: 'https://example.org/bericht' } }),
			text('.')
		),
		{ type: 'heading', attrs: { level: 3 }, content: [text('Im Einzelnen')] },
		{
			type: 'bulletList',
			content: [
				{ type: 'listItem', content: [para(text('Erstens'))] },
				{ type: 'listItem', content: [para(text('Zweitens'))] }
			]
		},
		{ type: 'heading', attrs: { level: 2 }, content: [text('Umsetzung')] },
		{
			type: 'orderedList',
			attrs: { start: 1 },
			content: [
				{ type: 'listItem', content: [para(text('Planen'))] },
				{ type: 'listItem', content: [para(text('Handeln'))] }
			]
		},
		{ type: 'blockquote', content: [para(text('Ein Zitat <mit> Zeichen & mehr'))] },
		para(text('- kein Aufzählungspunkt'))
	]
};

const input: DocumentExport = { json: sample, title: 'Leitbild', kind: 'leitbild', exportedAt };

async function wordXml(buffer: Buffer, part = 'word/document.xml') {
	const zip = await JSZip.loadAsync(buffer);
	return zip.file(part)!.async('string');
}

describe('the footer line and file names', () => {
	it('names the current text, or the version with its short hash', () => {
		expect(footerLine(input)).toBe('Leitbild · Aktueller Stand · 25.11.2026, 14:03');
		expect(
			footerLine({
				...input,
				versionName: 'Entwurf für die 1. Entwicklungskonferenz',
				frozenAt: new Date('2026-01-10T09:00:00Z'),
				hash: 'a1b2c3d4e5f60718293a4b5c6d7e8f90'
			})
		).toBe(
			'Leitbild · Entwurf für die 1. Entwicklungskonferenz · 10.01.2026, 10:00 · Prüfwert a1b2c3d4'
		);
	});

	it('builds German file names without spaces or umlauts', () => {
		expect(exportFileName({ slug: 'leitbild', date: exportedAt }, 'docx')).toBe(
			'leitbild_aktueller-stand_2026-11-25.docx'
		);
		expect(
			exportFileName(
				{
					slug: 'selbstverpflichtung',
					bodySlug: 'kamen',
					versionName: 'Fassung Größe',
					date: exportedAt
				},
				'pdf'
			)
		).toBe('selbstverpflichtung_fassung-groesse_kamen_2026-11-25.pdf');
	});
});

describe('the Markdown export', () => {
	it('writes headings with their numbers, numbered passages, lists, marks and links', () => {
		const markdown = documentMarkdown(input);
		expect(markdown).toContain('# Leitbild\n\n## 1 Ziele\n\n');
		expect(markdown).toContain(
			'**1.1** Wir **stärken** die *Netzwerke* – siehe [Bericht](<https://example.org/bericht>).'
		);
		expect(markdown).toContain('### 1.2 Im Einzelnen');
		expect(markdown).toContain('- **1.3** Erstens\n- **1.4** Zweitens');
		expect(markdown).toContain('1. **2.1** Planen\n2. **2.2** Handeln');
		expect(markdown).toContain('> **2.3** Ein Zitat \\<mit\\> Zeichen & mehr');
		expect(markdown).toContain('**2.4** \\- kein Aufzählungspunkt');
		expect(markdown.trimEnd().split('\n').at(-1)).toBe(
			'*Leitbild · Aktueller Stand · 25.11.2026, 14:03*'
		);
	});

	it('round-trips the headings: read back, they have the same levels and texts', () => {
		const json = markdownToDocument(selbstverpflichtungText);
		const headings = (doc: PmNode) =>
			(doc.content ?? [])
				.filter((n) => n.type === 'heading')
				.map((n) => `${n.attrs!.level} ${n.content!.map((t) => t.text).join('')}`);
		const readBack = markdownToDocument(
			documentMarkdown({ json, title: 'x', kind: 'selbstverpflichtung', exportedAt })
		);
		expect(headings(readBack)).toEqual(
			headings(json).map((h, i) => (i === 0 ? h : h.replace(/^2 /, `2 ${i} `)))
		);
	});

	it('adds the title as a heading when the text has none', () => {
		const markdown = documentMarkdown({
			...input,
			json: { type: 'doc', content: [para(text('a'))] }
		});
		expect(markdown.startsWith('# Leitbild\n\n**1** a')).toBe(true);
	});
});

describe('the HTML export', () => {
	it('is a standalone German page with numbered, escaped text and no outside requests', () => {
		const html = documentHtml(input);
		expect(html).toMatch(/^<!doctype html>\n<html lang="de">/);
		expect(html).toContain(
			'<h2 id="nr-1" class="numbered"><span class="passage-number">1</span> Ziele</h2>'
		);
		expect(html).toContain(
			'<strong>stärken</strong> die <em>Netzwerke</em> – siehe <a href="https://example.org/bericht">Bericht</a>'
		);
		expect(html).toContain(
			'<li id="nr-1-3"><p class="numbered"><span class="passage-number">1.3</span> Erstens</p></li>'
		);
		expect(html).toContain('<ol><li id="nr-2-1">');
		expect(html).toContain('Ein Zitat &lt;mit&gt; Zeichen &amp; mehr');
		expect(html).not.toMatch(/<(link|script|img)\b|url\(/);
		expect(html).toContain('Leitbild · Aktueller Stand · 25.11.2026, 14:03');
	});

	it('leaves unsafe links as plain text, in every format', async () => {
		const unsafe: DocumentExport = {
			...input,
			json: {
				type: 'doc',
				content: [para(text('klick', { type: 'link', attrs: { href: 'javascript:alert(1)' } }))]
			}
		};
		const html = documentHtmlBody(unsafe);
		expect(documentMarkdown(unsafe)).not.toContain('javascript:');
		expect(await wordXml(await documentDocx(unsafe))).not.toContain('<w:hyperlink');
		expect(html).not.toContain('javascript:');
		expect(html).toContain('klick');
	});

	it('ends with one signature block per body when asked', () => {
		const html = documentHtmlBody({
			...input,
			signatureBodies: [{ name: 'Kreis Unna' }, { name: 'Stadt Kamen' }]
		});
		expect(html.match(/class="signature"/g)).toHaveLength(2);
		expect(html).toContain('<h3>Stadt Kamen</h3>');
		expect(html).toContain('Amt/Funktion:');
	});
});

describe('the Word export', () => {
	it('is a Word file with heading styles, passage numbers, real lists, marks and links', async () => {
		const xml = await wordXml(await documentDocx(input));
		for (const style of ['Heading1', 'Heading2', 'Heading3']) {
			expect(xml).toContain(`<w:pStyle w:val="${style}"/>`);
		}
		for (const number of ['1', '1.1', '1.2', '1.3', '1.4', '2', '2.1', '2.2', '2.3', '2.4']) {
			expect(xml).toContain(`<w:t xml:space="preserve">${number}</w:t>`);
		}
		// Four list items, each a Word list paragraph (w:numPr).
		expect(xml.match(/<w:numPr>/g)).toHaveLength(4);
		expect(xml).toMatch(/<w:b\/>.*?stärken/);
		expect(xml).toMatch(/<w:i\/>.*?Netzwerke/);
		expect(xml).toContain('<w:hyperlink');
		const rels = await wordXml(await documentDocx(input), 'word/_rels/document.xml.rels');
		expect(rels).toContain('Target="https://example.org/bericht"');
		expect(xml).not.toContain('Unterzeichnung');
	});

	it('carries the title, version, date and short hash in the footer', async () => {
		const buffer = await documentDocx({
			...input,
			versionName: 'Beschlussfassung',
			frozenAt: exportedAt,
			hash: 'ffeeddccbbaa99887766'
		});
		const zip = await JSZip.loadAsync(buffer);
		const footers = await Promise.all(
			Object.keys(zip.files)
				.filter((name) => /^word\/footer\d*\.xml$/.test(name))
				.map((name) => zip.file(name)!.async('string'))
		);
		expect(footers.join('')).toContain(
			'Leitbild · Beschlussfassung · 25.11.2026, 14:03 · Prüfwert ffeeddcc'
		);
	});

	it('ends with a signature page, one block per body', async () => {
		const xml = await wordXml(
			await documentDocx({
				...input,
				kind: 'selbstverpflichtung',
				signatureBodies: [{ name: 'Kreis Unna' }, { name: 'Stadt Kamen' }]
			})
		);
		expect(xml).toContain('<w:pageBreakBefore/>');
		expect(xml).toContain('Unterzeichnung');
		expect(xml).toContain('Stadt Kamen');
		expect(xml.match(/Amt\/Funktion:/g)).toHaveLength(2);
	});
});
