// What people type is shown to others: in lists, on phones, on the projector, in exports. One rule
// for every such text, so that none can hide or reorder what stands around it, ring a terminal's
// bell in a CSV, or break a JSON export. Texts with such characters are refused, not cleaned: the
// person who typed (or pasted) them is told and decides.
import * as v from 'valibot';

/**
 * A one-line text (a name, a title, a question) or a multi-line one (a comment, a card, a note).
 * Only multi-line texts may hold line breaks and tabs.
 */
export type TextKind = 'one-line' | 'multi-line';

/**
 * Never in any text: the control characters (C0, DEL, C1) other than line feed and tab, the bidi
 * embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069: they reorder the text after
 * them, up to the end of the paragraph), the line and paragraph separators, noncharacters and lone
 * surrogates (not encodable as UTF-8: they break exports).
 */
const forbiddenInMultiLine =
	/(?![\n\t])[\p{Cc}\u202a-\u202e\u2066-\u2069\u2028\u2029\p{Noncharacter_Code_Point}\p{Surrogate}]/u;

/**
 * In a one-line text, in addition: line feed and tab, and the implicit direction marks (LRM,
 * RLM, ALM). Those marks cannot reorder letters, so a multi-line text written in Arabic may keep
 * them; in a name or title they would only make two equal-looking entries differ.
 */
const forbiddenInOneLine =
	/[\p{Cc}\p{Bidi_Control}\u2028\u2029\p{Noncharacter_Code_Point}\p{Surrogate}]/u;

const forbidden: Record<TextKind, RegExp> = {
	'one-line': forbiddenInOneLine,
	'multi-line': forbiddenInMultiLine
};

/** Browsers send a textarea's line breaks as CR LF; stored and counted is one line feed. */
export function normaliseLineBreaks(text: string): string {
	return text.replace(/\r\n?/g, '\n');
}

/** True when the text holds a character that no text of this kind may hold. Multi-line texts
 * are checked after `normaliseLineBreaks`: a carriage return left over is refused. */
export function hasForbiddenCharacters(text: string, kind: TextKind): boolean {
	return forbidden[kind].test(text);
}

/** For text nobody typed, such as the words a comment quotes from the document: what may not
 * stand in a one-line text is left out. */
export function withoutForbiddenCharacters(text: string): string {
	return text.replace(new RegExp(forbiddenInOneLine.source, 'gu'), '');
}

/** At most `length` UTF-16 units, without half of an emoji at the cut: a lone surrogate is no
 * character and breaks JSON and UTF-8 exports. */
export function shortened(text: string, length: number): string {
	const cut = text.slice(0, length);
	return /[\ud800-\udbff]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/** A valibot action for a one-line text; `message` is the German refusal, "… ohne
 * Steuerzeichen …". */
export function oneLineText(message: string) {
	return v.check((text: string) => !hasForbiddenCharacters(text, 'one-line'), message);
}

/** A valibot action for a multi-line text: normalises line breaks, then refuses what may not
 * stand in it. Put it before `trim` and `maxLength`, so that a line break counts once. */
export function multiLineText(message: string) {
	return v.rawTransform<string, string>(({ dataset, addIssue, NEVER }) => {
		const text = normaliseLineBreaks(dataset.value);
		if (!hasForbiddenCharacters(text, 'multi-line')) return text;
		addIssue({ message });
		return NEVER;
	});
}
