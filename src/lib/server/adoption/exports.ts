// The dashboard as CSV for spreadsheets: one row per adopting body, as the table shows it.
import { stageLabels } from '../../adoption';
import { csvField } from '../csv';
import { shortHash } from '../documents/content-hash';
import type { AdoptionOverview } from './overview';

export const adoptionCsvHeader = [
	'Körperschaft',
	'AGS',
	'Stand',
	'Fassung',
	'Name der Fassung',
	'Prüfwert',
	'Datum',
	'Gremium',
	'Drucksache',
	'Link zur Vorlage',
	'Notiz',
	'Neuere Fassung',
	'Überfällig'
];

/** Semicolons and a byte-order mark, which German spreadsheet programs expect. */
export function adoptionCsv(overview: AdoptionOverview): string {
	const lines = [adoptionCsvHeader];
	for (const body of overview.bodies) {
		const step = body.current;
		lines.push([
			body.organisation.name,
			body.organisation.ags ?? '',
			stageLabels[body.stage],
			step ? String(step.versionNumber) : '',
			step?.versionName ?? '',
			step ? shortHash(step.contentHash) : '',
			step?.decidedOn ?? '',
			step?.bodyName ?? '',
			step?.paperNumber ?? '',
			step?.paperUrl ?? '',
			step?.note ?? '',
			body.newerVersion ? String(body.newerVersion.number) : '',
			body.plans
				.filter((plan) => plan.overdue)
				.map((plan) => plan.plannedOn)
				.join(' | ')
		]);
	}
	return '\uFEFF' + lines.map((line) => line.map(csvField).join(';')).join('\r\n') + '\r\n';
}
