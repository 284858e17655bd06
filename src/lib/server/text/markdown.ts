// Typed text inside a Markdown document. Escaped is only what CommonMark would read as syntax,
// where it would: "ausbauen!" and "Chance-Prinzipien" stay as they are, "<b>", "*wichtig*",
// "[Link](x)" and a card starting with "1. " or "# " come out as the words they are. Line
// breaks become spaces: every text stands on one line of its own block.

const asciiPunctuation = /[!-/:-@[-`{-~]/;
const whitespace = /\s/u;
const punctuation = /[\p{P}\p{S}]/u;

/** Whether a run of * or _ could open or close emphasis, by its neighbours (CommonMark 6.2). */
function mayEmphasise(run: string, before: string, after: string): boolean {
	const space = (c: string) => whitespace.test(c);
	const punct = (c: string) => punctuation.test(c);
	const left = !space(after) && (!punct(after) || space(before) || punct(before));
	const right = !space(before) && (!punct(before) || space(after) || punct(after));
	if (run[0] === '*') return left || right;
	// An underscore inside a word ("snake_case") never emphasises.
	return (left && (!right || punct(before))) || (right && (!left || punct(after)));
}

/** Text within a line: only what would start or end inline syntax there. `around` is what
 * stands right before and after the text: a space, or the delimiter it is wrapped in. */
export function markdownInline(text: string, around = ' '): string {
	const flat = text.replace(/\s+/gu, ' ').trim();
	let out = '';
	for (let i = 0; i < flat.length; i++) {
		const c = flat[i];
		const rest = flat.slice(i + 1);
		if (c === '*' || c === '_') {
			let end = i;
			while (flat[end + 1] === c) end++;
			const run = flat.slice(i, end + 1);
			out += mayEmphasise(run, flat[i - 1] ?? around, flat[end + 1] ?? around)
				? run.replace(/./g, '\\$&')
				: run;
			i = end;
			continue;
		}
		const escape =
			(c === '\\' && (rest === '' || asciiPunctuation.test(rest[0]))) ||
			c === '`' ||
			// Without a "]" after it, a "[" starts no link, image or reference.
			(c === '[' && rest.includes(']')) ||
			// Raw HTML, HTML blocks and autolinks all begin like this.
			(c === '<' && (/^[A-Za-z/!?]/.test(rest) || rest.includes('>'))) ||
			(c === '&' && /^#?[0-9A-Za-z]+;/.test(rest));
		out += escape ? `\\${c}` : c;
	}
	return out;
}

/** Text that begins a block (a paragraph, a list item): also what would open another block. */
export function markdownBlock(text: string): string {
	const inline = markdownInline(text);
	const thematicBreak = /^([-*_])(?: *\1){2,} *$/;
	if (thematicBreak.test(inline)) return `\\${inline}`;
	return inline
		.replace(/^(#{1,6}(?= |$)|>|[-+*](?= |$)|~(?=~~))/, '\\$1')
		.replace(/^(\d{1,9})([.)])(?= |$)/, '$1\\$2');
}

/** A heading's text: also a closing run of "#", which the heading would drop. */
export function markdownHeading(text: string): string {
	return markdownInline(text).replace(
		/(^| )(#+) *$/,
		(_, space: string, hashes: string) => `${space}\\${hashes}`
	);
}

/** Text in italics, as the page sets a board's question. */
export function markdownEmphasis(text: string): string {
	return `*${markdownInline(text, '*')}*`;
}
