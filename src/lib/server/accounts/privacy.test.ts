import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { commentThreads, createComment } from '../comments/comments';
import type { AppDatabase } from '../db/database';
import {
	auditEntry,
	board,
	boardColumn,
	card,
	document,
	documentActivity,
	eventActivity,
	mailOutbox,
	mailPreference,
	membership,
	organisation,
	session,
	user
} from '../db/schema';
import { runSeeds } from '../db/seeds';
import { boardsSeed } from '../boards/boards-seed';
import { eventsSeed } from '../events/events-seed';
import { organisationsSeed } from '../workspace/organisations-seed';
import { recordChanges } from '../db/changes-test-support';
import { createTestDatabase } from '../db/test-database';
import { createSession } from '../auth/session';
import { verifyPassword } from '../auth/password';
import { findUser, userNames } from './members';
import { anonymisePerson, anonymisedName, personData } from './privacy';

function setUp(db: AppDatabase) {
	runSeeds(db, [organisationsSeed(), eventsSeed(), boardsSeed()]);
	const kamen = db.select().from(organisation).where(eq(organisation.slug, 'kamen')).get()!;
	for (const [id, name, email] of [
		['anna', 'Anna Autorin', 'anna@kamen.test'],
		['admin', 'Ada Admin', 'admin@kreis.test']
	]) {
		db.insert(user).values({ id, name, email, passwordHash: 'x' }).run();
		db.insert(membership)
			.values({ userId: id, organisationId: kamen.id, roles: ['editor'] })
			.run();
	}
	const column = db.select().from(boardColumn).limit(1).get()!;
	db.insert(card)
		.values({
			id: 'karte',
			boardId: column.boardId,
			columnId: column.id,
			text: 'Mehr Beratung vor Ort',
			userId: 'anna',
			authorName: 'Anna Autorin',
			sortOrder: 0
		})
		.run();
	const deleted = {
		id: 'geloescht',
		boardId: column.boardId,
		columnId: column.id,
		text: 'Gelöscht, noch rückholbar',
		userId: 'anna',
		authorName: 'Anna Autorin'
	};
	db.insert(eventActivity)
		.values({
			eventId: db.select().from(board).get()!.eventId,
			boardId: column.boardId,
			actorUserId: 'admin',
			kind: 'card-deleted',
			detail: { text: deleted.text },
			undo: { card: deleted, votes: [], stack: [] }
		})
		.run();
	db.insert(document)
		.values({ id: 'doc', slug: 'leitbild', title: 'Leitbild', kind: 'leitbild' })
		.run();
	db.insert(documentActivity)
		.values({
			documentId: 'doc',
			kind: 'edit',
			userId: 'anna',
			startedAt: new Date(),
			endedAt: new Date(),
			changes: 3
		})
		.run();
	const comment = createComment(db, {
		documentId: 'doc',
		authorId: 'anna',
		anchorStart: 'a',
		anchorEnd: 'b',
		quote: 'Armut',
		body: 'Bitte genauer fassen.'
	});
	expect(comment.ok).toBe(true);
	createSession(db, 'anna');
}

describe('personData', () => {
	it('holds what was stored about the person, without secrets', () => {
		const db = createTestDatabase();
		setUp(db);
		const data = personData(db, 'anna')!;
		expect(data.person).toMatchObject({ name: 'Anna Autorin', email: 'anna@kamen.test' });
		expect(data.mitgliedschaften).toEqual([
			expect.objectContaining({ organisation: 'Stadt Kamen', rollen: ['editor'] })
		]);
		expect(data.kommentare).toEqual([
			expect.objectContaining({ dokument: 'Leitbild', text: 'Bitte genauer fassen.' })
		]);
		expect(data.dokumentverlauf).toEqual(
			expect.arrayContaining([
				expect.objectContaining({ dokument: 'Leitbild', art: 'edit', aenderungen: 3 }),
				expect.objectContaining({ dokument: 'Leitbild', art: 'comment' })
			])
		);
		expect(data.anmeldungen).toHaveLength(1);
		expect(data.karten).toEqual([expect.objectContaining({ text: 'Mehr Beratung vor Ort' })]);
		expect(personData(db, 'admin')!.moderation).toEqual([
			expect.objectContaining({
				was: 'card-deleted',
				angaben: { text: 'Gelöscht, noch rückholbar' }
			})
		]);
		const json = JSON.stringify(data);
		expect(json).not.toContain('passwordHash');
		expect(json).not.toContain('secret');
		expect(personData(db, 'niemand')).toBeUndefined();
	});
});

describe('anonymisePerson', () => {
	it('replaces name and e-mail, ends sessions and memberships, keeps the contributions', async () => {
		const db = createTestDatabase();
		setUp(db);
		for (const [id, userId] of [
			['an-anna', 'anna'],
			['vor-dem-konto', null]
		]) {
			db.insert(mailOutbox)
				.values({
					id: id!,
					kind: 'mention',
					userId,
					recipient: 'anna@kamen.test',
					subject: 'Anna Beispiel wurde erwähnt',
					textBody: '',
					htmlBody: '',
					nextAttemptAt: new Date()
				})
				.run();
		}
		db.insert(mailPreference).values({ userId: 'anna', kind: 'mention', enabled: false }).run();
		const result = anonymisePerson(db, { actorUserId: 'admin', userId: 'anna' });
		expect(result).toEqual({ ok: true });
		expect(db.select().from(mailOutbox).all()).toEqual([]);
		expect(db.select().from(mailPreference).all()).toEqual([]);

		const person = findUser(db, 'anna')!;
		expect(person.name).toBe(anonymisedName);
		expect(person.email).toBe('anna@anonymisiert.invalid');
		expect(person.anonymisedAt).toBeInstanceOf(Date);
		expect(person.deactivatedAt).toBeInstanceOf(Date);
		expect(await verifyPassword(person.passwordHash, 'x')).toBe(false);
		expect(db.select().from(session).where(eq(session.userId, 'anna')).all()).toEqual([]);
		const memberships = db.select().from(membership).where(eq(membership.userId, 'anna')).all();
		expect(memberships.every((m) => m.deactivatedAt)).toBe(true);

		// The contributions stay, and are shown with the new name wherever names are looked up.
		expect(userNames(db, ['anna']).get('anna')).toBe(anonymisedName);
		const [thread] = commentThreads(db, 'doc');
		expect(thread.messages[0]).toMatchObject({
			body: 'Bitte genauer fassen.',
			authorName: anonymisedName
		});
		expect(
			db.select().from(documentActivity).where(eq(documentActivity.userId, 'anna')).all()
		).toHaveLength(2);
		expect(db.select().from(card).where(eq(card.id, 'karte')).get()).toMatchObject({
			text: 'Mehr Beratung vor Ort',
			authorName: anonymisedName
		});
		// The deleted card the activity log keeps for an undo loses the name too.
		expect(db.select().from(eventActivity).get()!.undo).toMatchObject({
			card: { id: 'geloescht', text: 'Gelöscht, noch rückholbar', authorName: anonymisedName }
		});

		const audit = db.select().from(auditEntry).where(eq(auditEntry.subjectUserId, 'anna')).all();
		expect(audit.map((entry) => entry.event)).toContain('person-anonymised');
		expect(JSON.stringify(db.select().from(auditEntry).all())).not.toContain('anna@kamen.test');
	});

	it('refuses oneself, an unknown person and a second time', () => {
		const db = createTestDatabase();
		setUp(db);
		expect(anonymisePerson(db, { actorUserId: 'admin', userId: 'admin' }).ok).toBe(false);
		expect(anonymisePerson(db, { actorUserId: 'admin', userId: 'niemand' }).ok).toBe(false);
		expect(anonymisePerson(db, { actorUserId: 'admin', userId: 'anna' }).ok).toBe(true);
		expect(anonymisePerson(db, { actorUserId: 'admin', userId: 'anna' }).ok).toBe(false);
	});
});

describe('anonymisation changes', () => {
	it('ends the person’s open connections at once', async () => {
		const db = createTestDatabase();
		setUp(db);
		const told = recordChanges(db);
		expect(anonymisePerson(db, { actorUserId: 'admin', userId: 'anna' }).ok).toBe(true);
		expect(await told()).toEqual([{ topic: 'access' }]);
	});
});
