// What the document page shows of the conference: the results of the chosen events, and the
// links of the passages to them. Shared by the server, which fills them, and the editor.
export type SourceRef =
	| { kind: 'card'; cardId: string }
	| { kind: 'poll-option'; questionId: string; optionIndex: number }
	| { kind: 'poll-answer'; answerId: string };

export interface LinkFields {
	linkId: number;
	blockId: string;
	eventId: string;
	/** For the link to the results in context. */
	eventSlug: string;
	eventTitle: string;
	linkedAt: number;
}

export interface CardSourceView extends LinkFields {
	kind: 'card';
	cardId: string;
	text: string;
	/** Only the name written on the card; null for "anonym". */
	authorName: string | null;
	workingGroup: string;
	column: string;
	/** The dots of the card's stack, as the board counts them. */
	dots: number;
	boardId: string;
}

export interface PollOptionSourceView extends LinkFields {
	kind: 'poll-option';
	questionId: string;
	optionIndex: number;
	prompt: string;
	option: string;
	/** People who chose the option (for a ranking: who put it first). */
	votes: number;
	/** People who answered the question. */
	total: number;
}

export interface PollAnswerSourceView extends LinkFields {
	kind: 'poll-answer';
	answerId: string;
	questionId: string;
	prompt: string;
	/** Null while a moderator hides the answer. */
	text: string | null;
}

export type PassageSourceView = CardSourceView | PollOptionSourceView | PollAnswerSourceView;

/** One string per source, the same as the database's `target` column. */
export function sourceKey(source: SourceRef): string {
	switch (source.kind) {
		case 'card':
			return source.cardId;
		case 'poll-option':
			return `${source.questionId}:${source.optionIndex}`;
		case 'poll-answer':
			return source.answerId;
	}
}

export interface CatalogueCard {
	cardId: string;
	text: string;
	/** Only the name written on the card; null for "anonym". */
	authorName: string | null;
	column: string;
	dots: number;
}

export interface CatalogueGroup {
	title: string;
	boardId: string;
	columns: string[];
	/** Most dots first. */
	cards: CatalogueCard[];
}

export interface CatalogueOption {
	optionIndex: number;
	label: string;
	votes: number;
}

export interface CatalogueQuestion {
	questionId: string;
	prompt: string;
	kind: 'options' | 'answers';
	/** People who answered. */
	total: number;
	/** For choice and ranking questions, most votes first. */
	options: CatalogueOption[];
	/** For open questions: the answers not hidden by the moderation. */
	answers: { answerId: string; text: string }[];
}

/** One event's results, as the panel "Aus der Konferenz" lists them. */
export interface EventCatalogue {
	eventId: string;
	slug: string;
	title: string;
	groups: CatalogueGroup[];
	questions: CatalogueQuestion[];
}

/** "1 Quelle", "2 Quellen". */
export function sourcesCount(count: number): string {
	return count === 1 ? '1 Quelle' : `${count} Quellen`;
}

export function dotsText(dots: number): string {
	return dots === 1 ? '1 Punkt' : `${dots} Punkte`;
}
