// The board's texts that come from the server: refusals of commands, by their code. Staff pages
// read them through the same German messages, so they stay as they were.
import type { Messages } from '$lib/i18n/messages';
import { waitText } from '$lib/i18n/wait-text';
import type { BoardRefusal, BoardRefusalCode, CardColour } from './types';

const refusalTexts: Record<
	BoardRefusalCode,
	(m: Messages, params: { count: number; seconds: number }) => string
> = {
	invalid: (m) => m.board_refused_invalid(),
	unreadable: (m) => m.board_refused_unreadable(),
	failed: (m) => m.board_refused_failed(),
	card_control_characters: (m) => m.board_refused_card_control_characters(),
	card_empty: (m) => m.board_refused_card_empty(),
	card_too_long: (m, { count }) => m.board_refused_card_too_long({ count }),
	board_gone: (m) => m.board_refused_board_gone(),
	moderator_only: (m) => m.board_refused_moderator_only(),
	event_ended: (m) => m.board_refused_event_ended(),
	locked: (m) => m.board_refused_locked(),
	other_group: (m) => m.board_other_group(),
	column_gone: (m) => m.board_refused_column_gone(),
	board_full: (m) => m.board_refused_board_full(),
	cards_per_author: (m, { count }) => m.board_refused_cards_per_author({ count }),
	card_gone: (m) => m.board_refused_card_gone(),
	own_cards_edit: (m) => m.board_refused_own_cards_edit(),
	own_cards_delete: (m) => m.board_refused_own_cards_delete(),
	own_cards_move: (m) => m.board_refused_own_cards_move(),
	card_in_stack: (m) => m.board_refused_card_in_stack(),
	already_stacked: (m) => m.board_refused_already_stacked(),
	not_in_stack: (m) => m.board_refused_not_in_stack(),
	no_voting: (m) => m.board_refused_no_voting(),
	dots_used: (m, { count }) => m.board_refused_dots_used({ count }),
	no_dot_here: (m) => m.board_refused_no_dot_here(),
	wait_author: (m, { seconds }) => m.board_refused_wait_author({ wait: waitText(m, seconds) }),
	wait_address: (m, { seconds }) => m.board_refused_wait_address({ wait: waitText(m, seconds) }),
	not_sent: (m) => m.board_refused_not_sent()
};

/** A refusal in the reader's language; one without a known code in the server's German. */
export function refusalText(m: Messages, refusal: BoardRefusal): string {
	const text = refusal.code && refusalTexts[refusal.code];
	if (!text) return refusal.message;
	return text(m, { count: refusal.params?.count ?? 0, seconds: refusal.params?.seconds ?? 0 });
}

export function colourLabel(m: Messages, colour: CardColour): string {
	return {
		gelb: m.board_colour_gelb,
		blau: m.board_colour_blau,
		gruen: m.board_colour_gruen,
		rosa: m.board_colour_rosa,
		weiss: m.board_colour_weiss
	}[colour]();
}
