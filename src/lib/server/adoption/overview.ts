// Where every adopting body stands on one document: the rows of the dashboard, the map, the
// public page, the CSV export and the reminders all read this one model.
import { isAdopted } from '../../adoption';
import type { AppDatabase } from '../db/database';
import type { AdoptionStage, Organisation } from '../db/schema';
import { listVersions, type VersionSummary } from '../documents/versions';
import { listAdoptingBodies } from '../workspace/organisations';
import { currentPlans, isOverdue, isReached, type PlannedStep } from './plans';
import { latestStep, listSteps, type StepView } from './steps';

export interface BodyStatus {
	organisation: Pick<Organisation, 'id' | 'slug' | 'name' | 'shortName' | 'kind' | 'ags'>;
	stage: AdoptionStage;
	current: StepView | null;
	/** Set when the body's step concerns an older text than the newest frozen version. */
	newerVersion: Pick<VersionSummary, 'number' | 'name'> | null;
	/** Planned steps still ahead or overdue (the ones the body has reached are left out). */
	plans: (PlannedStep & { overdue: boolean })[];
}

export interface AdoptionOverview {
	versions: VersionSummary[];
	bodies: BodyStatus[];
	steps: StepView[];
	adoptedCount: number;
}

/** The newest frozen version whose text differs from the one the body's step concerns. */
function differingNewerVersion(versions: readonly VersionSummary[], step: StepView | null) {
	if (!step) return null;
	const newest = versions.find(
		(v) => v.number > step.versionNumber && v.contentHash !== step.contentHash
	);
	return newest ? { number: newest.number, name: newest.name } : null;
}

export function adoptionOverview(
	db: AppDatabase,
	documentId: string,
	now = new Date()
): AdoptionOverview {
	const versions = listVersions(db, documentId);
	const steps = listSteps(db, documentId);
	const plans = currentPlans(db, documentId);
	const bodies = listAdoptingBodies(db).map((org): BodyStatus => {
		const current = latestStep(steps, org.id);
		return {
			organisation: {
				id: org.id,
				slug: org.slug,
				name: org.name,
				shortName: org.shortName,
				kind: org.kind,
				ags: org.ags
			},
			stage: current?.stage ?? 'nicht-begonnen',
			current,
			newerVersion: differingNewerVersion(versions, current),
			plans: plans
				.filter((plan) => plan.organisationId === org.id)
				.filter((plan) => !isReached(plan, current))
				.map((plan) => ({ ...plan, overdue: isOverdue(plan, current, now) }))
		};
	});
	return {
		versions,
		bodies,
		steps,
		adoptedCount: bodies.filter((body) => isAdopted(body.stage)).length
	};
}
