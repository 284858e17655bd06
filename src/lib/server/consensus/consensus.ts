// Consensus per passage: a signatory of an adopting body marks a passage "einverstanden" or
// "Bedenken" for that body. Marks are appended, never changed; the newest per passage and body
// counts. Each mark keeps the hash of the passage's text as the server held it at that moment,
// so a later change of the text shows the mark as outdated. Signatories mark content passages;
// headings only where the document's editors chose to count them (marks given on headings stay
// stored either way, and count again when headings do). Who may speak for which body is the
// policy's question (organisation:consent), asked by the route before calling in here.
import { and, asc, eq, sql } from 'drizzle-orm';
import {
	countsForConsensus,
	countStances,
	numberedPassages,
	sectionCounts,
	sectionRange,
	sectionsOf,
	stanceOf,
	type AdoptingBody,
	type BodyStance,
	type ConsensusMark,
	type ConsensusPassage,
	type ConsensusSnapshot,
	type ConsensusStance,
	type StanceCounts
} from '$lib/consensus';
import type { PmNode } from '$lib/editor/pm-node';
import { announce } from '../db/changes';
import { transaction, type AppDatabase } from '../db/database';
import { recordActivity } from '../documents/activity';
import { document, passageConsensus, user, type ConsensusState } from '../db/schema';
import { listAdoptingBodies } from '../workspace/organisations';

/** The Kreis and the Kommunen whose councils adopt the texts, in their usual order. */
export function adoptingBodies(db: AppDatabase): AdoptingBody[] {
	return listAdoptingBodies(db).map(({ id, name, shortName }) => ({ id, name, shortName }));
}

/** Whether the document's headings are passages to agree on ("Überschriften mitzählen"). */
export function countsHeadings(db: AppDatabase, documentId: string): boolean {
	const row = db
		.select({ on: document.consensusCountsHeadings })
		.from(document)
		.where(eq(document.id, documentId))
		.get();
	return row?.on ?? false;
}

export function setCountsHeadings(db: AppDatabase, documentId: string, on: boolean): void {
	db.update(document).set({ consensusCountsHeadings: on }).where(eq(document.id, documentId)).run();
	announce(db, { topic: 'consensus', documentId });
}

export type ConsensusResult =
	{ ok: true; passage: ConsensusPassage } | { ok: false; status: 400 | 404 | 409; message: string };

/**
 * Records a body's stance on a passage of the current text (`currentText`, as the server holds
 * it). The passage is named by its block id only; its hash is taken here, so a browser cannot
 * claim agreement to a text other than the current one. A mark on a heading that does not count
 * is refused; withdrawing one is not, so nobody is stuck with it.
 */
export function recordConsensus(
	db: AppDatabase,
	input: {
		documentId: string;
		blockId: string;
		organisationId: string;
		userId: string;
		state: ConsensusState;
		note?: string | null;
	},
	currentText: PmNode,
	now = new Date()
): ConsensusResult {
	const passage = numberedPassages(currentText).find((p) => p.blockId === input.blockId);
	if (!passage) {
		return {
			ok: false,
			status: 404,
			message:
				'Diesen Abschnitt gibt es im aktuellen Text nicht (mehr). Bitte laden Sie die Seite neu.'
		};
	}
	if (
		input.state !== 'withdrawn' &&
		!countsForConsensus(passage.type, countsHeadings(db, input.documentId))
	) {
		return {
			ok: false,
			status: 409,
			message:
				'Überschriften zählen in diesem Dokument nicht mit. Bitte geben Sie Ihre Rückmeldung zu den Abschnitten darunter.'
		};
	}
	if (!adoptingBodies(db).some((body) => body.id === input.organisationId)) {
		return {
			ok: false,
			status: 400,
			message: 'Rückmeldungen geben nur die Körperschaften, die den Text beschließen.'
		};
	}
	const current = currentMark(db, input.documentId, input.blockId, input.organisationId);
	if (input.state === 'withdrawn' && !current) {
		return {
			ok: false,
			status: 409,
			message: 'Für diese Körperschaft liegt zu diesem Abschnitt keine Rückmeldung vor.'
		};
	}
	transaction(db, (tx) => {
		tx.insert(passageConsensus)
			.values({
				id: crypto.randomUUID(),
				documentId: input.documentId,
				blockId: input.blockId,
				organisationId: input.organisationId,
				state: input.state,
				note: input.state === 'withdrawn' ? null : input.note?.trim() || null,
				textHash: passage.hash,
				userId: input.userId,
				createdAt: now
			})
			.run();
		recordActivity(tx, {
			documentId: input.documentId,
			kind: 'consensus',
			userId: input.userId,
			at: now,
			detail: input.state,
			organisationId: input.organisationId
		});
		announce(tx, { topic: 'consensus', documentId: input.documentId });
	});
	return { ok: true, passage };
}

/** Every mark ever given on a document, oldest first; within a millisecond, the order of
 * writing (rowid) decides, since ids are random. */
function allMarks(db: AppDatabase, documentId: string, blockId?: string) {
	return db
		.select({ row: passageConsensus, userName: user.name })
		.from(passageConsensus)
		.leftJoin(user, eq(user.id, passageConsensus.userId))
		.where(
			blockId
				? and(eq(passageConsensus.documentId, documentId), eq(passageConsensus.blockId, blockId))
				: eq(passageConsensus.documentId, documentId)
		)
		.orderBy(asc(passageConsensus.createdAt), sql`${passageConsensus}.rowid`)
		.all();
}

function currentMark(db: AppDatabase, documentId: string, blockId: string, organisationId: string) {
	return consensusMarks(db, documentId).find(
		(mark) => mark.blockId === blockId && mark.organisationId === organisationId
	);
}

/** The marks that count now: per passage and body the newest, unless it was withdrawn. */
export function consensusMarks(db: AppDatabase, documentId: string): ConsensusMark[] {
	const newest = new Map<string, ConsensusMark | null>();
	for (const { row, userName } of allMarks(db, documentId)) {
		const key = `${row.blockId}\u0000${row.organisationId}`;
		newest.delete(key);
		newest.set(
			key,
			row.state === 'withdrawn'
				? null
				: {
						blockId: row.blockId,
						organisationId: row.organisationId,
						state: row.state,
						note: row.note,
						textHash: row.textHash,
						userName: userName ?? null,
						createdAt: row.createdAt.getTime()
					}
		);
	}
	return [...newest.values()].filter((mark): mark is ConsensusMark => mark !== null);
}

export interface ConsensusHistoryEntry {
	blockId: string;
	organisationId: string;
	state: ConsensusState;
	note: string | null;
	userName: string | null;
	createdAt: Date;
}

/** What was marked and withdrawn, newest first: of one passage, or of the whole document. */
export function consensusHistory(
	db: AppDatabase,
	documentId: string,
	options: { blockId?: string; limit?: number } = {}
): ConsensusHistoryEntry[] {
	return allMarks(db, documentId, options.blockId)
		.reverse()
		.slice(0, options.limit ?? 200)
		.map(({ row, userName }) => ({
			blockId: row.blockId,
			organisationId: row.organisationId,
			state: row.state,
			note: row.note,
			userName: userName ?? null,
			createdAt: row.createdAt
		}));
}

export interface BodyOnPassage {
	organisationId: string;
	stance: BodyStance;
	/** What the outdated mark said. */
	markedAs: ConsensusStance | null;
	note: string | null;
	userName: string | null;
	createdAt: number | null;
}

export interface PassageConsensus {
	blockId: string;
	number: string;
	excerpt: string;
	counts: StanceCounts;
	bodies: BodyOnPassage[];
}

export interface SectionConsensus {
	blockId: string;
	number: string;
	excerpt: string;
	/** The passages it covers: "2.1–2.5". */
	range: string;
	passageCount: number;
	counts: StanceCounts;
}

export interface DocumentConsensus {
	bodies: AdoptingBody[];
	countHeadings: boolean;
	passages: PassageConsensus[];
	sections: SectionConsensus[];
	/** Marks kept on headings that do not count now. */
	headingMarksAside: number;
}

/** Per passage of the current text, how each adopting body stands on it; per section, how
 * many bodies agreed to all of it. */
export function passageConsensusOf(
	db: AppDatabase,
	documentId: string,
	currentText: PmNode
): DocumentConsensus {
	const bodies = adoptingBodies(db);
	const countHeadings = countsHeadings(db, documentId);
	const current = consensusMarks(db, documentId);
	const marks = new Map(
		current.map((mark) => [`${mark.blockId}\u0000${mark.organisationId}`, mark])
	);
	const numbered = numberedPassages(currentText);
	const counts = (p: ConsensusPassage) => countsForConsensus(p.type, countHeadings);
	const aside = new Set(numbered.filter((p) => !counts(p)).map((p) => p.blockId));
	const sections = sectionsOf(numbered, countHeadings)
		.filter(({ members }) => members.length > 0)
		.map(({ heading, members }) => ({
			blockId: heading.blockId,
			number: heading.number,
			excerpt: heading.excerpt,
			range: sectionRange(members),
			passageCount: members.length,
			counts: sectionCounts(current, bodies.length, members)
		}));
	const passages = numbered.filter(counts).map((passage) => {
		const onPassage = bodies.map((body): BodyOnPassage => {
			const mark = marks.get(`${passage.blockId}\u0000${body.id}`);
			return {
				organisationId: body.id,
				stance: stanceOf(mark, passage.hash),
				markedAs: mark?.state ?? null,
				note: mark?.note ?? null,
				userName: mark?.userName ?? null,
				createdAt: mark?.createdAt ?? null
			};
		});
		return {
			blockId: passage.blockId,
			number: passage.number,
			excerpt: passage.excerpt,
			counts: countStances(
				onPassage.map((body) => body.stance),
				bodies.length
			),
			bodies: onPassage
		};
	});
	return {
		bodies,
		countHeadings,
		passages,
		sections,
		headingMarksAside: current.filter((mark) => aside.has(mark.blockId)).length
	};
}

export interface OpenConcern {
	blockId: string;
	number: string;
	excerpt: string;
	organisationName: string;
	note: string | null;
	userName: string | null;
	createdAt: number;
	/** The passage changed since the concern was raised. */
	outdated: boolean;
}

/** Concerns not withdrawn, in the order of the passages. */
export function openConcerns(bodies: AdoptingBody[], passages: PassageConsensus[]): OpenConcern[] {
	const names = new Map(bodies.map((body) => [body.id, body.name]));
	return passages.flatMap((passage) =>
		passage.bodies
			.filter((body) => body.markedAs === 'concern')
			.map((body) => ({
				blockId: passage.blockId,
				number: passage.number,
				excerpt: passage.excerpt,
				organisationName: names.get(body.organisationId) ?? '',
				note: body.note,
				userName: body.userName,
				createdAt: body.createdAt ?? 0,
				outdated: body.stance === 'outdated'
			}))
	);
}

export function consensusSnapshot(db: AppDatabase, documentId: string, text: PmNode): string {
	const { bodies, passages, sections, countHeadings } = passageConsensusOf(db, documentId, text);
	const names = new Map(bodies.map((body) => [body.id, body.name]));
	const snapshot: ConsensusSnapshot = {
		bodies: bodies.length,
		countHeadings,
		passageCount: passages.length,
		sections: sections.map(({ number, excerpt, range, counts }) => ({
			number,
			excerpt,
			range,
			counts
		})),
		passages: passages
			.map((passage) => ({
				number: passage.number,
				blockId: passage.blockId,
				excerpt: passage.excerpt,
				marks: passage.bodies
					.filter((body) => body.markedAs !== null)
					.map((body) => ({
						organisationId: body.organisationId,
						organisationName: names.get(body.organisationId) ?? '',
						state: body.markedAs!,
						outdated: body.stance === 'outdated',
						note: body.note,
						userName: body.userName,
						createdAt: body.createdAt ?? 0
					}))
			}))
			.filter((passage) => passage.marks.length > 0)
	};
	return JSON.stringify(snapshot);
}

export function parseConsensusSnapshot(stored: string | null): ConsensusSnapshot | null {
	return stored ? (JSON.parse(stored) as ConsensusSnapshot) : null;
}
