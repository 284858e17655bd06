import { describe, expect, it } from 'vitest';
import { touchVisit, previousVisitEnd, visitGapMs } from '../accounts/visits';
import { user } from '../db/schema';
import { createTestDatabase } from '../db/test-database';
import { changesSince, editSessionGapMs, editSessionRecorder, listActivity } from './activity';
import { createDocument } from './documents';

function withUser(db: ReturnType<typeof createTestDatabase>, id: string) {
	db.insert(user)
		.values({ id, email: `${id}@test.de`, name: id, passwordHash: 'x' })
		.run();
}

describe('editing sessions', () => {
	it('folds changes close together into one session and starts another after a pause', () => {
		const db = createTestDatabase();
		withUser(db, 'anna');
		const doc = createDocument(db, { title: 'T', kind: 'sonstiges', createdBy: null });
		const recorder = editSessionRecorder(db);
		const start = new Date('2026-11-25T09:00:00Z').getTime();
		for (let i = 0; i < 10; i++) recorder.note(doc.id, 'anna', new Date(start + i * 20_000));
		recorder.note(doc.id, 'anna', new Date(start + 180_000 + editSessionGapMs + 1));
		recorder.flush();
		const sessions = listActivity(db, doc.id).reverse();
		expect(sessions.map((s) => [s.kind, s.changes])).toEqual([
			['edit', 10],
			['edit', 1]
		]);
		expect(sessions[0].endedAt.getTime() - sessions[0].startedAt.getTime()).toBe(180_000);
	});

	it('continues a session a restarted server finds in the database', () => {
		const db = createTestDatabase();
		withUser(db, 'anna');
		const doc = createDocument(db, { title: 'T', kind: 'sonstiges', createdBy: null });
		const at = new Date('2026-11-25T09:00:00Z').getTime();
		editSessionRecorder(db).note(doc.id, 'anna', new Date(at));
		const afterRestart = editSessionRecorder(db);
		afterRestart.note(doc.id, 'anna', new Date(at + 60_000));
		afterRestart.flush();
		expect(listActivity(db, doc.id).map((s) => s.changes)).toEqual([2]);
	});
});

describe('closing a document', () => {
	it('writes and forgets only its own open sessions; a later change continues from the database', () => {
		const db = createTestDatabase();
		withUser(db, 'anna');
		const closing = createDocument(db, { title: 'Zu', kind: 'sonstiges', createdBy: null });
		const open = createDocument(db, { title: 'Offen', kind: 'sonstiges', createdBy: null });
		const recorder = editSessionRecorder(db);
		const at = new Date('2026-11-25T09:00:00Z').getTime();
		for (const doc of [closing, open]) {
			recorder.note(doc.id, 'anna', new Date(at));
			recorder.note(doc.id, 'anna', new Date(at + 10_000));
		}
		recorder.flush(closing.id);
		const changes = (id: string) => listActivity(db, id).map((s) => s.changes);
		// The second change lies within the minute between writes: only the flush stores it.
		expect(changes(closing.id)).toEqual([2]);
		expect(changes(open.id)).toEqual([1]);

		// Forgotten, so the next change reads the session back and goes on counting in it.
		recorder.note(closing.id, 'anna', new Date(at + 20_000));
		recorder.flush(closing.id);
		expect(changes(closing.id)).toEqual([3]);
		recorder.flush();
		expect(changes(open.id)).toEqual([2]);
	});
});

describe('visits', () => {
	it('remembers the end of the previous visit after an hour away', () => {
		const db = createTestDatabase();
		withUser(db, 'ben');
		const first = new Date('2026-11-25T08:00:00Z');
		touchVisit(db, 'ben', first);
		expect(previousVisitEnd(db, 'ben')).toBeNull();
		const later = new Date(first.getTime() + 30 * 60_000);
		touchVisit(db, 'ben', later);
		expect(previousVisitEnd(db, 'ben')).toBeNull();
		touchVisit(db, 'ben', new Date(later.getTime() + visitGapMs + 60_000));
		expect(previousVisitEnd(db, 'ben')).toEqual(later);
	});

	it('lists what others changed since then, not one’s own changes', () => {
		const db = createTestDatabase();
		withUser(db, 'anna');
		withUser(db, 'ben');
		const doc = createDocument(db, { title: 'Leitbild', kind: 'leitbild', createdBy: null });
		const recorder = editSessionRecorder(db);
		recorder.note(doc.id, 'anna', new Date('2026-11-25T10:00:00Z'));
		recorder.note(doc.id, 'ben', new Date('2026-11-25T10:05:00Z'));
		const since = new Date('2026-11-25T09:00:00Z');
		expect(
			changesSince(db, since, 'ben').map((c) => [c.title, c.entries.map((e) => e.userId)])
		).toEqual([['Leitbild', ['anna']]]);
		expect(changesSince(db, new Date('2026-11-25T11:00:00Z'), 'ben')).toEqual([]);
	});
});
