// Working groups created before boards existed get theirs once; new groups get one at creation.
import { isNull, eq } from 'drizzle-orm';
import { board, workingGroup } from '../db/schema';
import type { Seed } from '../db/seeds';
import { createBoardForGroup } from './boards';

export function boardsSeed(): Seed {
	return {
		name: 'boards',
		run(db) {
			const without = db
				.select({ id: workingGroup.id, eventId: workingGroup.eventId })
				.from(workingGroup)
				.leftJoin(board, eq(board.workingGroupId, workingGroup.id))
				.where(isNull(board.id))
				.all();
			for (const group of without) createBoardForGroup(db, group.eventId, group.id);
		}
	};
}
