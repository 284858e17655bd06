// Adoption steps: a body's signatory (or an admin) records where the body stands on a document.
// Records are append-only; the latest one is the body's stage, the earlier ones its history.
import { and, asc, eq } from 'drizzle-orm';
import { needsPaperNumber, recordableStages, stageLabels } from '../../adoption';
import { transaction, type AppDatabase } from '../db/database';
import {
	adoptionStep,
	documentVersion,
	organisation,
	type AdoptionStage,
	type Organisation
} from '../db/schema';
import { berlinToday, isCalendarDate } from './calendar';
import { discardResolution, storeResolution, type ResolutionUpload } from './resolution-files';

export const bodyNameMaxLength = 200;
export const paperNumberMaxLength = 60;
export const paperUrlMaxLength = 500;
export const noteMaxLength = 2000;

export interface StepInput {
	documentId: string;
	organisationId: string;
	stage: string;
	versionId: string;
	decidedOn: string;
	bodyName: string;
	paperNumber: string;
	paperUrl: string;
	note: string;
	/** The record this one corrects; empty when it is not a correction. */
	correctsStepId: number | null;
	userId: string | null;
	resolution: ResolutionUpload | null;
}

export type RecordResult = { ok: true; stepId: number } | { ok: false; message: string };

/** A step as pages show it, with the version it concerns. */
export interface StepView {
	id: number;
	organisationId: string;
	stage: AdoptionStage;
	versionId: string;
	versionNumber: number;
	versionName: string;
	contentHash: string;
	decidedOn: string;
	bodyName: string;
	paperNumber: string | null;
	paperUrl: string | null;
	note: string;
	hasResolution: boolean;
	correctsStepId: number | null;
	recordedBy: string | null;
	recordedAt: Date;
}

const stepColumns = {
	id: adoptionStep.id,
	organisationId: adoptionStep.organisationId,
	stage: adoptionStep.stage,
	versionId: adoptionStep.versionId,
	versionNumber: documentVersion.number,
	versionName: documentVersion.name,
	contentHash: documentVersion.contentHash,
	decidedOn: adoptionStep.decidedOn,
	bodyName: adoptionStep.bodyName,
	paperNumber: adoptionStep.paperNumber,
	paperUrl: adoptionStep.paperUrl,
	note: adoptionStep.note,
	resolutionFile: adoptionStep.resolutionFile,
	correctsStepId: adoptionStep.correctsStepId,
	recordedBy: adoptionStep.recordedBy,
	recordedAt: adoptionStep.recordedAt
};

/** Every record of a document, oldest first; of one body when it is given. */
export function listSteps(
	db: AppDatabase,
	documentId: string,
	organisationId?: string
): StepView[] {
	return db
		.select(stepColumns)
		.from(adoptionStep)
		.innerJoin(documentVersion, eq(adoptionStep.versionId, documentVersion.id))
		.where(
			and(
				eq(adoptionStep.documentId, documentId),
				organisationId ? eq(adoptionStep.organisationId, organisationId) : undefined
			)
		)
		.orderBy(asc(adoptionStep.id))
		.all()
		.map(({ resolutionFile, ...step }) => ({ ...step, hasResolution: resolutionFile !== null }));
}

/** The stored resolution of one record, for the members' download route. */
export function findResolution(
	db: AppDatabase,
	input: { documentId: string; organisationId: string; stepId: number }
) {
	return db
		.select({ file: adoptionStep.resolutionFile, fileName: adoptionStep.resolutionFileName })
		.from(adoptionStep)
		.where(
			and(
				eq(adoptionStep.id, input.stepId),
				eq(adoptionStep.documentId, input.documentId),
				eq(adoptionStep.organisationId, input.organisationId)
			)
		)
		.get();
}

/** The organisation a record is for, if it adopts at all. */
export function findAdoptingBody(db: AppDatabase, slug: string): Organisation | undefined {
	const found = db.select().from(organisation).where(eq(organisation.slug, slug)).get();
	return found?.adopting ? found : undefined;
}

function isWebAddress(value: string): boolean {
	try {
		const url = new URL(value);
		return url.protocol === 'https:' || url.protocol === 'http:';
	} catch {
		return false;
	}
}

type Checked = Omit<StepInput, 'stage' | 'resolution'> & { stage: AdoptionStage };

/** Everything that can be wrong with a step, as the first German message found. */
function checkStep(
	db: AppDatabase,
	input: StepInput,
	now: Date
): { ok: true; step: Checked } | { ok: false; message: string } {
	const stage = recordableStages.find((s) => s === input.stage);
	if (!stage) return { ok: false, message: 'Bitte wählen Sie einen Schritt.' };
	const body = db
		.select({ adopting: organisation.adopting })
		.from(organisation)
		.where(eq(organisation.id, input.organisationId))
		.get();
	if (!body?.adopting) {
		return { ok: false, message: 'Diese Organisation beschließt keine Texte.' };
	}
	const version = db
		.select({ documentId: documentVersion.documentId })
		.from(documentVersion)
		.where(eq(documentVersion.id, input.versionId))
		.get();
	if (!version) {
		return {
			ok: false,
			message: 'Bitte wählen Sie eine festgehaltene Fassung: nur sie können beraten werden.'
		};
	}
	if (version.documentId !== input.documentId) {
		return { ok: false, message: 'Die gewählte Fassung gehört zu einem anderen Dokument.' };
	}
	if (!isCalendarDate(input.decidedOn)) {
		return { ok: false, message: 'Bitte geben Sie das Datum des Schritts an (TT.MM.JJJJ).' };
	}
	if (input.decidedOn > berlinToday(now)) {
		return {
			ok: false,
			message:
				'Das Datum liegt in der Zukunft. Erfasst werden nur Schritte, die stattgefunden haben; künftige Termine tragen Sie in den Zeitplan ein.'
		};
	}
	const bodyName = input.bodyName.trim();
	if (bodyName === '') {
		return { ok: false, message: 'Bitte geben Sie das Gremium an (Rat, Kreistag oder Ausschuss).' };
	}
	if (bodyName.length > bodyNameMaxLength) {
		return {
			ok: false,
			message: `Das Gremium darf höchstens ${bodyNameMaxLength} Zeichen lang sein.`
		};
	}
	const paperNumber = input.paperNumber.trim();
	if (needsPaperNumber(stage) && paperNumber === '') {
		return {
			ok: false,
			message: `Für „${stageLabels[stage]}“ braucht es die Nummer der Drucksache oder Vorlage.`
		};
	}
	if (paperNumber.length > paperNumberMaxLength) {
		return {
			ok: false,
			message: `Die Drucksachennummer darf höchstens ${paperNumberMaxLength} Zeichen lang sein.`
		};
	}
	const paperUrl = input.paperUrl.trim();
	if (paperUrl !== '' && (paperUrl.length > paperUrlMaxLength || !isWebAddress(paperUrl))) {
		return {
			ok: false,
			message:
				'Der Link zur Vorlage muss eine Webadresse sein, die mit https:// oder http:// beginnt.'
		};
	}
	const note = input.note.trim();
	if (stage === 'beschlossen-mit-aenderungen' && note === '') {
		return {
			ok: false,
			message: 'Bitte beschreiben Sie in der Notiz, was der Rat am Text geändert hat.'
		};
	}
	if (note.length > noteMaxLength) {
		return { ok: false, message: `Die Notiz darf höchstens ${noteMaxLength} Zeichen lang sein.` };
	}
	if (input.correctsStepId !== null) {
		const corrected = db
			.select({ id: adoptionStep.id })
			.from(adoptionStep)
			.where(
				and(
					eq(adoptionStep.id, input.correctsStepId),
					eq(adoptionStep.documentId, input.documentId),
					eq(adoptionStep.organisationId, input.organisationId)
				)
			)
			.get();
		if (!corrected) {
			return {
				ok: false,
				message: 'Der zu korrigierende Eintrag gehört nicht zu dieser Körperschaft.'
			};
		}
	}
	return { ok: true, step: { ...input, stage, bodyName, paperNumber, paperUrl, note } };
}

/**
 * Records a step once every check has passed, checks and record in one transaction. The
 * resolution file is written just before the record and removed again when the record cannot be
 * written, so a refused step leaves nothing behind.
 */
export function recordStep(
	db: AppDatabase,
	dataDir: string,
	input: StepInput,
	now = new Date()
): RecordResult {
	const written: string[] = [];
	try {
		return transaction(db, (tx): RecordResult => {
			const checked = checkStep(tx, input, now);
			if (!checked.ok) return checked;
			const { step } = checked;
			const stored = input.resolution ? storeResolution(dataDir, input.resolution.bytes) : null;
			if (stored) written.push(stored);
			const row = tx
				.insert(adoptionStep)
				.values({
					documentId: step.documentId,
					organisationId: step.organisationId,
					stage: step.stage,
					versionId: step.versionId,
					decidedOn: step.decidedOn,
					bodyName: step.bodyName,
					paperNumber: step.paperNumber || null,
					paperUrl: step.paperUrl || null,
					note: step.note,
					resolutionFile: stored,
					resolutionFileName: input.resolution?.fileName ?? null,
					correctsStepId: step.correctsStepId,
					recordedBy: step.userId,
					recordedAt: now
				})
				.returning({ id: adoptionStep.id })
				.get();
			return { ok: true, stepId: row.id };
		});
	} catch (err) {
		for (const stored of written) discardResolution(dataDir, stored);
		throw err;
	}
}

/** Where a body stands: its latest record, or nothing yet. */
export function latestStep(steps: readonly StepView[], organisationId: string): StepView | null {
	let latest: StepView | null = null;
	for (const step of steps) if (step.organisationId === organisationId) latest = step;
	return latest;
}

/** Each record with the state before it (the body's previous record) and after it. */
export function stepHistory(steps: readonly StepView[]) {
	const previous = new Map<string, StepView>();
	return steps.map((step) => {
		const before = previous.get(step.organisationId) ?? null;
		previous.set(step.organisationId, step);
		return { step, before };
	});
}
