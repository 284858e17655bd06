// The dashboard as a table for spreadsheets: one row per adopting body, as the page shows it; as
// CSV for machines and as an Excel workbook with typed cells for people.
import { stageLabels } from '../../adoption';
import { shortHash } from '../documents/content-hash';
import { calendarDate, tableCsv, type Column, type Table } from '../spreadsheet';
import type { AdoptionOverview } from './overview';

const columns: Column[] = [
	{ header: 'Körperschaft', type: 'text' },
	{ header: 'AGS', type: 'text' },
	{ header: 'Stand', type: 'text' },
	{ header: 'Fassung', type: 'number' },
	{ header: 'Name der Fassung', type: 'text' },
	{ header: 'Prüfwert', type: 'text' },
	{ header: 'Datum', type: 'date' },
	{ header: 'Gremium', type: 'text' },
	{ header: 'Drucksache', type: 'text' },
	{ header: 'Link zur Vorlage', type: 'text' },
	{ header: 'Notiz', type: 'text' },
	{ header: 'Neuere Fassung', type: 'number' },
	{ header: 'Überfällig', type: 'text' }
];

export function adoptionTable(overview: AdoptionOverview): Table {
	return {
		sheetName: 'Beschlüsse',
		columns,
		rows: overview.bodies.map((body) => {
			const step = body.current;
			return [
				body.organisation.name,
				body.organisation.ags ?? null,
				stageLabels[body.stage],
				step ? step.versionNumber : null,
				step?.versionName ?? null,
				step ? shortHash(step.contentHash) : null,
				step?.decidedOn ? calendarDate(step.decidedOn) : null,
				step?.bodyName ?? null,
				step?.paperNumber ?? null,
				step?.paperUrl ?? null,
				step?.note ?? null,
				body.newerVersion ? body.newerVersion.number : null,
				body.plans
					.filter((plan) => plan.overdue)
					.map((plan) => plan.plannedOn)
					.join(' | ') || null
			];
		})
	};
}

export const adoptionCsv = (overview: AdoptionOverview): string =>
	tableCsv(adoptionTable(overview));
