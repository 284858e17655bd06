// The weekly digest (opt-in): what others changed in the last seven days on the documents a
// person works on. A person works on a document they created or did anything in (edited,
// commented, proposed, froze a version, marked a passage): the document activity says so.
import { and, eq, isNull, or } from 'drizzle-orm';
import { count, quoted } from '$lib/german';
import type { AppDatabase } from '../db/database';
import { document, documentActivity } from '../db/schema';
import { activityUserIds, changesSince, type DocumentChanges } from '../documents/activity';
import { describeActivity, moreEntries } from '../documents/activity-text';
import { userNames } from '../accounts/members';
import { wantsMail } from '../mail/outbox';
import { absoluteUrl } from '../mail/compose';
import { notify } from './mail-parts';
import { activeRecipients } from './people';

const weekMs = 7 * 24 * 60 * 60 * 1000;
/** Lines per document; the rest is counted, the link shows all of it. */
const linesPerDocument = 8;

/** ISO 8601 week of a day (YYYY-MM-DD): "2026-W49". The week belongs to the year of its Thursday. */
export function isoWeek(day: string): string {
	const date = new Date(`${day}T00:00:00Z`);
	const weekday = date.getUTCDay() || 7;
	date.setUTCDate(date.getUTCDate() + 4 - weekday);
	const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
	const week = Math.ceil(((date.getTime() - yearStart) / 86_400_000 + 1) / 7);
	return `${date.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** ISO weekday of a day: 1 Monday … 7 Sunday. */
export function isoWeekday(day: string): number {
	return new Date(`${day}T00:00:00Z`).getUTCDay() || 7;
}

/** The documents a person works on, not archived. */
export function documentsWorkedOn(db: AppDatabase, userId: string): Set<string> {
	const rows = db
		.selectDistinct({ id: document.id })
		.from(document)
		.leftJoin(
			documentActivity,
			and(eq(documentActivity.documentId, document.id), eq(documentActivity.userId, userId))
		)
		.where(
			and(
				isNull(document.archivedAt),
				or(eq(document.createdBy, userId), eq(documentActivity.userId, userId))
			)
		)
		.all();
	return new Set(rows.map((row) => row.id));
}

/** The digest's paragraphs: one per document, its title and what happened, newest first. */
export function digestParagraphs(
	changes: readonly DocumentChanges[],
	names: Map<string, string>
): string[] {
	return changes.map((changed) => {
		const shown = changed.entries.slice(0, linesPerDocument);
		const more = moreEntries(changed.entries.length - shown.length);
		const lines = [
			`${quoted(changed.title)} (${count(changed.entries.length, 'Änderung', 'Änderungen')}):`,
			absoluteUrl(`/dokumente/${changed.slug}`),
			...shown.map((entry) => `– ${describeActivity(entry, names)}`),
			...(more ? [`– ${more}`] : [])
		];
		return lines.join('\n');
	});
}

/** Queues this week's digest for one person, if anything changed; answers whether it did. */
export function queueWeeklyDigest(
	db: AppDatabase,
	recipient: { id: string; name: string; email: string },
	now: Date,
	week: string
): boolean {
	const worksOn = documentsWorkedOn(db, recipient.id);
	if (worksOn.size === 0) return false;
	const changes = changesSince(db, new Date(now.getTime() - weekMs), recipient.id).filter(
		(changed) => worksOn.has(changed.documentId)
	);
	if (changes.length === 0) return false;
	const names = userNames(db, activityUserIds(changes.flatMap((changed) => changed.entries)));
	return notify(db, recipient, {
		kind: 'weekly-digest',
		subject:
			changes.length === 1
				? `Wochenrückblick: Änderungen an ${quoted(changes[0].title)}`
				: `Wochenrückblick: Änderungen an ${changes.length} Dokumenten`,
		paragraphs: [
			'in den letzten sieben Tagen hat sich an Dokumenten, an denen Sie mitarbeiten, dies getan:',
			...digestParagraphs(changes, names)
		],
		action: { label: 'Zur Übersicht', path: '/' },
		dedupeKey: `weekly-digest:${recipient.id}:${week}`
	});
}

/** Queues the digests of everyone who ordered one; answers how many mails were queued. */
export function queueWeeklyDigests(db: AppDatabase, now: Date, week: string) {
	let queued = 0;
	for (const person of activeRecipients(db)) {
		if (wantsMail(db, person.id, 'weekly-digest') && queueWeeklyDigest(db, person, now, week)) {
			queued++;
		}
	}
	return queued;
}
