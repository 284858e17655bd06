import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { wordFont, wordProperties } from './word-file';

async function parts(properties: Parameters<typeof wordProperties>[0]) {
	const doc = new Document({
		...wordProperties(properties),
		sections: [
			{
				children: [
					new Paragraph({ text: 'Leitbild', heading: HeadingLevel.HEADING_1 }),
					new Paragraph({ text: 'Präambel', heading: HeadingLevel.HEADING_2 }),
					new Paragraph({ text: 'Im Einzelnen', heading: HeadingLevel.HEADING_3 }),
					new Paragraph('Ein gewöhnlicher Absatz.')
				]
			}
		]
	});
	const zip = await JSZip.loadAsync(await Packer.toBuffer(doc));
	const read = (name: string) => zip.file(name)!.async('string');
	return {
		styles: await read('word/styles.xml'),
		document: await read('word/document.xml'),
		core: await read('docProps/core.xml'),
		custom: await read('docProps/custom.xml')
	};
}

/** Each style of styles.xml by id, with what readers look for. */
function styleMap(xml: string) {
	return new Map(
		[...xml.matchAll(/<w:style ([^>]*)>(.*?)<\/w:style>/gs)].map(([, attributes, inner]) => [
			/w:styleId="([^"]+)"/.exec(attributes)![1],
			{
				type: /w:type="([^"]+)"/.exec(attributes)![1],
				isDefault: attributes.includes('w:default="1"'),
				name: /<w:name w:val="([^"]+)"\/>/.exec(inner)?.[1],
				basedOn: /<w:basedOn w:val="([^"]+)"\/>/.exec(inner)?.[1],
				outlineLevel: /<w:outlineLvl w:val="(\d)"\/>/.exec(inner)?.[1]
			}
		])
	);
}

const properties = {
	title: 'Leitbild',
	organisation: 'Kreis Unna',
	subject: 'Fassung 2: Beschluss',
	description: 'Leitbild · Fassung 2: Beschluss · 25.11.2026, 14:03 · Prüfwert a1b2c3d4',
	keywords: ['Leitbild', 'Kreis Unna'],
	custom: { Prüfwert: 'a1b2c3d4' }
};

describe('the base of every Word file', () => {
	it('has a default paragraph style that every paragraph style is based on', async () => {
		const styles = styleMap((await parts(properties)).styles);
		const defaults = [...styles].filter(([, s]) => s.type === 'paragraph' && s.isDefault);
		expect(defaults.map(([id, s]) => [id, s.name])).toEqual([['Normal', 'Normal']]);
		for (const [id, style] of styles) {
			if (style.type !== 'paragraph' || id === 'Normal') continue;
			expect(style.basedOn, id).toBe('Normal');
		}
	});

	it('gives each heading style its outline level and Word’s own name', async () => {
		const { styles, document } = await parts(properties);
		const map = styleMap(styles);
		for (const level of [1, 2, 3]) {
			expect(map.get(`Heading${level}`)).toMatchObject({
				name: `heading ${level}`,
				outlineLevel: String(level - 1)
			});
		}
		// Every style a paragraph or run names exists.
		for (const [, id] of document.matchAll(/<w:[pr]Style w:val="([^"]+)"\/>/g)) {
			expect(map.has(id), id).toBe(true);
		}
	});

	it('declares one font for body and headings', async () => {
		const { styles } = await parts(properties);
		const fonts = new Set(
			[...styles.matchAll(/w:(?:ascii|hAnsi|cs|eastAsia)="([^"]+)"/g)].map((m) => m[1])
		);
		expect([...fonts]).toEqual([wordFont]);
		expect(styles).toMatch(
			/<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts [^>]*w:ascii="Fira Sans"/
		);
		expect(styles).toContain('<w:lang w:val="de-DE"/>');
	});

	it('fills the core properties and names the organisation', async () => {
		const { core, custom } = await parts(properties);
		expect(core).toContain('<dc:title>Leitbild</dc:title>');
		expect(core).toContain('<dc:creator>Kreis Unna</dc:creator>');
		expect(core).toContain('<cp:lastModifiedBy>Kreis Unna</cp:lastModifiedBy>');
		expect(core).toContain('<dc:subject>Fassung 2: Beschluss</dc:subject>');
		expect(core).toContain('<cp:keywords>Leitbild; Kreis Unna</cp:keywords>');
		expect(core).toContain(`<dc:description>${properties.description}</dc:description>`);
		expect(core).toMatch(/<dcterms:created xsi:type="dcterms:W3CDTF">\d{4}-/);
		expect(custom).toMatch(/name="Organisation"><vt:lpwstr>Kreis Unna<\/vt:lpwstr>/);
		expect(custom).toMatch(/name="Prüfwert"><vt:lpwstr>a1b2c3d4<\/vt:lpwstr>/);
	});
});
