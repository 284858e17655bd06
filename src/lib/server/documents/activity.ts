// What happened to a document, coarse enough to read: editing sessions per person, versions
// frozen and restored, status changes. People are stored as user ids and named when shown.
import { and, desc, eq, gt } from 'drizzle-orm';
import { transaction, type AppDatabase } from '../db/database';
import {
	document,
	documentActivity,
	documentVersion,
	organisation,
	type DocumentActivityKind,
	type DocumentActivityRow
} from '../db/schema';

/** Changes closer together than this belong to one editing session. */
export const editSessionGapMs = 30 * 60 * 1000;
/** An open session's end time is written at most this often. */
const editFlushMs = 60 * 1000;

export function recordActivity(
	db: AppDatabase,
	entry: {
		documentId: string;
		kind: Exclude<DocumentActivityKind, 'edit'>;
		userId: string | null;
		at: Date;
		versionId?: string;
		detail?: string;
		organisationId?: string;
	}
): void {
	db.insert(documentActivity)
		.values({
			documentId: entry.documentId,
			kind: entry.kind,
			userId: entry.userId,
			startedAt: entry.at,
			endedAt: entry.at,
			versionId: entry.versionId ?? null,
			detail: entry.detail ?? null,
			organisationId: entry.organisationId ?? null
		})
		.run();
}

interface OpenSession {
	rowId: number;
	endedAt: number;
	changes: number;
	writtenAt: number;
}

/** Open sessions are kept per document and person; the key starts with the document. */
const keyPrefix = (documentId: string) => `${documentId}\u0000`;

/**
 * Folds a stream of changes into editing sessions. A change writes to the database only when it
 * starts a session or when the session's end was last written a minute ago, so typing costs no
 * extra write per keystroke.
 */
export function editSessionRecorder(db: AppDatabase) {
	const open = new Map<string, OpenSession>();

	function startOrResume(documentId: string, userId: string, at: number): OpenSession {
		const latest = db
			.select()
			.from(documentActivity)
			.where(
				and(
					eq(documentActivity.documentId, documentId),
					eq(documentActivity.userId, userId),
					eq(documentActivity.kind, 'edit')
				)
			)
			.orderBy(desc(documentActivity.endedAt))
			.limit(1)
			.get();
		if (latest && at - latest.endedAt.getTime() <= editSessionGapMs) {
			return {
				rowId: latest.id,
				endedAt: latest.endedAt.getTime(),
				changes: latest.changes,
				writtenAt: 0
			};
		}
		const row = db
			.insert(documentActivity)
			.values({
				documentId,
				kind: 'edit',
				userId,
				startedAt: new Date(at),
				endedAt: new Date(at),
				changes: 0
			})
			.returning({ id: documentActivity.id })
			.get();
		return { rowId: row.id, endedAt: at, changes: 0, writtenAt: 0 };
	}

	return {
		note(documentId: string, userId: string, now = new Date()): void {
			const at = now.getTime();
			const key = keyPrefix(documentId) + userId;
			let session = open.get(key);
			if (!session || at - session.endedAt > editSessionGapMs) {
				session = startOrResume(documentId, userId, at);
				open.set(key, session);
			}
			session.endedAt = at;
			session.changes++;
			if (at - session.writtenAt >= editFlushMs) {
				db.update(documentActivity)
					.set({ endedAt: new Date(at), changes: session.changes })
					.where(eq(documentActivity.id, session.rowId))
					.run();
				session.writtenAt = at;
			}
		},
		/**
		 * Writes the end of a closed document's open sessions (every document's without one) and
		 * forgets them: a later change reads its session back from the database. Only that
		 * document's, so closing one of many open documents does not rewrite all the others.
		 */
		flush(documentId?: string): void {
			const closing = [...open].filter(
				([key]) => !documentId || key.startsWith(keyPrefix(documentId))
			);
			if (closing.length === 0) return;
			transaction(db, (tx) => {
				for (const [, session] of closing) {
					tx.update(documentActivity)
						.set({ endedAt: new Date(session.endedAt), changes: session.changes })
						.where(eq(documentActivity.id, session.rowId))
						.run();
				}
			});
			for (const [key] of closing) open.delete(key);
		}
	};
}

export type EditSessionRecorder = ReturnType<typeof editSessionRecorder>;

export interface ActivityEntry extends DocumentActivityRow {
	versionNumber: number | null;
	versionName: string | null;
	/** The body a consensus entry was given for. */
	organisationName: string | null;
}

/** A document's activity, newest first. */
export function listActivity(db: AppDatabase, documentId: string, limit = 200): ActivityEntry[] {
	return db
		.select({
			activity: documentActivity,
			versionNumber: documentVersion.number,
			versionName: documentVersion.name,
			organisationName: organisation.name
		})
		.from(documentActivity)
		.leftJoin(documentVersion, eq(documentVersion.id, documentActivity.versionId))
		.leftJoin(organisation, eq(organisation.id, documentActivity.organisationId))
		.where(eq(documentActivity.documentId, documentId))
		.orderBy(desc(documentActivity.endedAt), desc(documentActivity.id))
		.limit(limit)
		.all()
		.map(({ activity, ...names }) => ({ ...activity, ...names }));
}

export interface DocumentChanges {
	documentId: string;
	slug: string;
	title: string;
	entries: ActivityEntry[];
}

/** Per document, what happened after a moment (by others than the person asking). */
export function changesSince(
	db: AppDatabase,
	since: Date,
	exceptUserId: string
): DocumentChanges[] {
	const rows = db
		.select({
			activity: documentActivity,
			versionNumber: documentVersion.number,
			versionName: documentVersion.name,
			organisationName: organisation.name,
			slug: document.slug,
			title: document.title
		})
		.from(documentActivity)
		.innerJoin(document, eq(document.id, documentActivity.documentId))
		.leftJoin(documentVersion, eq(documentVersion.id, documentActivity.versionId))
		.leftJoin(organisation, eq(organisation.id, documentActivity.organisationId))
		.where(gt(documentActivity.endedAt, since))
		.orderBy(desc(documentActivity.endedAt))
		.all()
		.filter(({ activity }) => activity.userId !== exceptUserId);
	const byDocument = new Map<string, DocumentChanges>();
	for (const { activity, versionNumber, versionName, organisationName, slug, title } of rows) {
		let entry = byDocument.get(activity.documentId);
		if (!entry) {
			entry = { documentId: activity.documentId, slug, title, entries: [] };
			byDocument.set(activity.documentId, entry);
		}
		entry.entries.push({ ...activity, versionNumber, versionName, organisationName });
	}
	return [...byDocument.values()];
}

/** Only the ids; used to look names up in one query. */
export function activityUserIds(entries: readonly { userId: string | null }[]): string[] {
	return [...new Set(entries.map((e) => e.userId).filter((id): id is string => id !== null))];
}
