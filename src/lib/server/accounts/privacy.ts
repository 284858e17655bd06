// A person's rights under the DSGVO, carried out by an admin: everything stored about them as
// JSON (Art. 15, 20), and anonymisation (Art. 17) that keeps their contributions, which belong to
// the shared texts, but ties them to no one.
import { and, eq, isNotNull, isNull, or, sql } from 'drizzle-orm';
import { announce } from '../db/changes';
import { transaction, type AppDatabase } from '../db/database';
import {
	accountLink,
	annotation,
	annotationReply,
	auditEntry,
	card,
	document,
	documentActivity,
	documentVersion,
	eventActivity,
	mailOutbox,
	mailPreference,
	membership,
	memberVisit,
	organisation,
	session,
	user
} from '../db/schema';
import { recordAudit } from './audit';
import { findUser, type Result } from './members';

/** The name an anonymised person is shown with everywhere. */
export const anonymisedName = 'ehemaliges Mitglied';

/** An address that can never receive mail (.invalid is reserved) and stays unique per account. */
function anonymisedEmail(userId: string): string {
	return `${userId}@anonymisiert.invalid`;
}

/** Everything stored about a member, without secrets (no password hash, no session tokens). */
export function personData(db: AppDatabase, userId: string) {
	const person = findUser(db, userId);
	if (!person) return undefined;
	const documentTitle = (id: string) =>
		db.select({ title: document.title }).from(document).where(eq(document.id, id)).get()?.title;
	const threadsOpened = db.select().from(annotation).where(eq(annotation.createdBy, userId)).all();
	const messages = db
		.select({ reply: annotationReply, documentId: annotation.documentId })
		.from(annotationReply)
		.innerJoin(annotation, eq(annotationReply.annotationId, annotation.id))
		.where(eq(annotationReply.authorId, userId))
		.all();
	return {
		exportiertAm: new Date().toISOString(),
		person: {
			id: person.id,
			name: person.name,
			email: person.email,
			angelegtAm: person.createdAt.toISOString(),
			deaktiviertAm: person.deactivatedAt?.toISOString() ?? null,
			anonymisiertAm: person.anonymisedAt?.toISOString() ?? null
		},
		mitgliedschaften: db
			.select({
				organisation: organisation.name,
				rollen: membership.roles,
				seit: membership.createdAt,
				beendetAm: membership.deactivatedAt
			})
			.from(membership)
			.innerJoin(organisation, eq(membership.organisationId, organisation.id))
			.where(eq(membership.userId, userId))
			.all(),
		anmeldungen: db
			.select({ angemeldetAm: session.createdAt, gueltigBis: session.expiresAt })
			.from(session)
			.where(eq(session.userId, userId))
			.all(),
		letzterBesuch:
			db.select().from(memberVisit).where(eq(memberVisit.userId, userId)).get()?.lastSeenAt ?? null,
		kommentare: messages.map(({ reply, documentId }) => ({
			dokument: documentTitle(documentId),
			text: reply.body,
			am: reply.createdAt
		})),
		eroeffneteKommentarfaeden: threadsOpened.map((thread) => ({
			dokument: documentTitle(thread.documentId),
			zitat: thread.quote,
			stand: thread.state,
			am: thread.createdAt
		})),
		dokumentverlauf: db
			.select({
				dokument: document.title,
				art: documentActivity.kind,
				von: documentActivity.startedAt,
				bis: documentActivity.endedAt,
				aenderungen: documentActivity.changes
			})
			.from(documentActivity)
			.innerJoin(document, eq(documentActivity.documentId, document.id))
			.where(eq(documentActivity.userId, userId))
			.all(),
		fassungen: db
			.select({
				dokument: document.title,
				name: documentVersion.name,
				am: documentVersion.createdAt
			})
			.from(documentVersion)
			.innerJoin(document, eq(documentVersion.documentId, document.id))
			.where(eq(documentVersion.createdBy, userId))
			.all(),
		karten: db
			.select({ text: card.text, angezeigterName: card.authorName, am: card.createdAt })
			.from(card)
			.where(eq(card.userId, userId))
			.all(),
		moderation: db
			.select({ am: eventActivity.at, was: eventActivity.kind, angaben: eventActivity.detail })
			.from(eventActivity)
			.where(eq(eventActivity.actorUserId, userId))
			.all(),
		protokoll: db
			.select({ am: auditEntry.at, ereignis: auditEntry.event, ipAdresse: auditEntry.ipAddress })
			.from(auditEntry)
			.where(
				or(
					eq(auditEntry.actorUserId, userId),
					eq(auditEntry.subjectUserId, userId),
					eq(auditEntry.email, person.email)
				)
			)
			.all()
	};
}

export type PersonData = NonNullable<ReturnType<typeof personData>>;

export function recordDataExport(db: AppDatabase, actorUserId: string, userId: string): void {
	recordAudit(db, { event: 'person-data-exported', actorUserId, subjectUserId: userId });
}

/**
 * Anonymises a person for good: name and e-mail replaced, password unusable, every session and
 * open link ended, every membership ended. Their texts, comments and cards stay, shown as
 * "ehemaliges Mitglied", because names are looked up from the account when shown.
 */
export function anonymisePerson(
	db: AppDatabase,
	input: { actorUserId: string; userId: string },
	now = new Date()
): Result {
	const person = findUser(db, input.userId);
	if (!person) return { ok: false, message: 'Diese Person gibt es nicht.' };
	if (person.anonymisedAt) return { ok: false, message: 'Diese Person ist bereits anonymisiert.' };
	if (person.id === input.actorUserId) {
		return { ok: false, message: 'Sie können sich nicht selbst anonymisieren.' };
	}
	transaction(db, (tx) => {
		tx.update(user)
			.set({
				name: anonymisedName,
				email: anonymisedEmail(person.id),
				// Not a hash argon2 can verify: no password opens this account again.
				passwordHash: '!anonymisiert',
				deactivatedAt: person.deactivatedAt ?? now,
				anonymisedAt: now
			})
			.where(eq(user.id, person.id))
			.run();
		tx.update(membership)
			.set({ deactivatedAt: now })
			.where(and(eq(membership.userId, person.id), isNull(membership.deactivatedAt)))
			.run();
		tx.delete(session).where(eq(session.userId, person.id)).run();
		tx.delete(memberVisit).where(eq(memberVisit.userId, person.id)).run();
		tx.delete(accountLink).where(eq(accountLink.email, person.email)).run();
		// Mails to the person carry the address and the name, sent or waiting.
		tx.delete(mailOutbox)
			.where(or(eq(mailOutbox.userId, person.id), eq(mailOutbox.recipient, person.email)))
			.run();
		tx.delete(mailPreference).where(eq(mailPreference.userId, person.id)).run();
		// Cards keep the name they were written under, not looked up: a member's must lose it here.
		tx.update(card)
			.set({ authorName: anonymisedName })
			.where(and(eq(card.userId, person.id), isNotNull(card.authorName)))
			.run();
		// So must a deleted card that the activity log keeps for an undo.
		tx.update(eventActivity)
			.set({ undo: sql`json_set(${eventActivity.undo}, '$.card.authorName', ${anonymisedName})` })
			.where(
				and(
					eq(eventActivity.kind, 'card-deleted'),
					sql`json_extract(${eventActivity.undo}, '$.card.userId') = ${person.id}`,
					sql`json_extract(${eventActivity.undo}, '$.card.authorName') is not null`
				)
			)
			.run();
		// The log keeps what happened, but not the address that would name the person.
		tx.update(auditEntry).set({ email: null }).where(eq(auditEntry.email, person.email)).run();
		recordAudit(tx, {
			event: 'person-anonymised',
			actorUserId: input.actorUserId,
			subjectUserId: person.id
		});
		// Their open editors and live views end now, not at the next periodic check.
		announce(tx, { topic: 'access' });
	});
	return { ok: true };
}
