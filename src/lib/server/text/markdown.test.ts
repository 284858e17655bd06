import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { markdownBlock, markdownEmphasis, markdownHeading, markdownInline } from './markdown';

// The reference: a CommonMark parser, strictly (no typographer, no linkify, no HTML taming).
const commonmark = new MarkdownIt('commonmark');

/** The block types and the words a reader sees, from the parser's tokens. */
function rendered(source: string) {
	const tokens = commonmark.parse(source, {});
	const blocks = tokens.filter((t) => t.type !== 'inline').map((t) => t.type);
	const inline = tokens.filter((t) => t.type === 'inline').flatMap((t) => t.children ?? []);
	return {
		blocks,
		// Anything but plain text (emphasis, a link, HTML, code) would be the text turned syntax.
		kinds: [...new Set(inline.map((t) => t.type))],
		text: inline.map((t) => t.content).join('')
	};
}

const hostile = [
	'Kommunale Zusammenarbeit ausbauen!',
	'Chan!Ge-Prinzipien',
	'Sozialbericht 2024 erschienen.',
	'<b>Mehr</b> Beteiligung',
	'<div class="x"',
	'<https://example.org>',
	'<1@example.org>',
	'a < b > c',
	'*wichtig* und **sehr**',
	'_betont_ und snake_case_name',
	'5*3*2 = 30',
	'3 * 4',
	'[Link](https://example.org) und ![Bild](x.png)',
	'[Verweis]: https://example.org',
	'`Code` und ``mehr``',
	'C:\\Pfad\\* und \\Ende\\',
	'&amp; &#169; &copy; AT&T & Co',
	'# Überschrift',
	'###### sechs',
	'####### sieben',
	'> Zitat',
	'- Punkt',
	'+ Punkt',
	'* Punkt',
	'1. Erstens',
	'2) Zweitens',
	'2024. Jahr',
	'---',
	'***',
	'___',
	'- - -',
	'~~~ Zaun',
	'``` Zaun',
	'Titel #',
	'C# und F#',
	'#',
	'Zeile eins\nZeile zwei',
	'    eingerückt',
	'Ende mit Stern *',
	'* Anfang mit Stern',
	'„Zitat“ – Gedankenstrich … Emoji 🙂'
];

const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('Markdown text', () => {
	it('escapes nothing that CommonMark reads as text', () => {
		expect(markdownInline('Kommunale Zusammenarbeit ausbauen!')).toBe(
			'Kommunale Zusammenarbeit ausbauen!'
		);
		expect(markdownInline('Chan!Ge-Prinzipien (neu) 1.2.')).toBe('Chan!Ge-Prinzipien (neu) 1.2.');
		expect(markdownBlock('snake_case a < b')).toBe('snake_case a < b');
		expect(markdownHeading('C# und F#')).toBe('C# und F#');
	});

	it('keeps every text a list item, as the words it is', () => {
		for (const text of hostile) {
			expect(rendered(`- ${markdownBlock(text)} (2 Punkte)`), text).toEqual({
				blocks: [
					'bullet_list_open',
					'list_item_open',
					'paragraph_open',
					'paragraph_close',
					'list_item_close',
					'bullet_list_close'
				],
				kinds: ['text'],
				text: `${flat(text)} (2 Punkte)`
			});
		}
	});

	it('keeps every text a paragraph, a heading and an italic line, as the words it is', () => {
		for (const text of hostile) {
			expect(rendered(markdownBlock(text)), text).toEqual({
				blocks: ['paragraph_open', 'paragraph_close'],
				kinds: ['text'],
				text: flat(text)
			});
			expect(rendered(`### ${markdownHeading(text)}`), text).toEqual({
				blocks: ['heading_open', 'heading_close'],
				kinds: ['text'],
				text: flat(text)
			});
			const italic = rendered(markdownEmphasis(text));
			expect(italic.kinds, text).toEqual(['em_open', 'text', 'em_close']);
			expect(italic.text, text).toBe(flat(text));
		}
	});
});
