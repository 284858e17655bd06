// What the board channel sends: the server builds these views (server/boards/boards.ts), the
// browser draws them; both import them from here.
export const cardColours = ['gelb', 'blau', 'gruen', 'rosa', 'weiss'] as const;
export type CardColour = (typeof cardColours)[number];

export const cardColourLabels: Record<CardColour, string> = {
	gelb: 'Gelb',
	blau: 'Blau',
	gruen: 'Grün',
	rosa: 'Rosa',
	weiss: 'Weiß'
};

export interface StackedCardView {
	id: string;
	text: string;
	colour: CardColour;
	/** null: anonym */
	authorName: string | null;
	mine: boolean;
}

/** A card on its own or at the top of a stack, with the cards lying on it. */
export interface CardView extends StackedCardView {
	/** The cards lying on this one, oldest first; empty for a card on its own. */
	stack: StackedCardView[];
	/** The stack's counted dots (each person once); null while hidden from this viewer. */
	votes: number | null;
	/** The viewer's dots on the stack. */
	myVotes: number;
	/** Of those, the ones lying doubled in the stack, which do not count. */
	myDoubledVotes: number;
}

/** A moderator's recent change on this board, with an undo while one is possible. */
export interface RecentChange {
	id: number;
	text: string;
	undoable: boolean;
}

export interface BoardView {
	id: string;
	eventId: string;
	title: string;
	question: string;
	locked: boolean;
	dotsPerVoter: number;
	votesRevealed: boolean;
	timerEndsAt: number | null;
	columns: { id: string; title: string; cards: CardView[] }[];
	myDotsLeft: number;
	moderator: boolean;
	/** For moderators: the newest entries of the activity log for this board. */
	recent: RecentChange[];
}

export type BoardCommand = { type: string } & Record<string, unknown>;
