// From a paper's path in the council information system to the steps the app proposes. Pure:
// what a person later confirms is decided here, and nothing is written.
import { stageLabels, type AdoptionStage } from '../../adoption';
import { berlinToday, formatCalendarDate } from '../adoption/calendar';
import { noteMaxLength } from '../adoption/steps';
import type { ConsultationPath, PaperPath } from './reader';

export type ResultStage = Extract<
	AdoptionStage,
	'beschlossen' | 'beschlossen-mit-aenderungen' | 'abgelehnt' | 'vertagt'
>;

function normalise(text: string): string {
	return text
		.toLowerCase()
		.replace(/ä/g, 'ae')
		.replace(/ö/g, 'oe')
		.replace(/ü/g, 'ue')
		.replace(/ß/g, 'ss')
		.replace(/[_\-/:.]+/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
}

/**
 * An agenda item's free-text result as one of the council's decisions, or null when it says
 * something else ("zur Kenntnis genommen", "empfohlen"). Negations and postponements are
 * checked first, "ungeändert" before "geändert", so "nicht beschlossen" is no adoption.
 */
export function classifyResult(result: string): ResultStage | null {
	const text = normalise(result);
	if (/\b(abgelehnt|nicht (beschlossen|zugestimmt|angenommen)|rejected|declined)\b/.test(text)) {
		return 'abgelehnt';
	}
	if (/\b(vertagt|zurueckgestellt|verschoben|abgesetzt|postponed|deferred)\b/.test(text)) {
		return 'vertagt';
	}
	if (/\bungeaendert\b|\bwie vorgeschlagen\b|\bohne aenderung/.test(text)) return 'beschlossen';
	if (
		/\b(mit aenderung|mit ergaenzung|geaendert|abweichend|modified|amended)/.test(text) &&
		/\b(beschlossen|zugestimmt|angenommen|decided|approved|geaendert)/.test(text)
	) {
		return 'beschlossen-mit-aenderungen';
	}
	if (/\b(beschlossen|zugestimmt|angenommen|decided|approved|adopted)\b/.test(text)) {
		return 'beschlossen';
	}
	return null;
}

const councilPattern =
	/\b(rat|stadtrat|gemeinderat|kreistag|stadtverordnetenversammlung|gemeindevertretung|ratssitzung)\b/;

/** The council decides; committees advise. The system's classification says it best, then the
 * name; a consultation marked authoritative is the deciding one. */
export function isCouncil(consultation: ConsultationPath): boolean {
	const words = normalise(
		`${consultation.organizationClassification ?? ''} ${consultation.organizationName}`
	);
	if (/ausschuss/.test(words)) return consultation.authoritative;
	return councilPattern.test(words) || consultation.authoritative;
}

export interface ProposedStep {
	kind: 'step' | 'plan';
	stage: AdoptionStage;
	/** YYYY-MM-DD in Berlin: the meeting's day. */
	date: string;
	bodyName: string;
	/** The OParl object the proposal rests on: the agenda item, else the meeting. */
	sourceUrl: string;
	note: string;
	result: string | null;
	resolutionUrl: string | null;
	/** The line shown under "Neu aus dem Ratsinformationssystem". */
	news: string;
}

export interface Notice {
	sourceUrl: string;
	news: string;
}

export interface Proposals {
	steps: ProposedStep[];
	/** What the system says that maps to no step: unknown results, cancelled meetings. */
	notices: Notice[];
}

function noteFor(consultation: ConsultationPath, stage: AdoptionStage): string {
	const item = consultation.agendaItem;
	const lines = [`Aus dem Ratsinformationssystem: ${consultation.meetingName}.`];
	if (item?.result) lines.push(`Ergebnis: ${item.result}.`);
	if (item?.resolutionText) lines.push(`Beschlusstext: ${item.resolutionText}`);
	else if (stage === 'beschlossen-mit-aenderungen') {
		lines.push('Die Änderungen nennt das Ratsinformationssystem nicht; bitte ergänzen.');
	}
	if (item?.resolutionFileUrl) lines.push(`Beschluss: ${item.resolutionFileUrl}`);
	const note = lines.join('\n');
	return note.length > noteMaxLength ? `${note.slice(0, noteMaxLength - 1)}…` : note;
}

/** The proposals for one paper's path as of `now`. Cancelled meetings propose nothing. */
export function proposeSteps(path: PaperPath, now: Date): Proposals {
	const today = berlinToday(now);
	const steps: ProposedStep[] = [];
	const notices: Notice[] = [];
	for (const consultation of path.consultations) {
		if (!consultation.start) continue;
		const date = berlinToday(new Date(consultation.start));
		const body = consultation.organizationName;
		const sourceUrl = consultation.agendaItem?.url ?? consultation.meetingUrl;
		const council = isCouncil(consultation);
		const base = { date, bodyName: body, sourceUrl, resolutionUrl: null, result: null };
		if (
			consultation.cancelled ||
			/abgesagt|ausgefallen|aufgehoben/i.test(consultation.meetingState ?? '')
		) {
			notices.push({
				sourceUrl: `${consultation.meetingUrl}#abgesagt`,
				news: `${body}: Sitzung am ${formatCalendarDate(date)} abgesagt`
			});
			continue;
		}
		if (date > today) {
			const stage = council ? 'vorlage-im-rat' : 'im-ausschuss';
			steps.push({
				...base,
				kind: 'plan',
				stage,
				sourceUrl: consultation.meetingUrl,
				note: '',
				news: `${body}: Sitzung am ${formatCalendarDate(date)} terminiert`
			});
			continue;
		}
		if (!council) {
			steps.push({
				...base,
				kind: 'step',
				stage: 'im-ausschuss',
				note: noteFor(consultation, 'im-ausschuss'),
				result: consultation.agendaItem?.result ?? null,
				news: `${body}: Beratung am ${formatCalendarDate(date)} – bitte bestätigen`
			});
			continue;
		}
		const result = consultation.agendaItem?.result ?? null;
		const stage: AdoptionStage | null = result ? classifyResult(result) : 'vorlage-im-rat';
		if (!stage) {
			notices.push({
				sourceUrl: `${sourceUrl}#${result}`,
				news: `${body}: Ergebnis: ${result} (nicht zugeordnet)`
			});
			continue;
		}
		steps.push({
			...base,
			kind: 'step',
			stage,
			note: noteFor(consultation, stage),
			result,
			resolutionUrl: consultation.agendaItem?.resolutionFileUrl ?? null,
			news: result
				? `${body}: Ergebnis: ${result} (${stageLabels[stage]}) – bitte bestätigen`
				: `${body}: Vorlage im Rat am ${formatCalendarDate(date)} – bitte bestätigen`
		});
	}
	return { steps, notices };
}
