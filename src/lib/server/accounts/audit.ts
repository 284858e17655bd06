// The audit log: sign-ins, invitations, role changes, deactivations. Append-only; never passwords
// or tokens.
import { desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { AppDatabase } from '../db/database';
import { auditEntry, organisation, user } from '../db/schema';

export const auditEvents = {
	'sign-in': 'Anmeldung',
	'sign-in-failed': 'Fehlgeschlagene Anmeldung',
	'sign-in-locked': 'Anmeldung verzögert (zu viele Fehlversuche)',
	'sign-out': 'Abmeldung',
	'invitation-created': 'Einladung erstellt',
	'invitation-accepted': 'Einladung angenommen',
	'roles-changed': 'Rollen geändert',
	'membership-deactivated': 'Mitgliedschaft deaktiviert',
	'membership-reactivated': 'Mitgliedschaft reaktiviert',
	'password-reset-created': 'Link zum Zurücksetzen des Passworts erstellt',
	'password-reset': 'Passwort zurückgesetzt',
	'password-changed': 'Passwort geändert',
	'name-changed': 'Name geändert',
	'email-changed': 'E-Mail-Adresse geändert',
	'account-deactivated': 'Konto deaktiviert',
	'account-reactivated': 'Konto reaktiviert',
	'admin-created': 'Administrator angelegt',
	'person-data-exported': 'Daten einer Person exportiert',
	'person-anonymised': 'Person anonymisiert',
	'adoption-published': 'Stand der Beschlüsse veröffentlicht',
	'adoption-unpublished': 'Öffentliche Seite der Beschlüsse zurückgezogen',
	'adoption-sources-shown': 'Quellen aus Konferenzen auf der öffentlichen Seite gezeigt',
	'adoption-sources-hidden': 'Quellen aus Konferenzen auf der öffentlichen Seite ausgeblendet'
} as const;

export type AuditEvent = keyof typeof auditEvents;

export interface AuditRecord {
	event: AuditEvent;
	actorUserId?: string | null;
	subjectUserId?: string | null;
	organisationId?: string | null;
	email?: string | null;
	ipAddress?: string | null;
	details?: Record<string, unknown>;
}

export function recordAudit(db: AppDatabase, record: AuditRecord, at = new Date()): void {
	db.insert(auditEntry)
		.values({
			at,
			event: record.event,
			actorUserId: record.actorUserId ?? null,
			subjectUserId: record.subjectUserId ?? null,
			organisationId: record.organisationId ?? null,
			email: record.email ?? null,
			ipAddress: record.ipAddress ?? null,
			details: record.details ?? null
		})
		.run();
}

export function listAuditEntries(db: AppDatabase, { limit = 100, offset = 0 } = {}) {
	const actor = alias(user, 'actor');
	const subject = alias(user, 'subject');
	return db
		.select({
			id: auditEntry.id,
			at: auditEntry.at,
			event: auditEntry.event,
			actorName: actor.name,
			subjectName: subject.name,
			organisationName: organisation.name,
			email: auditEntry.email,
			ipAddress: auditEntry.ipAddress,
			details: auditEntry.details
		})
		.from(auditEntry)
		.leftJoin(actor, eq(auditEntry.actorUserId, actor.id))
		.leftJoin(subject, eq(auditEntry.subjectUserId, subject.id))
		.leftJoin(organisation, eq(auditEntry.organisationId, organisation.id))
		.orderBy(desc(auditEntry.id))
		.limit(limit)
		.offset(offset)
		.all();
}

export function countAuditEntries(db: AppDatabase): number {
	return (
		db
			.select({ count: sql<number>`count(*)` })
			.from(auditEntry)
			.get()?.count ?? 0
	);
}
