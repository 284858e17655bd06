// What the board channel sends; mirrors src/lib/server/boards/boards.ts for the browser.
export type CardColour = 'gelb' | 'blau' | 'gruen' | 'rosa' | 'weiss';

export const cardColourLabels: Record<CardColour, string> = {
	gelb: 'Gelb',
	blau: 'Blau',
	gruen: 'Grün',
	rosa: 'Rosa',
	weiss: 'Weiß'
};

export interface CardView {
	id: string;
	text: string;
	colour: CardColour;
	authorName: string | null;
	mine: boolean;
	votes: number | null;
	myVotes: number;
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
}

export type BoardCommand = { type: string } & Record<string, unknown>;
