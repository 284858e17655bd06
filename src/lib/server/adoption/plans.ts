// The plan: dates of the committee and council meetings ahead. A planned step whose date has
// passed without a record of that step (or a later one) is overdue.
import { and, asc, eq } from 'drizzle-orm';
import { plannableStages, stageRank } from '../../adoption';
import type { AppDatabase } from '../db/database';
import { adoptionPlan, organisation, type AdoptionStage } from '../db/schema';
import { berlinToday, isCalendarDate } from './calendar';
import { bodyNameMaxLength, type StepView } from './steps';

export interface PlanInput {
	documentId: string;
	organisationId: string;
	stage: string;
	/** Empty withdraws the plan for the stage. */
	plannedOn: string;
	bodyName: string;
	userId: string | null;
}

export interface PlannedStep {
	organisationId: string;
	stage: AdoptionStage;
	plannedOn: string;
	bodyName: string;
}

export type PlanResult = { ok: true } | { ok: false; message: string };

export function planStep(db: AppDatabase, input: PlanInput, now = new Date()): PlanResult {
	const stage = plannableStages.find((s) => s === input.stage);
	if (!stage) return { ok: false, message: 'Bitte wählen Sie, welcher Schritt geplant ist.' };
	const body = db
		.select({ adopting: organisation.adopting })
		.from(organisation)
		.where(eq(organisation.id, input.organisationId))
		.get();
	if (!body?.adopting) return { ok: false, message: 'Diese Organisation beschließt keine Texte.' };
	const plannedOn = input.plannedOn.trim();
	if (plannedOn !== '' && !isCalendarDate(plannedOn)) {
		return { ok: false, message: 'Bitte geben Sie den geplanten Termin als Datum an.' };
	}
	const bodyName = input.bodyName.trim();
	if (bodyName.length > bodyNameMaxLength) {
		return {
			ok: false,
			message: `Das Gremium darf höchstens ${bodyNameMaxLength} Zeichen lang sein.`
		};
	}
	db.insert(adoptionPlan)
		.values({
			documentId: input.documentId,
			organisationId: input.organisationId,
			stage,
			plannedOn: plannedOn || null,
			bodyName,
			recordedBy: input.userId,
			recordedAt: now
		})
		.run();
	return { ok: true };
}

/** The plans in force for a document: the latest entry per body and stage, withdrawn ones left out. */
export function currentPlans(db: AppDatabase, documentId: string): PlannedStep[] {
	const latest = new Map<string, PlannedStep | null>();
	const rows = db
		.select()
		.from(adoptionPlan)
		.where(eq(adoptionPlan.documentId, documentId))
		.orderBy(asc(adoptionPlan.id))
		.all();
	for (const row of rows) {
		latest.set(
			`${row.organisationId}:${row.stage}`,
			row.plannedOn
				? {
						organisationId: row.organisationId,
						stage: row.stage,
						plannedOn: row.plannedOn,
						bodyName: row.bodyName
					}
				: null
		);
	}
	return [...latest.values()]
		.filter((plan): plan is PlannedStep => plan !== null)
		.sort((a, b) => a.plannedOn.localeCompare(b.plannedOn));
}

/** Whether the body has got as far as a plan's step: a planned council meeting counts as held
 * once the council has decided. */
export function isReached(plan: PlannedStep, current: StepView | null): boolean {
	const needed = plan.stage === 'vorlage-im-rat' ? stageRank('beschlossen') : stageRank(plan.stage);
	return current !== null && stageRank(current.stage) >= needed;
}

/** Whether a plan's date has passed while the body has not reached its step. */
export function isOverdue(plan: PlannedStep, current: StepView | null, now = new Date()): boolean {
	return plan.plannedOn < berlinToday(now) && !isReached(plan, current);
}

export interface PlanChange {
	id: number;
	stage: AdoptionStage;
	before: string | null;
	after: string | null;
	bodyName: string;
	recordedBy: string | null;
	recordedAt: Date;
}

/** Every change of one body's plan, oldest first, with the date before and after it. */
export function planHistory(
	db: AppDatabase,
	documentId: string,
	organisationId: string
): PlanChange[] {
	const previous = new Map<AdoptionStage, string | null>();
	return db
		.select()
		.from(adoptionPlan)
		.where(
			and(eq(adoptionPlan.documentId, documentId), eq(adoptionPlan.organisationId, organisationId))
		)
		.orderBy(asc(adoptionPlan.id))
		.all()
		.map((row) => {
			const before = previous.get(row.stage) ?? null;
			previous.set(row.stage, row.plannedOn);
			return {
				id: row.id,
				stage: row.stage,
				before,
				after: row.plannedOn,
				bodyName: row.bodyName,
				recordedBy: row.recordedBy,
				recordedAt: row.recordedAt
			};
		});
}
