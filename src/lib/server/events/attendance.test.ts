import { describe, expect, it } from 'vitest';
import { runSeeds } from '../db/seeds';
import { createTestDatabase } from '../db/test-database';
import { organisationsSeed } from '../workspace/organisations-seed';
import { eventAttendance } from './attendance';
import { eventsSeed, seededEventSlug } from './events-seed';
import { findEventBySlug } from './events';
import { joinEvent } from './participants';

describe('attendance', () => {
	it('counts every identity of the event as joined, and takes connected from the presence', () => {
		const db = createTestDatabase();
		runSeeds(db, [organisationsSeed(), eventsSeed()]);
		const eventRow = findEventBySlug(db, seededEventSlug)!;
		const profile = {
			displayName: null,
			workingGroupId: null,
			affiliationOrganisationId: null,
			organisationType: null
		};
		expect(eventAttendance(db, { connected: () => 0 }, eventRow.id)).toEqual({
			joined: 0,
			connected: 0
		});
		for (let i = 0; i < 4; i++) joinEvent(db, eventRow.id, profile);
		const asked: string[] = [];
		const presence = {
			connected: (id: string) => {
				asked.push(id);
				return 3;
			}
		};
		expect(eventAttendance(db, presence, eventRow.id)).toEqual({ joined: 4, connected: 3 });
		expect(asked).toEqual([eventRow.id]);
	});
});
