// The overview shaped for the pages: plain, serialisable rows for the map, the table and the
// timeline. The public page uses the same shape without notes, files or people.
import {
	planLabels,
	stageLabels,
	type AdoptionMapView,
	type AdoptionStage,
	type AdoptionTimelineEntry
} from '../../adoption';
import { shortHash } from '../documents/content-hash';
import { kreisOutlines } from './map';
import type { AdoptionOverview, BodyStatus } from './overview';
import { formatCalendarDate } from './calendar';

export interface VersionRef {
	number: number;
	name: string;
	shortHash: string;
}

export interface DashboardRow {
	slug: string;
	name: string;
	shortName: string;
	kind: string;
	stage: AdoptionStage;
	stageLabel: string;
	version: VersionRef | null;
	decidedOn: string | null;
	decidedOnLabel: string | null;
	bodyName: string | null;
	paperNumber: string | null;
	paperUrl: string | null;
	/** The version frozen since, when it differs from the one this body's step concerns. */
	newerVersion: { number: number; name: string } | null;
	plans: { label: string; bodyName: string; date: string; dateLabel: string; overdue: boolean }[];
}

export interface Dashboard {
	progress: { adopted: number; total: number };
	rows: DashboardRow[];
	map: AdoptionMapView;
	timeline: AdoptionTimelineEntry[];
	versions: VersionRef[];
	/** The versions some body has adopted, for the public page. */
	adoptedVersions: (VersionRef & { bodies: string[] })[];
}

function row(body: BodyStatus): DashboardRow {
	const step = body.current;
	return {
		slug: body.organisation.slug,
		name: body.organisation.name,
		shortName: body.organisation.shortName,
		kind: body.organisation.kind,
		stage: body.stage,
		stageLabel: stageLabels[body.stage],
		version: step
			? {
					number: step.versionNumber,
					name: step.versionName,
					shortHash: shortHash(step.contentHash)
				}
			: null,
		decidedOn: step?.decidedOn ?? null,
		decidedOnLabel: step ? formatCalendarDate(step.decidedOn) : null,
		bodyName: step?.bodyName ?? null,
		paperNumber: step?.paperNumber ?? null,
		paperUrl: step?.paperUrl ?? null,
		newerVersion: body.newerVersion,
		plans: body.plans.map((plan) => ({
			label: planLabels[plan.stage as keyof typeof planLabels] ?? stageLabels[plan.stage],
			bodyName: plan.bodyName,
			date: plan.plannedOn,
			dateLabel: formatCalendarDate(plan.plannedOn),
			overdue: plan.overdue
		}))
	};
}

export function dashboard(overview: AdoptionOverview): Dashboard {
	const rows = overview.bodies.map(row);
	const kreis = rows.find((r) => r.kind === 'kreis') ?? null;
	const outlines = kreisOutlines();
	const byAgs = new Map(overview.bodies.map((body, index) => [body.organisation.ags, rows[index]]));
	const names = new Map(
		overview.bodies.map((body) => [body.organisation.id, body.organisation.shortName])
	);
	const adopted = new Map<number, VersionRef & { bodies: string[] }>();
	for (const r of rows) {
		if (!r.version || (r.stage !== 'beschlossen' && r.stage !== 'beschlossen-mit-aenderungen'))
			continue;
		const entry = adopted.get(r.version.number) ?? { ...r.version, bodies: [] };
		entry.bodies.push(r.shortName);
		adopted.set(r.version.number, entry);
	}
	return {
		progress: { adopted: overview.adoptedCount, total: rows.length },
		rows,
		map: {
			width: outlines.width,
			height: outlines.height,
			// Shapes without an adopting body (another Kreis's data) are left out rather than guessed.
			shapes: outlines.shapes.flatMap((shape) => {
				const body = byAgs.get(shape.ags);
				return body
					? [
							{
								...shape,
								slug: body.slug,
								name: body.shortName,
								stage: body.stage,
								stageLabel: body.stageLabel,
								version: body.version?.number ?? null
							}
						]
					: [];
			}),
			kreis: kreis
				? {
						name: kreis.name,
						stage: kreis.stage,
						stageLabel: kreis.stageLabel,
						version: kreis.version?.number ?? null
					}
				: null
		},
		timeline: [...overview.steps]
			.sort((a, b) => a.decidedOn.localeCompare(b.decidedOn) || a.id - b.id)
			.map((step) => ({
				id: step.id,
				date: step.decidedOn,
				dateLabel: formatCalendarDate(step.decidedOn),
				organisation: names.get(step.organisationId) ?? '',
				stageLabel: stageLabels[step.stage],
				bodyName: step.bodyName,
				versionNumber: step.versionNumber,
				correction: step.correctsStepId !== null
			})),
		versions: overview.versions.map((v) => ({
			number: v.number,
			name: v.name,
			shortHash: shortHash(v.contentHash)
		})),
		adoptedVersions: [...adopted.values()].sort((a, b) => b.number - a.number)
	};
}
