// What the board channel sends: the server builds these views (server/boards/boards.ts), the
// browser draws them; both import them from here.
export const cardColours = ['gelb', 'blau', 'gruen', 'rosa', 'weiss'] as const;
export type CardColour = (typeof cardColours)[number];

/**
 * Why the server refused a command, for the browser to say in the reader's language; the
 * refusal carries the German sentence too, which is shown where a refusal has no code (the
 * moderation's commands, whose panel speaks German).
 */
export const boardRefusalCodes = [
	'invalid',
	'unreadable',
	'failed',
	'card_control_characters',
	'card_empty',
	'card_too_long',
	'board_gone',
	'moderator_only',
	'event_ended',
	'locked',
	'other_group',
	'column_gone',
	'board_full',
	'cards_per_author',
	'card_gone',
	'own_cards_edit',
	'own_cards_delete',
	'own_cards_move',
	'card_in_stack',
	'already_stacked',
	'not_in_stack',
	'no_voting',
	'dots_used',
	'no_dot_here',
	'wait_author',
	'wait_address',
	// Not from the server: the browser had no connection to send the command on.
	'not_sent'
] as const;
export type BoardRefusalCode = (typeof boardRefusalCodes)[number];

/** Numbers a refusal's sentence names: a maximum, a count, or seconds to wait. */
export type BoardRefusalParams = { count?: number; seconds?: number };

export interface BoardRefusal {
	/** The German sentence. */
	message: string;
	code?: BoardRefusalCode;
	params?: BoardRefusalParams;
}

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
