// When a member was last here, so the start page can show what changed since their last visit.
// A visit ends after an hour without requests; the end of the previous one is remembered.
import { eq } from 'drizzle-orm';
import type { AppDatabase } from '../db/database';
import { memberVisit } from '../db/schema';

export const visitGapMs = 60 * 60 * 1000;
/** A member's requests write their last-seen time at most this often. */
const touchEveryMs = 60 * 1000;

const lastTouched = new Map<string, number>();

/** Notes that a member is here now; a request after an hour away starts a new visit. */
export function touchVisit(db: AppDatabase, userId: string, now = new Date()): void {
	const at = now.getTime();
	const touched = lastTouched.get(userId);
	if (touched !== undefined && at - touched < touchEveryMs) return;
	lastTouched.set(userId, at);
	const row = db.select().from(memberVisit).where(eq(memberVisit.userId, userId)).get();
	if (!row) {
		db.insert(memberVisit).values({ userId, lastSeenAt: now, previousVisitEndedAt: null }).run();
	} else if (at - row.lastSeenAt.getTime() > visitGapMs) {
		db.update(memberVisit)
			.set({ lastSeenAt: now, previousVisitEndedAt: row.lastSeenAt })
			.where(eq(memberVisit.userId, userId))
			.run();
	} else {
		db.update(memberVisit).set({ lastSeenAt: now }).where(eq(memberVisit.userId, userId)).run();
	}
}

/** The end of the member's previous visit: what happened after it is new to them. */
export function previousVisitEnd(db: AppDatabase, userId: string): Date | null {
	return (
		db
			.select({ at: memberVisit.previousVisitEndedAt })
			.from(memberVisit)
			.where(eq(memberVisit.userId, userId))
			.get()?.at ?? null
	);
}
