// The event's activity log: what the moderation did on its boards, by whom and when, for its
// moderators. Written in the same transaction as the change itself; read as German sentences.
import { and, desc, eq } from 'drizzle-orm';
import { userNames } from '../accounts/members';
import type { AppDatabase } from '../db/database';
import {
	board,
	eventActivity,
	workingGroup,
	type EventActivityKind,
	type EventActivityRow
} from '../db/schema';
import { shortened } from '../text/user-text';

export interface ActivityDetail {
	/** The card's text (deleted, stacked, taken out). */
	text?: string;
	/** The top card of the stack the card went onto or came out of. */
	stack?: string;
	/** The column's title. */
	title?: string;
	/** Dots deleted. */
	votes?: number;
	/** For an undo: what was undone. */
	undid?: { kind: EventActivityKind; detail: ActivityDetail };
}

export interface NewActivity {
	eventId: string;
	boardId: string | null;
	actorUserId: string | null;
	kind: EventActivityKind;
	detail: ActivityDetail;
	undo?: Record<string, unknown> | null;
}

export function recordActivity(db: AppDatabase, entry: NewActivity, now = new Date()): number {
	return db
		.insert(eventActivity)
		.values({
			eventId: entry.eventId,
			boardId: entry.boardId,
			actorUserId: entry.actorUserId,
			kind: entry.kind,
			detail: entry.detail as Record<string, unknown>,
			undo: entry.undo ?? null,
			at: now
		})
		.returning({ id: eventActivity.id })
		.get().id;
}

export function findActivity(
	db: AppDatabase,
	boardId: string,
	id: number
): EventActivityRow | undefined {
	return db
		.select()
		.from(eventActivity)
		.where(and(eq(eventActivity.id, id), eq(eventActivity.boardId, boardId)))
		.get();
}

export function markUndone(db: AppDatabase, id: number, now: Date) {
	db.update(eventActivity).set({ undoneAt: now }).where(eq(eventActivity.id, id)).run();
}

/** A typed text in the log: short, and its own „…“ turned into ‚…‘, so quotes do not nest. */
export function quoted(text: string): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	const short = flat.length > 60 ? `${shortened(flat, 59).trimEnd()}…` : flat;
	return `„${short.replace(/[„“”"]/g, (mark) => (mark === '„' ? '‚' : '‘'))}“`;
}

const dots = (n: number) => `${n} ${n === 1 ? 'Punkt' : 'Punkte'}`;
/** After "mit": "mit 1 Punkt", "mit 2 Punkten". */
const withDots = (n: number) => `mit ${n} ${n === 1 ? 'Punkt' : 'Punkten'}`;

/** What happened, as the end of a sentence whose subject is the person: "… hat X getan." */
function deed(kind: EventActivityKind, detail: ActivityDetail): string {
	const text = quoted(detail.text ?? '');
	switch (kind) {
		case 'card-deleted':
			return detail.votes
				? `hat die Karte ${text} ${withDots(detail.votes)} gelöscht.`
				: `hat die Karte ${text} gelöscht.`;
		case 'cards-stacked':
			return `hat ${text} auf ${quoted(detail.stack ?? '')} gestapelt.`;
		case 'card-unstacked':
			return `hat ${text} aus dem Stapel ${quoted(detail.stack ?? '')} genommen.`;
		case 'votes-reset':
			return detail.votes
				? `hat alle Punkte gelöscht (${dots(detail.votes)}).`
				: 'hat alle Punkte gelöscht (es lagen keine).';
		case 'column-deleted':
			return `hat die Spalte ${quoted(detail.title ?? '')} gelöscht.`;
		case 'undone':
			return detail.undid
				? `hat ${undoneDeed(detail.undid.kind, detail.undid.detail)} rückgängig gemacht.`
				: 'hat etwas rückgängig gemacht.';
	}
}

/** The same deed as a noun, for "… hat das Löschen der Karte „X“ rückgängig gemacht." */
function undoneDeed(kind: EventActivityKind, detail: ActivityDetail): string {
	switch (kind) {
		case 'card-deleted':
			return `das Löschen der Karte ${quoted(detail.text ?? '')}`;
		case 'cards-stacked':
			return `das Stapeln von ${quoted(detail.text ?? '')} auf ${quoted(detail.stack ?? '')}`;
		case 'votes-reset':
			return 'das Löschen aller Punkte';
		case 'column-deleted':
			return `das Löschen der Spalte ${quoted(detail.title ?? '')}`;
		default:
			return 'eine Änderung';
	}
}

export interface ActivityEntry {
	id: number;
	at: number;
	/** The person's name now; "Ein gelöschtes Konto" when there is none. */
	actor: string;
	/** The whole sentence, with the person. */
	text: string;
	board: string | null;
	/** Whether it can still be undone. */
	undoable: boolean;
	undoneAt: number | null;
}

/** The newest entries first: of one board, or of the whole event. */
export function activityOf(
	db: AppDatabase,
	scope: { eventId: string; boardId?: string },
	limit = 500
): ActivityEntry[] {
	const rows = db
		.select({ entry: eventActivity, board: workingGroup.title })
		.from(eventActivity)
		.leftJoin(board, eq(eventActivity.boardId, board.id))
		.leftJoin(workingGroup, eq(board.workingGroupId, workingGroup.id))
		.where(
			scope.boardId
				? and(eq(eventActivity.eventId, scope.eventId), eq(eventActivity.boardId, scope.boardId))
				: eq(eventActivity.eventId, scope.eventId)
		)
		.orderBy(desc(eventActivity.id))
		.limit(limit)
		.all();
	const names = userNames(db, [
		...new Set(rows.map((r) => r.entry.actorUserId).filter((id): id is string => Boolean(id)))
	]);
	return rows.map(({ entry, board: boardTitle }) => {
		const actor = (entry.actorUserId && names.get(entry.actorUserId)) || 'Ein gelöschtes Konto';
		return {
			id: entry.id,
			at: entry.at.getTime(),
			actor,
			text: `${actor} ${deed(entry.kind, entry.detail as ActivityDetail)}`,
			board: boardTitle,
			undoable: entry.undo !== null && entry.undoneAt === null,
			undoneAt: entry.undoneAt?.getTime() ?? null
		};
	});
}
