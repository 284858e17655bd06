import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
	hasForbiddenCharacters,
	multiLineText,
	normaliseLineBreaks,
	oneLineText,
	shortened,
	withoutForbiddenCharacters
} from './user-text';

/** What no text of either kind may hold, with a name for the failure message. */
const neverAllowed: Record<string, string> = {
	NUL: '\u0000',
	BEL: '\u0007',
	BS: '\u0008',
	VT: '\u000b',
	FF: '\u000c',
	'CR ohne LF': '\r',
	ESC: '\u001b',
	US: '\u001f',
	DEL: '\u007f',
	'C1 PAD': '\u0080',
	'C1 NEL': '\u0085',
	'C1 APC': '\u009f',
	LRE: '\u202a',
	RLE: '\u202b',
	PDF: '\u202c',
	LRO: '\u202d',
	RLO: '\u202e',
	LRI: '\u2066',
	RLI: '\u2067',
	FSI: '\u2068',
	PDI: '\u2069',
	'LINE SEPARATOR': '\u2028',
	'PARAGRAPH SEPARATOR': '\u2029',
	'Nichtzeichen U+FDD0': '\ufdd0',
	'Nichtzeichen U+FFFE': '\ufffe',
	'Nichtzeichen U+FFFF': '\uffff',
	'Nichtzeichen U+1FFFF': '\u{1ffff}',
	'Nichtzeichen U+10FFFF': '\u{10ffff}',
	'einzelnes hohes Surrogat': '\ud83d',
	'einzelnes tiefes Surrogat': '\ude00'
};

/** Allowed in multi-line texts only. */
const lineBreaksAndMarks: Record<string, string> = {
	LF: '\n',
	TAB: '\t',
	LRM: '\u200e',
	RLM: '\u200f',
	ALM: '\u061c'
};

/** What people at the conference write: umlauts, emoji (with joiners and variation selectors),
 * Arabic and Hebrew right to left, Ukrainian, a soft hyphen, a non-breaking space. */
const realTexts = [
	'Grünflächen für alle Stadtteile – größer, schöner, näher!',
	'Mehr Bänke 🙂👍🏽 und Spielplätze 👩‍👩‍👧‍👦 ❤️',
	'نريد مساحات خضراء أكثر في المدينة',
	'Wir brauchen mehr مساحات خضراء (Grünflächen) in Kamen.',
	'שלום לכולם',
	'Більше зелених зон і безпечних велодоріжок для всіх',
	'Kinder\u00adtages\u00adstätte mit\u00a0Garten',
	'Zero\u200bwidth space und ZWNJ: می\u200cخواهم',
	'Ersatzzeichen \ufffd bleibt'
];

describe('hasForbiddenCharacters', () => {
	it('refuses every control, override, separator, noncharacter and lone surrogate in both kinds', () => {
		for (const [name, character] of Object.entries(neverAllowed)) {
			for (const kind of ['one-line', 'multi-line'] as const) {
				for (const text of [`Leit${character}bild`, character, `Leitbild${character}`]) {
					expect(hasForbiddenCharacters(text, kind), `${name} in ${kind}`).toBe(true);
				}
			}
		}
	});

	it('lets line breaks, tabs and the implicit direction marks into multi-line texts only', () => {
		for (const [name, character] of Object.entries(lineBreaksAndMarks)) {
			expect(hasForbiddenCharacters(`Erste${character}Zweite`, 'multi-line'), name).toBe(false);
			expect(hasForbiddenCharacters(`Erste${character}Zweite`, 'one-line'), name).toBe(true);
		}
	});

	it('keeps umlauts, emoji, Arabic, Hebrew and Ukrainian text in both kinds', () => {
		for (const text of realTexts) {
			expect(hasForbiddenCharacters(text, 'one-line'), text).toBe(false);
			expect(hasForbiddenCharacters(text, 'multi-line'), text).toBe(false);
		}
		expect(hasForbiddenCharacters(realTexts.join('\n'), 'multi-line')).toBe(false);
	});
});

describe('normaliseLineBreaks', () => {
	it('turns CR LF and a lone CR into one line feed', () => {
		expect(normaliseLineBreaks('eins\r\nzwei\rdrei\nvier')).toBe('eins\nzwei\ndrei\nvier');
	});
});

describe('the valibot actions', () => {
	const parse = (schema: v.GenericSchema<string, string>, text: string) => {
		const result = v.safeParse(schema, text);
		return result.success
			? { ok: true, text: result.output }
			: { ok: false, text: result.issues[0].message };
	};
	const line = v.pipe(v.string(), oneLineText('Bitte ohne Steuerzeichen.'));
	const lines = v.pipe(
		v.string(),
		multiLineText('Bitte ohne Steuerzeichen.'),
		v.trim(),
		v.maxLength(5, 'Zu lang.')
	);

	it('refuses with the German message given', () => {
		expect(parse(line, 'Leit\u202ebild')).toEqual({ ok: false, text: 'Bitte ohne Steuerzeichen.' });
		expect(parse(line, 'Leit\nbild')).toEqual({ ok: false, text: 'Bitte ohne Steuerzeichen.' });
		expect(parse(lines, 'a\u2066b')).toEqual({ ok: false, text: 'Bitte ohne Steuerzeichen.' });
		expect(parse(lines, 'a\u0000')).toEqual({ ok: false, text: 'Bitte ohne Steuerzeichen.' });
	});

	it('stores line breaks of a multi-line text as line feeds and counts each once', () => {
		expect(parse(lines, ' a\r\nb\r\nc ')).toEqual({ ok: true, text: 'a\nb\nc' });
		expect(parse(lines, 'a\tb\r\n')).toEqual({ ok: true, text: 'a\tb' });
	});

	it('passes real texts through unchanged', () => {
		for (const text of realTexts) {
			expect(parse(line, text)).toEqual({ ok: true, text });
		}
	});
});

describe('withoutForbiddenCharacters', () => {
	it('leaves out what a one-line text may not hold and keeps the rest', () => {
		expect(withoutForbiddenCharacters('Unser\u202e Leit\u0000bild\u200f 🙂')).toBe(
			'Unser Leitbild 🙂'
		);
		for (const text of realTexts) expect(withoutForbiddenCharacters(text)).toBe(text);
	});
});

describe('shortened', () => {
	it('never cuts an emoji in half', () => {
		expect(shortened('ab🙂', 3)).toBe('ab');
		expect(shortened('ab🙂', 4)).toBe('ab🙂');
		expect(shortened('abcdef', 3)).toBe('abc');
		expect(hasForbiddenCharacters(shortened('🙂'.repeat(10), 7), 'one-line')).toBe(false);
	});
});
