// How the adoption stages are named, drawn and ordered on every page that shows them (the staff
// dashboard, the per-body page, the public transparency page, the map legend).
/** The steps of adopting a text, in their usual order; any may be skipped. The last four are the
 * council's decisions. The database schema takes its column values from here. */
export const adoptionStages = [
	'nicht-begonnen',
	'in-vorbereitung',
	'im-ausschuss',
	'vorlage-im-rat',
	'beschlossen',
	'beschlossen-mit-aenderungen',
	'abgelehnt',
	'vertagt'
] as const;
export type AdoptionStage = (typeof adoptionStages)[number];

export const stageLabels: Record<AdoptionStage, string> = {
	'nicht-begonnen': 'Nicht begonnen',
	'in-vorbereitung': 'In Vorbereitung (Verwaltung)',
	'im-ausschuss': 'Im Ausschuss beraten',
	'vorlage-im-rat': 'Vorlage im Rat',
	beschlossen: 'Beschlossen',
	'beschlossen-mit-aenderungen': 'Beschlossen mit Änderungen',
	abgelehnt: 'Abgelehnt',
	vertagt: 'Vertagt'
};

/** The stages one records; "Nicht begonnen" is where every body starts. */
export const recordableStages = [
	'in-vorbereitung',
	'im-ausschuss',
	'vorlage-im-rat',
	'beschlossen',
	'beschlossen-mit-aenderungen',
	'abgelehnt',
	'vertagt'
] as const satisfies readonly AdoptionStage[];

/** Stages one plans a date for: the meetings ahead. A planned council meeting counts as held
 * once the council has decided (a postponement does not). */
export const plannableStages = [
	'im-ausschuss',
	'vorlage-im-rat'
] as const satisfies readonly AdoptionStage[];

export const planLabels: Record<(typeof plannableStages)[number], string> = {
	'im-ausschuss': 'Beratung im Ausschuss',
	'vorlage-im-rat': 'Entscheidung im Rat'
};

export function isAdopted(stage: AdoptionStage): boolean {
	return stage === 'beschlossen' || stage === 'beschlossen-mit-aenderungen';
}

/** The council has the paper before it: it needs a Drucksache number from here on. */
export function needsPaperNumber(stage: AdoptionStage): boolean {
	return (
		stage === 'vorlage-im-rat' ||
		stage === 'beschlossen' ||
		stage === 'beschlossen-mit-aenderungen' ||
		stage === 'abgelehnt' ||
		stage === 'vertagt'
	);
}

/** How far along a stage is; a postponed paper is still before the council, the other
 * decisions end the path. */
export function stageRank(stage: AdoptionStage): number {
	switch (stage) {
		case 'nicht-begonnen':
			return 0;
		case 'in-vorbereitung':
			return 1;
		case 'im-ausschuss':
			return 2;
		case 'vorlage-im-rat':
		case 'vertagt':
			return 3;
		default:
			return 4;
	}
}

/** The map and its legend: a fill colour and a pattern per stage, so colour never speaks alone.
 * Colours from KERN's palette, each with at least 3:1 contrast to the white between the shapes. */
export const stageStyles: Record<AdoptionStage, { colour: string; pattern: string }> = {
	'nicht-begonnen': { colour: '#ffffff', pattern: 'leer' },
	'in-vorbereitung': { colour: '#d6e4f5', pattern: 'punkte' },
	'im-ausschuss': { colour: '#9fc2ea', pattern: 'schraeg' },
	'vorlage-im-rat': { colour: '#5c8fd1', pattern: 'kreuz' },
	beschlossen: { colour: '#1b6b3a', pattern: 'voll' },
	'beschlossen-mit-aenderungen': { colour: '#2f8f55', pattern: 'senkrecht' },
	abgelehnt: { colour: '#a4262c', pattern: 'waagerecht' },
	vertagt: { colour: '#c77c02', pattern: 'wellen' }
};

/** One Kommune on the adoption map, as the dashboard draws it. */
export interface AdoptionMapShape {
	ags: string;
	slug: string;
	name: string;
	path: string;
	label: { x: number; y: number };
	stage: AdoptionStage;
	stageLabel: string;
	version: number | null;
}

/** The map of a document's adoption: the Kommunen's shapes and the Kreis beside them. */
export interface AdoptionMapView {
	width: number;
	height: number;
	shapes: AdoptionMapShape[];
	kreis: { name: string; stage: AdoptionStage; stageLabel: string; version: number | null } | null;
}

/** One recorded step on the adoption timeline (staff dashboard and public page alike). */
export interface AdoptionTimelineEntry {
	id: number;
	/** ISO date of the decision */
	date: string;
	dateLabel: string;
	organisation: string;
	stageLabel: string;
	bodyName: string;
	versionNumber: number;
	/** The step corrects an earlier one. */
	correction: boolean;
}
