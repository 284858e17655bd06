// Numbers and quotations in German sentences, for every page and message: the one place for the
// plural rule and for quotation marks inside quotation marks.

const numberFormat = new Intl.NumberFormat('de-DE');

/**
 * A number with its words in the singular for 1 and the plural otherwise (0 too): "1 Antwort",
 * "2 Antworten", "1 weiterer Eintrag", "1.250 Teilnehmende".
 */
export function count(n: number, one: string, many: string): string {
	return `${numberFormat.format(n)} ${n === 1 ? one : many}`;
}

/**
 * Text in German quotation marks. Quotation marks in the text itself become single ones, so a
 * quotation never sits in another of the same kind: „Fassung ‚Entwurf‘“, not „Fassung „Entwurf““.
 */
export function quoted(text: string): string {
	const inner = text
		.replace(/“([^“”]*)”/g, '‚$1‘')
		.replace(/"([^"]*)"/g, '‚$1‘')
		.replace(/„/g, '‚')
		.replace(/[“”"]/g, '‘');
	return `„${inner}“`;
}

/** The bodies whose name begins with what they are, and the article that kind takes. */
const articles: [RegExp, string][] = [
	[/^\S*(stadt|gemeinde)$/i, 'die'],
	[/^\S*kreis$/i, 'den'],
	[/^amt$/i, 'das']
];

/**
 * A body's name after "für": with the article its kind needs ("die Stadt Bergkamen", "den Kreis
 * Unna", "die Gemeinde Bönen"); a name that is a proper name alone stands without one.
 */
export function forBody(name: string): string {
	const first = name.split(/\s/)[0];
	const article = articles.find(([kind]) => kind.test(first))?.[1];
	return `für ${article ? `${article} ${name}` : name}`;
}
