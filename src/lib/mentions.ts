// Mentions in comments: "@Anna Schmidt" names a person who may read the document. The server
// reads them to send mails, the page to highlight them and to offer names while typing; both
// use these functions, so what is highlighted is what was mailed.

export interface MentionablePerson {
	id: string;
	name: string;
}

export type MentionSegment = { text: string } | { text: string; userId: string; name: string };

const letterOrDigit = /[\p{L}\p{N}]/u;

function fold(text: string): string {
	return text.normalize('NFC').toLocaleLowerCase('de-DE');
}

/** An "@" starts a mention at the beginning or after something that is not part of a word, so
 * an e-mail address such as anna@kreis-unna.de is no mention. */
function startsMention(body: string, at: number): boolean {
	return body[at] === '@' && (at === 0 || !letterOrDigit.test(body[at - 1]));
}

interface Candidate {
	person: MentionablePerson;
	/** The name and the first name as written, and folded for comparing. */
	name: string;
	firstName: string;
}

/** Whether `name` stands at `from` as a whole word (the next character ends it); the length
 * of the name as written, or 0. */
function standsAt(body: string, from: number, name: string): number {
	if (name === '') return 0;
	const next = body[from + name.length];
	if (next !== undefined && letterOrDigit.test(next)) return 0;
	return fold(body.slice(from, from + name.length)) === fold(name) ? name.length : 0;
}

/**
 * The person an "@" at `at` names: the longest full name that stands there, else a first name
 * only one person has. Two people of that name make it ambiguous: nobody is mentioned.
 */
function personAt(
	body: string,
	at: number,
	candidates: readonly Candidate[]
): { person: MentionablePerson; length: number } | null {
	const from = at + 1;
	for (const part of ['name', 'firstName'] as const) {
		let best: { ids: Set<string>; person: MentionablePerson; length: number } | null = null;
		for (const candidate of candidates) {
			const length = standsAt(body, from, candidate[part]);
			if (length === 0 || (best && length < best.length)) continue;
			if (!best || length > best.length) {
				best = { ids: new Set([candidate.person.id]), person: candidate.person, length };
			} else best.ids.add(candidate.person.id);
		}
		if (best) return best.ids.size === 1 ? best : null;
	}
	return null;
}

/** A comment's text cut into plain text and the mentions in it, in order. */
export function mentionSegments(
	body: string,
	people: readonly MentionablePerson[]
): MentionSegment[] {
	const candidates: Candidate[] = people
		.map((person) => {
			const name = person.name.normalize('NFC').trim().replace(/\s+/g, ' ');
			return { person, name, firstName: name.split(' ')[0] ?? '' };
		})
		.filter((candidate) => candidate.name !== '');
	const normalBody = body.normalize('NFC');
	const segments: MentionSegment[] = [];
	let plainFrom = 0;
	for (let at = 0; at < normalBody.length; at++) {
		if (!startsMention(normalBody, at)) continue;
		const found = personAt(normalBody, at, candidates);
		if (!found) continue;
		if (at > plainFrom) segments.push({ text: normalBody.slice(plainFrom, at) });
		const end = at + 1 + found.length;
		segments.push({
			text: normalBody.slice(at, end),
			userId: found.person.id,
			name: found.person.name
		});
		plainFrom = end;
		at = end - 1;
	}
	if (plainFrom < normalBody.length) segments.push({ text: normalBody.slice(plainFrom) });
	return segments;
}

/** The people a comment mentions, each once, in the order they first appear. */
export function mentionedIds(body: string, people: readonly MentionablePerson[]): string[] {
	const ids = mentionSegments(body, people).flatMap((segment) =>
		'userId' in segment ? [segment.userId] : []
	);
	return [...new Set(ids)];
}

/** The longest name one may type after an "@" before the suggestions give up. */
const maxQueryLength = 60;

/** What is being typed after an "@" just before the caret, if anything: where the "@" is and
 * the words after it. */
export function mentionQuery(
	value: string,
	caret: number
): { start: number; query: string } | null {
	const before = value.slice(0, caret);
	const at = before.lastIndexOf('@');
	if (at < 0 || !startsMention(before, at)) return null;
	const query = before.slice(at + 1);
	if (query.length > maxQueryLength || /[\n@]/.test(query) || /^\s/.test(query)) return null;
	return { start: at, query };
}

/** The people whose name, or a word of it, begins with what was typed; full names first. */
export function mentionSuggestions(
	query: string,
	people: readonly MentionablePerson[],
	limit = 8
): MentionablePerson[] {
	const typed = fold(query.trim());
	const ranked = people.flatMap((person) => {
		const name = fold(person.name);
		if (name.startsWith(typed)) return [{ person, rank: 0 }];
		if (name.split(/\s+/).some((word) => word.startsWith(typed))) return [{ person, rank: 1 }];
		return [];
	});
	return ranked
		.sort((a, b) => a.rank - b.rank || a.person.name.localeCompare(b.person.name, 'de'))
		.slice(0, limit)
		.map(({ person }) => person);
}
