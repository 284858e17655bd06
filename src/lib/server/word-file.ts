// What every Word file the app writes shares: its styles and its properties. Programs that read
// a Word file's structure (LibreOffice's navigator and PDF bookmarks, pandoc, python-docx) need
// the default paragraph style "Normal" that the others are based on, and headings that carry
// their outline level, not only a name; one font for body and headings keeps the look the same
// in every program.
import {
	DocumentDefaults,
	ImportedXmlComponent,
	LineRuleType,
	StyleForCharacter,
	StyleForParagraph,
	type IPropertiesOptions,
	type IStylesOptions
} from 'docx';

/** KERN's typeface. It cannot be embedded, so a reader without it sees a sans-serif fallback. */
export const wordFont = 'Fira Sans';

/** The paragraph style of footer lines: small and grey, the page number field included. */
export const footerStyle = 'Footer';

const textColour = '1A1A1A';
const mutedColour = '4A4F5A';

/** The style of ordinary paragraphs. The docx library cannot mark a style as the default one
 * (w:default), which python-docx and Word need to give ordinary paragraphs a style: so this one
 * is built as plain elements. */
function normalStyle() {
	const style = new ImportedXmlComponent('w:style', {
		'w:type': 'paragraph',
		'w:default': '1',
		'w:styleId': 'Normal'
	});
	style.push(new ImportedXmlComponent('w:name', { 'w:val': 'Normal' }));
	style.push(new ImportedXmlComponent('w:qFormat'));
	return style;
}

/** Word's own style names ("heading 1"), so every program maps them to its built-in styles. */
function heading(level: 1 | 2 | 3, size: number, spaceBefore: number) {
	return new StyleForParagraph({
		id: `Heading${level}`,
		name: `heading ${level}`,
		basedOn: 'Normal',
		next: 'Normal',
		quickFormat: true,
		paragraph: {
			outlineLevel: level - 1,
			keepNext: true,
			keepLines: true,
			spacing: { before: spaceBefore, after: 120 }
		},
		run: { bold: true, size, color: textColour }
	});
}

/** Fresh style objects for each file: the library's components are not meant to be shared. */
export const wordStyles = (): IStylesOptions => ({
	importedStyles: [
		new DocumentDefaults({
			run: { font: wordFont, size: 22, color: textColour, language: { value: 'de-DE' } },
			// 1.15 lines, said as proportional: without the rule LibreOffice takes it as exact and
			// the lines of a large heading overlap.
			paragraph: { spacing: { after: 120, line: 276, lineRule: LineRuleType.AUTO } }
		}),
		normalStyle(),
		new StyleForParagraph({
			id: 'Title',
			name: 'Title',
			basedOn: 'Normal',
			next: 'Normal',
			quickFormat: true,
			paragraph: { keepNext: true, spacing: { after: 240 } },
			run: { bold: true, size: 40, color: textColour }
		}),
		heading(1, 36, 0),
		heading(2, 28, 360),
		heading(3, 24, 240),
		new StyleForParagraph({
			id: 'ListParagraph',
			name: 'List Paragraph',
			basedOn: 'Normal',
			quickFormat: true,
			paragraph: { spacing: { after: 60 } }
		}),
		new StyleForParagraph({
			id: footerStyle,
			name: 'footer',
			basedOn: 'Normal',
			paragraph: { spacing: { after: 0 } },
			run: { size: 16, color: mutedColour }
		}),
		new StyleForCharacter({
			id: 'Hyperlink',
			name: 'Hyperlink',
			run: { color: '1C2A5E', underline: {} }
		}),
		// The library's empty footnote and endnote parts refer to these.
		new StyleForCharacter({
			id: 'FootnoteReference',
			name: 'footnote reference',
			run: { superScript: true }
		}),
		new StyleForCharacter({
			id: 'EndnoteReference',
			name: 'endnote reference',
			run: { superScript: true }
		})
	]
});

export interface WordProperties {
	title: string;
	/** Who the text is from: the Kreis, as the app knows it. */
	organisation: string;
	/** What the file holds of the text: "Fassung 2: Beschluss" or "Aktueller Stand". */
	subject: string;
	/** The one-line description (the footer line). */
	description: string;
	keywords?: string[];
	/** Further named values (Fassung, Stand, Prüfwert), shown in Word's file properties. */
	custom?: Record<string, string>;
}

/** The file's core and custom properties, for the Document options. */
export function wordProperties(properties: WordProperties) {
	return {
		title: properties.title,
		subject: properties.subject,
		creator: properties.organisation,
		lastModifiedBy: properties.organisation,
		description: properties.description,
		keywords: properties.keywords?.join('; '),
		customProperties: [
			{ name: 'Organisation', value: properties.organisation },
			...Object.entries(properties.custom ?? {}).map(([name, value]) => ({ name, value }))
		],
		styles: wordStyles()
	} satisfies Omit<IPropertiesOptions, 'sections'>;
}
