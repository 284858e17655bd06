// Applies CriticMarkup as a reader's tool does, for tests of the Markdown export "mit
// Vorschlägen": "accept all" keeps insertions and new words, "reject all" keeps deletions and old
// words; comments go either way.
const span =
	/\\.|\{--((?:\\.|[^\\])*?)--\}|\{\+\+((?:\\.|[^\\])*?)\+\+\}|\{~~((?:\\.|[^\\])*?)~>((?:\\.|[^\\])*?)~~\}|\{>>((?:\\.|[^\\])*?)<<\}/g;

/** The characters the export escapes inside a CriticMarkup span, back as they were. */
const unescape = (text: string) => text.replace(/\\([{}~])/g, '$1');

export function applyCriticMarkup(markdown: string, decision: 'accept' | 'reject'): string {
	return markdown.replace(
		span,
		(whole, deleted?: string, inserted?: string, before?: string, after?: string) => {
			if (whole.startsWith('\\')) return whole;
			if (deleted !== undefined) return decision === 'accept' ? '' : unescape(deleted);
			if (inserted !== undefined) return decision === 'accept' ? unescape(inserted) : '';
			if (before !== undefined) return unescape(decision === 'accept' ? after! : before);
			return '';
		}
	);
}

export interface CriticChange {
	/** The CriticMarkup span, e.g. "{--Wort--}". */
	change: string;
	/** The comment right after it, if any. */
	comment: string | null;
}

/** Every change span of a text with the comment that follows it. */
export function criticChanges(markdown: string): CriticChange[] {
	const changes: CriticChange[] = [];
	const pattern =
		/\\.|(\{--(?:\\.|[^\\])*?--\}|\{\+\+(?:\\.|[^\\])*?\+\+\}|\{~~(?:\\.|[^\\])*?~>(?:\\.|[^\\])*?~~\})(\{>>((?:\\.|[^\\])*?)<<\})?/g;
	for (const match of markdown.matchAll(pattern)) {
		if (match[1]) changes.push({ change: match[1], comment: match[3] ?? null });
	}
	return changes;
}
