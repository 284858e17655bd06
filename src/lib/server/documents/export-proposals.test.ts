import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { markedText } from '../proposals/marked-text';
import {
	anchorsAround,
	blockText,
	proposal,
	ydocFromMarkdown
} from '../proposals/proposal-test-support';
import { documentDocx } from './export-docx';
import { documentHtml } from './export-html';
import { documentMarkdown } from './export-markdown';
import { exportFileName, footerLine, type DocumentExport } from './exports';

const exportedAt = new Date('2026-11-25T13:03:00Z');

/** A short Leitbild with a replacement, an insertion, a deletion, two overlapping proposals and
 * an outdated one. */
function exportWithProposals(): DocumentExport {
	const ydoc = ydocFromMarkdown(
		'# Leitbild\n\nWir stärken die Netzwerke im Kreis.\n\nDer Kreis hilft allen Kommunen.\n\nAlter Satz.'
	);
	const first = blockText(ydoc, 1);
	const second = blockText(ydoc, 2);
	const third = blockText(ydoc, 3);
	const outdated = proposal(anchorsAround(third, 'Alter'), { text: 'Neuer' });
	third.insert(0, 'Ein ');
	third.delete(4, 1);
	const { json, proposals } = markedText(ydoc, [
		proposal(anchorsAround(first, 'stärken'), {
			text: 'festigen',
			reason: 'Klarer.'
		}),
		proposal(anchorsAround(first, 'Netzwerke', true), {
			text: ' und Verbünde',
			organisationName: 'Gemeinde Holzwickede',
			authorName: 'Max Beispiel'
		}),
		proposal(anchorsAround(first, ' im Kreis')),
		proposal(anchorsAround(second, 'hilft allen'), { text: 'unterstützt alle' }),
		proposal(anchorsAround(second, 'allen Kommunen'), { text: 'den Städten' }),
		outdated
	]);
	ydoc.destroy();
	return {
		json,
		title: 'Leitbild',
		kind: 'leitbild',
		exportedAt,
		proposals,
		signatureBodies: [{ name: 'Stadt Kamen' }]
	};
}

async function wordXml(buffer: Buffer) {
	const zip = await JSZip.loadAsync(buffer);
	return zip.file('word/document.xml')!.async('string');
}

describe('exports with proposals', () => {
	it('name the choice in the footer and the file name', () => {
		const input = exportWithProposals();
		expect(footerLine(input)).toContain('Aktueller Stand · mit Vorschlägen ·');
		expect(
			exportFileName({ slug: 'leitbild', withProposals: true, date: exportedAt }, 'docx')
		).toBe('leitbild_aktueller-stand_mit-vorschlaegen_2026-11-25.docx');
	});

	it('a DOCX export "with proposals" shows them as tracked changes, attributed', async () => {
		const xml = await wordXml(await documentDocx(exportWithProposals()));
		const insertions = [
			...xml.matchAll(/<w:ins w:id="(\d+)" w:author="([^"]+)" w:date="([^"]+)">(.*?)<\/w:ins>/g)
		];
		const deletions = [
			...xml.matchAll(/<w:del w:id="(\d+)" w:author="([^"]+)" w:date="([^"]+)">(.*?)<\/w:del>/g)
		];
		const text = (inner: string, tag: string) =>
			[...inner.matchAll(new RegExp(`<w:${tag}[^>]*>([^<]*)</w:${tag}>`, 'g'))]
				.map((m) => m[1])
				.join('');
		expect(insertions.map((m) => [m[2], text(m[4], 't')])).toEqual([
			['Stadt Kamen (Erika Muster)', 'festigen'],
			['Gemeinde Holzwickede (Max Beispiel)', ' und Verbünde'],
			['Stadt Kamen (Erika Muster)', 'unterstützt alle']
		]);
		expect(deletions.map((m) => [m[2], text(m[4], 'delText')])).toEqual([
			['Stadt Kamen (Erika Muster)', 'stärken'],
			['Stadt Kamen (Erika Muster)', ' im Kreis'],
			['Stadt Kamen (Erika Muster)', 'hilft allen']
		]);
		expect(insertions[0][3]).toMatch(/^2026-11-20T09:\d\d:00Z$/);
		const ids = [...insertions, ...deletions].map((m) => m[1]);
		expect(new Set(ids).size).toBe(ids.length);
		// The younger of two proposals on the same words is outdated once the older is accepted:
		// Word's "accept all" must not apply both, so it is only in the list.
		expect(xml).not.toContain('den Städten</w:t>');
		expect(xml).toMatch(/Vorschlag 5<\/w:t>.*?nicht im Text eingezeichnet.*?Vorschlag 4/);
		// The list ends the file, the outdated one in it but not in the text; no signature page.
		expect(xml).toContain('Änderungsvorschläge');
		expect(xml).toContain('Ersetzt „stärken“ durch „festigen“.');
		expect(xml).toContain('Begründung: Klarer.');
		expect(xml).toContain('Fügt „ und Verbünde“ ein.');
		expect(xml).toContain('Streicht „ im Kreis“.');
		expect(xml).toMatch(/Vorschlag 6<\/w:t>.*?Ersetzt „Alter“ durch „Neuer“\..*?veraltet/);
		expect(xml).not.toContain('Unterzeichnung');
		expect(xml).not.toContain('>Neuer<');
	});

	it('the clean DOCX export has no tracked changes', async () => {
		const { json: _marked, proposals: _list, ...rest } = exportWithProposals();
		const ydoc = ydocFromMarkdown('Wir stärken die Netzwerke.');
		const xml = await wordXml(
			await documentDocx({ ...rest, json: markedText(ydoc, []).json, proposals: undefined })
		);
		expect(xml).not.toContain('<w:ins');
		expect(xml).not.toContain('<w:del');
		expect(xml).toContain('Unterzeichnung');
	});

	it('the HTML export shows ins and del with a label for each proposal, and the list', () => {
		const html = documentHtml(exportWithProposals());
		expect(html).toContain(
			'<a class="proposal-label" href="#vorschlag-1">Vorschlag 1: Stadt Kamen</a> <del class="proposal"><span class="visually-hidden">[gestrichen:] </span>stärken</del><ins class="proposal"><span class="visually-hidden">[eingefügt:] </span>festigen</ins>'
		);
		expect(html).toContain(
			'<a class="proposal-label" href="#vorschlag-2">Vorschlag 2: Gemeinde Holzwickede</a> <ins class="proposal">'
		);
		// Each proposal is labelled once.
		expect(html.match(/href="#vorschlag-4"/g)).toHaveLength(1);
		expect(html).toContain('<li id="vorschlag-1" value="1">');
		expect(html).toContain('<p>Ersetzt „stärken“ durch „festigen“.</p>');
		expect(html).toMatch(/<li id="vorschlag-6" value="6">[\s\S]*?veraltet/);
		expect(html).not.toContain('Unterzeichnung');
	});

	it('the Markdown export writes CriticMarkup with attribution, and the list', () => {
		const markdown = documentMarkdown(exportWithProposals());
		expect(markdown).toContain(
			'Wir {~~stärken~>festigen~~}{>>Vorschlag 1: Stadt Kamen (Erika Muster)<<} die Netzwerke{++ und Verbünde++}{>>Vorschlag 2: Gemeinde Holzwickede (Max Beispiel)<<}{-- im Kreis--}{>>Vorschlag 3: Stadt Kamen (Erika Muster)<<}.'
		);
		expect(markdown).toContain(
			'Der Kreis {~~hilft allen~>unterstützt alle~~}{>>Vorschlag 4: Stadt Kamen (Erika Muster); Vorschlag 5: Stadt Kamen (Erika Muster) betrifft dieselben Wörter, nicht eingezeichnet<<} Kommunen.'
		);
		expect(markdown).toContain('## Änderungsvorschläge');
		expect(markdown).toMatch(
			/\n- \*\*Vorschlag 1\*\* – Stadt Kamen \(Erika Muster\), 20\.11\.2026, 10:\d\d: ersetzt „stärken“ durch „festigen“\. {2}\n {2}Begründung: Klarer\.\n/
		);
		expect(markdown).toMatch(
			/- \*\*Vorschlag 6\*\* .*ersetzt „Alter“ durch „Neuer“\. {2}\n {2}\*veraltet/
		);
	});

	it('keeps CriticMarkup intact when the words of a proposal contain its delimiters', () => {
		const ydoc = ydocFromMarkdown('Wir stärken die Netzwerke.');
		const { json, proposals } = markedText(ydoc, [
			proposal(anchorsAround(blockText(ydoc, 0), 'stärken'), { text: 'a~~} {++b' })
		]);
		const markdown = documentMarkdown({ json, title: 'Leitbild', kind: 'leitbild', proposals });
		expect(markdown).toContain('{~~stärken~>a\\~\\~\\} \\{++b~~}');
	});
});
