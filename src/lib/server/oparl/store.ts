// What the app keeps of the council information system: each organisation's connection, the
// linked papers, the proposed steps and the news lines. A proposal becomes a record only through
// recordStep (or planStep, for a date ahead), when a person confirms it.
import { and, asc, desc, eq } from 'drizzle-orm';
import { transaction, type AppDatabase } from '../db/database';
import {
	documentVersion,
	oparlConnection,
	oparlNews,
	oparlPaper,
	oparlProposal,
	type AdoptionStage,
	type OparlConnectionRow,
	type OparlPaperRow
} from '../db/schema';
import { planStep } from '../adoption/plans';
import { recordStep } from '../adoption/steps';
import type { Proposals, ProposedStep } from './mapping';
import type { FoundPaper } from './reader';

export function findConnection(
	db: AppDatabase,
	organisationId: string
): OparlConnectionRow | undefined {
	return db
		.select()
		.from(oparlConnection)
		.where(eq(oparlConnection.organisationId, organisationId))
		.get();
}

export function listConnections(db: AppDatabase): OparlConnectionRow[] {
	return db.select().from(oparlConnection).all();
}

export function saveConnection(
	db: AppDatabase,
	input: {
		organisationId: string;
		systemUrl: string;
		bodyUrl: string;
		bodyName: string;
		userId: string;
	},
	now = new Date()
): void {
	const values = {
		systemUrl: input.systemUrl,
		bodyUrl: input.bodyUrl,
		bodyName: input.bodyName,
		// Another system or body: the next sync reads every path instead of asking what changed.
		lastFullSyncAt: null,
		lastError: null,
		lastErrorAt: null,
		configuredBy: input.userId,
		configuredAt: now
	};
	db.insert(oparlConnection)
		.values({ organisationId: input.organisationId, ...values })
		.onConflictDoUpdate({ target: oparlConnection.organisationId, set: values })
		.run();
}

export function listPapers(
	db: AppDatabase,
	input: { organisationId: string; documentId?: string }
): OparlPaperRow[] {
	return db
		.select()
		.from(oparlPaper)
		.where(
			and(
				eq(oparlPaper.organisationId, input.organisationId),
				input.documentId ? eq(oparlPaper.documentId, input.documentId) : undefined
			)
		)
		.orderBy(asc(oparlPaper.id))
		.all();
}

const proposalKey = (step: ProposedStep) =>
	`${step.kind}|${step.stage}|${step.sourceUrl}|${step.date}`;

/** Stores what a read found; what was proposed before stays as it is. Returns the new lines. */
function storeProposals(db: AppDatabase, paperId: number, proposals: Proposals): number {
	let added = 0;
	const news = (key: string, text: string) => {
		const row = db
			.insert(oparlNews)
			.values({ paperId, key, text })
			.onConflictDoNothing()
			.returning({ id: oparlNews.id })
			.get();
		if (row) added++;
	};
	for (const step of proposals.steps) {
		const key = proposalKey(step);
		const row = db
			.insert(oparlProposal)
			.values({
				paperId,
				key,
				kind: step.kind,
				stage: step.stage,
				date: step.date,
				bodyName: step.bodyName,
				sourceUrl: step.sourceUrl,
				result: step.result,
				resolutionUrl: step.resolutionUrl,
				note: step.note
			})
			.onConflictDoNothing()
			.returning({ id: oparlProposal.id })
			.get();
		if (row) news(key, step.news);
	}
	for (const notice of proposals.notices) news(notice.sourceUrl, notice.news);
	return added;
}

export type LinkResult = { ok: true; paperId: number } | { ok: false; message: string };

/** Links a paper with what its path proposes, in one transaction. */
export function linkPaper(
	db: AppDatabase,
	input: {
		documentId: string;
		organisationId: string;
		versionId: string;
		paper: FoundPaper;
		proposals: Proposals;
		pathUrls: string[];
		userId: string;
	},
	now = new Date()
): LinkResult {
	return transaction(db, (tx): LinkResult => {
		const version = tx
			.select({ documentId: documentVersion.documentId })
			.from(documentVersion)
			.where(eq(documentVersion.id, input.versionId))
			.get();
		if (version?.documentId !== input.documentId) {
			return {
				ok: false,
				message: 'Bitte wählen Sie eine festgehaltene Fassung dieses Dokuments.'
			};
		}
		const row = tx
			.insert(oparlPaper)
			.values({
				documentId: input.documentId,
				organisationId: input.organisationId,
				versionId: input.versionId,
				paperUrl: input.paper.url,
				reference: input.paper.reference || input.paper.name || input.paper.url,
				name: input.paper.name,
				webUrl: input.paper.web,
				pathUrls: input.pathUrls,
				linkedBy: input.userId,
				linkedAt: now
			})
			.onConflictDoNothing()
			.returning({ id: oparlPaper.id })
			.get();
		if (!row) {
			return { ok: false, message: 'Diese Drucksache ist mit dem Dokument schon verknüpft.' };
		}
		storeProposals(tx, row.id, input.proposals);
		return { ok: true, paperId: row.id };
	});
}

/** A successful sync: the proposals of every paper read, the time it started, no error. */
export function storeSync(
	db: AppDatabase,
	organisationId: string,
	results: { paperId: number; proposals: Proposals; pathUrls: string[] }[],
	sync: { startedAt: Date; full: boolean }
): number {
	return transaction(db, (tx) => {
		let added = 0;
		for (const result of results) {
			added += storeProposals(tx, result.paperId, result.proposals);
			tx.update(oparlPaper)
				.set({ pathUrls: result.pathUrls })
				.where(eq(oparlPaper.id, result.paperId))
				.run();
		}
		tx.update(oparlConnection)
			.set({
				lastSyncAt: sync.startedAt,
				...(sync.full ? { lastFullSyncAt: sync.startedAt } : {}),
				lastError: null,
				lastErrorAt: null
			})
			.where(eq(oparlConnection.organisationId, organisationId))
			.run();
		return added;
	});
}

export function storeSyncError(
	db: AppDatabase,
	organisationId: string,
	message: string,
	now = new Date()
): void {
	db.update(oparlConnection)
		.set({ lastError: message, lastErrorAt: now })
		.where(eq(oparlConnection.organisationId, organisationId))
		.run();
}

export interface ProposalView {
	id: number;
	paperId: number;
	reference: string;
	kind: 'step' | 'plan';
	stage: AdoptionStage;
	date: string;
	bodyName: string;
	sourceUrl: string;
	result: string | null;
	resolutionUrl: string | null;
	note: string;
	state: 'open' | 'confirmed' | 'dismissed';
	stepId: number | null;
}

export function listProposals(
	db: AppDatabase,
	documentId: string,
	organisationId: string
): ProposalView[] {
	return db
		.select({
			id: oparlProposal.id,
			paperId: oparlProposal.paperId,
			reference: oparlPaper.reference,
			kind: oparlProposal.kind,
			stage: oparlProposal.stage,
			date: oparlProposal.date,
			bodyName: oparlProposal.bodyName,
			sourceUrl: oparlProposal.sourceUrl,
			result: oparlProposal.result,
			resolutionUrl: oparlProposal.resolutionUrl,
			note: oparlProposal.note,
			state: oparlProposal.state,
			stepId: oparlProposal.stepId
		})
		.from(oparlProposal)
		.innerJoin(oparlPaper, eq(oparlProposal.paperId, oparlPaper.id))
		.where(
			and(eq(oparlPaper.documentId, documentId), eq(oparlPaper.organisationId, organisationId))
		)
		.orderBy(asc(oparlProposal.date), asc(oparlProposal.id))
		.all();
}

export function listNews(db: AppDatabase, documentId: string, organisationId: string, limit = 20) {
	return db
		.select({ id: oparlNews.id, text: oparlNews.text, createdAt: oparlNews.createdAt })
		.from(oparlNews)
		.innerJoin(oparlPaper, eq(oparlNews.paperId, oparlPaper.id))
		.where(
			and(eq(oparlPaper.documentId, documentId), eq(oparlPaper.organisationId, organisationId))
		)
		.orderBy(desc(oparlNews.id))
		.limit(limit)
		.all();
}

export type DecideResult = { ok: true; message: string } | { ok: false; message: string };

function openProposal(
	db: AppDatabase,
	input: { proposalId: number; documentId: string; organisationId: string }
) {
	return db
		.select({ proposal: oparlProposal, paper: oparlPaper })
		.from(oparlProposal)
		.innerJoin(oparlPaper, eq(oparlProposal.paperId, oparlPaper.id))
		.where(
			and(
				eq(oparlProposal.id, input.proposalId),
				eq(oparlPaper.documentId, input.documentId),
				eq(oparlPaper.organisationId, input.organisationId)
			)
		)
		.get();
}

const unknownProposal: DecideResult = {
	ok: false,
	message: 'Diesen Vorschlag gibt es für diese Körperschaft nicht.'
};
const decidedProposal: DecideResult = {
	ok: false,
	message: 'Über diesen Vorschlag ist schon entschieden.'
};

/**
 * Turns a proposal into a record, with the date and body the person may have corrected. The
 * record goes through the same checks as one typed in; refused, the proposal stays open.
 */
export function confirmProposal(
	db: AppDatabase,
	dataDir: string,
	input: {
		proposalId: number;
		documentId: string;
		organisationId: string;
		date: string;
		bodyName: string;
		userId: string;
	},
	now = new Date()
): DecideResult {
	return transaction(db, (tx): DecideResult => {
		const found = openProposal(tx, input);
		if (!found) return unknownProposal;
		const { proposal, paper } = found;
		if (proposal.state !== 'open') return decidedProposal;
		let stepId: number | null = null;
		if (proposal.kind === 'plan') {
			const planned = planStep(
				tx,
				{
					documentId: input.documentId,
					organisationId: input.organisationId,
					stage: proposal.stage,
					plannedOn: input.date,
					bodyName: input.bodyName,
					userId: input.userId
				},
				now
			);
			if (!planned.ok) return planned;
		} else {
			const recorded = recordStep(
				tx,
				dataDir,
				{
					documentId: input.documentId,
					organisationId: input.organisationId,
					stage: proposal.stage,
					versionId: paper.versionId,
					decidedOn: input.date,
					bodyName: input.bodyName,
					paperNumber: paper.reference,
					paperUrl: paper.webUrl ?? paper.paperUrl,
					note: proposal.note,
					correctsStepId: null,
					userId: input.userId,
					resolution: null
				},
				now
			);
			if (!recorded.ok) return recorded;
			stepId = recorded.stepId;
		}
		tx.update(oparlProposal)
			.set({ state: 'confirmed', stepId, decidedBy: input.userId, decidedAt: now })
			.where(eq(oparlProposal.id, proposal.id))
			.run();
		return {
			ok: true,
			message:
				proposal.kind === 'plan'
					? 'Der Termin ist in den Zeitplan übernommen.'
					: 'Der Schritt ist erfasst.'
		};
	});
}

export function dismissProposal(
	db: AppDatabase,
	input: { proposalId: number; documentId: string; organisationId: string; userId: string },
	now = new Date()
): DecideResult {
	const found = openProposal(db, input);
	if (!found) return unknownProposal;
	if (found.proposal.state !== 'open') return decidedProposal;
	db.update(oparlProposal)
		.set({ state: 'dismissed', decidedBy: input.userId, decidedAt: now })
		.where(and(eq(oparlProposal.id, input.proposalId), eq(oparlProposal.state, 'open')))
		.run();
	return { ok: true, message: 'Der Vorschlag ist verworfen.' };
}
