// What the board channel sends; mirrors src/lib/server/boards/boards.ts for the browser.
export type CardColour = 'gelb' | 'blau' | 'gruen' | 'rosa' | 'weiss';

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
	authorName: string | null;
	mine: boolean;
}

/** A card on its own or at the top of a stack, with the cards lying on it. */
export interface CardView extends StackedCardView {
	stack: StackedCardView[];
	/** The stack's dots, each person once; null while hidden from this viewer. */
	votes: number | null;
	myVotes: number;
	/** The viewer's dots lying doubled in the stack, which do not count. */
	myDoubledVotes: number;
}

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
	recent: RecentChange[];
}

export type BoardCommand = { type: string } & Record<string, unknown>;
