// Which boards a participant writes on: their own group's where the event says so
// (policy.ts, writesOnBoard). The others stay readable; commands on them are refused with this
// message, and the board page says it before anyone tries.
import { eq } from 'drizzle-orm';
import type { AppDatabase } from '../db/database';
import { event, participant, type BoardRow } from '../db/schema';
import { writesOnBoard } from '../policy';
import type { Viewer } from './boards';

export const otherGroupsBoard =
	'Auf dieser Pinnwand schreibt eine andere Arbeitsgruppe. Sie können sie lesen; Karten und Punkte geben Sie auf der Pinnwand Ihrer Gruppe.';

/** Why the viewer only reads this board; null where they may write on it. */
export function readOnlyReason(
	db: AppDatabase,
	board: Pick<BoardRow, 'workingGroupId'>,
	viewer: Pick<Viewer, 'kind' | 'key'>
): string | null {
	if (viewer.kind !== 'participant') return null;
	// Read now, not when the socket opened: a participant may have changed groups since.
	const found = db
		.select({
			workingGroupId: participant.workingGroupId,
			ownGroupBoardsOnly: event.ownGroupBoardsOnly
		})
		.from(participant)
		.innerJoin(event, eq(event.id, participant.eventId))
		.where(eq(participant.id, viewer.key))
		.get();
	if (!found) return null;
	return writesOnBoard({ kind: 'participant', workingGroupId: found.workingGroupId }, board, found)
		? null
		: otherGroupsBoard;
}
