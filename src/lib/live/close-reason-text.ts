import type { Messages } from '$lib/i18n/messages';
import { closeReasonOf, type CloseReason } from './close-reasons';

const texts: Record<CloseReason, (m: Messages) => string> = {
	forbidden: (m) => m.live_closed_no_permission(),
	boardDeleted: (m) => m.live_closed_board_deleted(),
	shortTextOnly: (m) => m.live_closed_short_text_only(),
	gone: (m) => m.live_closed_gone(),
	permissionEnded: (m) => m.live_closed_permission_ended(),
	serverStopping: (m) => m.live_closed_server_stopping(),
	readOnly: (m) => m.live_closed_read_only(),
	tooManyMessages: (m) => m.live_closed_too_many_messages(),
	tooManyForPerson: (m) => m.live_closed_too_many_for_person(),
	tooManyForAddress: (m) => m.live_closed_too_many_for_address()
};

/** Why the server closed a live connection, in the reader's language where it is a known reason. */
export function closeReasonText(m: Messages, reason: string): string {
	const known = closeReasonOf(reason);
	return known ? texts[known](m) : reason;
}
