// Reads what the app needs from an OParl 1.1 system: the bodies, a paper (by reference, OParl
// address or web address) and the paper's path through committees and council.
import type * as v from 'valibot';
import { OparlError, type OparlFetcher } from './fetcher';
import {
	listPage,
	OparlAgendaItem,
	OparlBody,
	OparlConsultation,
	OparlFile,
	OparlMeeting,
	OparlOrganization,
	OparlPaper,
	OparlSystem
} from './objects';

export const defaultMaxPages = 50;

/** Walks an object list page by page; a `next` link seen before ends the walk with an error. */
async function* listItems<TItem extends v.GenericSchema>(
	fetcher: OparlFetcher,
	firstUrl: string,
	item: TItem,
	what: string,
	maxPages = defaultMaxPages
): AsyncGenerator<v.InferOutput<TItem>> {
	const seen = new Set<string>();
	let next: string | null | undefined = firstUrl;
	while (next) {
		if (seen.has(next)) {
			throw new OparlError(
				`Die Liste „${what}“ verweist auf eine schon gelesene Seite zurück (${next}); das Lesen wurde abgebrochen.`
			);
		}
		if (seen.size >= maxPages) {
			throw new OparlError(
				`Die Liste „${what}“ hat mehr als ${maxPages} Seiten; das Lesen wurde abgebrochen. Fügen Sie bitte die Adresse der Drucksache direkt ein.`
			);
		}
		seen.add(next);
		const page: { data: v.InferOutput<TItem>[]; links?: { next?: string | null } | null } =
			await fetcher.get(next, listPage(item), what);
		yield* page.data;
		next = page.links?.next;
	}
}

export async function readBodies(fetcher: OparlFetcher, systemUrl: string): Promise<OparlBody[]> {
	const system = await fetcher.get(systemUrl, OparlSystem, 'System');
	const bodies: OparlBody[] = [];
	for await (const body of listItems(fetcher, system.body, OparlBody, 'Körperschaften')) {
		bodies.push(body);
	}
	if (bodies.length === 0) {
		throw new OparlError('Das Ratsinformationssystem nennt keine Körperschaft.');
	}
	return bodies;
}

export function readBody(fetcher: OparlFetcher, bodyUrl: string): Promise<OparlBody> {
	return fetcher.get(bodyUrl, OparlBody, 'Körperschaft');
}

/**
 * Whether an OParl body is the organisation: `Body.ags` has eight digits, a Kreis's key five
 * (05978 is the Kreis, 05978000 its eight-digit form), a Kommune's eight.
 */
export function agsMatches(bodyAgs: string | null | undefined, organisationAgs: string | null) {
	if (!bodyAgs || !organisationAgs) return false;
	const body = bodyAgs.trim();
	if (organisationAgs.length === 8) return body === organisationAgs;
	return body === organisationAgs.padEnd(8, '0');
}

export interface FoundPaper {
	url: string;
	reference: string;
	name: string;
	web: string | null;
}

function foundPaper(paper: OparlPaper): FoundPaper {
	return {
		url: paper.id,
		reference: paper.reference ?? '',
		name: paper.name ?? '',
		web: paper.web ?? null
	};
}

const normalisedReference = (value: string) => value.replace(/\s+/g, '').toLowerCase();

/** The body's papers whose reference is the one given (spaces and case ignored). */
export async function findPapersByReference(
	fetcher: OparlFetcher,
	body: OparlBody,
	reference: string
): Promise<FoundPaper[]> {
	const wanted = normalisedReference(reference);
	const found: FoundPaper[] = [];
	for await (const paper of listItems(fetcher, body.paper, OparlPaper, 'Drucksachen')) {
		if (paper.reference && normalisedReference(paper.reference) === wanted) {
			found.push(foundPaper(paper));
		}
	}
	return found;
}

/** A paper by its OParl address, or by the address of its web page (searched in the list). */
export async function findPaperByAddress(
	fetcher: OparlFetcher,
	body: OparlBody,
	address: string
): Promise<FoundPaper | null> {
	const url = new URL(address);
	if (url.host === fetcher.host) {
		const direct = await fetcher.get(url.href, OparlPaper, 'Drucksache').catch((err: unknown) => {
			if (err instanceof OparlError) return null;
			throw err;
		});
		if (direct && direct.type.endsWith('/Paper')) return foundPaper(direct);
	}
	for await (const paper of listItems(fetcher, body.paper, OparlPaper, 'Drucksachen')) {
		if (paper.web === url.href || paper.id === url.href) return foundPaper(paper);
	}
	return null;
}

/** One consultation of the paper as far as the system tells it. */
export interface ConsultationPath {
	meetingUrl: string;
	meetingName: string;
	/** ISO date-time of the meeting's start, planned or held. */
	start: string | null;
	meetingState: string | null;
	cancelled: boolean;
	organizationName: string;
	organizationClassification: string | null;
	authoritative: boolean;
	agendaItem: {
		url: string;
		result: string | null;
		resolutionText: string | null;
		resolutionFileUrl: string | null;
	} | null;
}

export interface PaperPath {
	paper: FoundPaper;
	consultations: ConsultationPath[];
}

/** Reads a paper and, for each consultation, its meeting, committee and agenda item. */
export async function readPaperPath(fetcher: OparlFetcher, paperUrl: string): Promise<PaperPath> {
	const cache = new Map<string, Promise<unknown>>();
	const once = <T>(url: string, read: () => Promise<T>): Promise<T> => {
		if (!cache.has(url)) cache.set(url, read());
		return cache.get(url) as Promise<T>;
	};
	const paper = await fetcher.get(paperUrl, OparlPaper, 'Drucksache');
	const consultations: ConsultationPath[] = [];
	for (const entry of paper.consultation ?? []) {
		const consultation =
			typeof entry === 'string'
				? await once(entry, () => fetcher.get(entry, OparlConsultation, 'Beratung'))
				: entry;
		if (!consultation.meeting) continue;
		const meetingUrl = consultation.meeting;
		const meeting = await once(meetingUrl, () => fetcher.get(meetingUrl, OparlMeeting, 'Sitzung'));
		const organizationUrl = consultation.organization?.[0] ?? meeting.organization?.[0];
		const organization = organizationUrl
			? await once(organizationUrl, () =>
					fetcher.get(organizationUrl, OparlOrganization, 'Gremium')
				)
			: null;
		consultations.push({
			meetingUrl,
			meetingName: meeting.name ?? '',
			start: meeting.start ?? null,
			meetingState: meeting.meetingState ?? null,
			cancelled: meeting.cancelled === true,
			organizationName: organization?.name ?? meeting.name ?? 'Gremium',
			organizationClassification: organization?.classification ?? null,
			authoritative: consultation.authoritative === true,
			agendaItem: consultation.agendaItem
				? await readAgendaItem(fetcher, meeting, consultation.agendaItem)
				: null
		});
	}
	return { paper: foundPaper(paper), consultations };
}

async function readAgendaItem(
	fetcher: OparlFetcher,
	meeting: OparlMeeting,
	url: string
): Promise<ConsultationPath['agendaItem']> {
	const embedded = meeting.agendaItem?.find(
		(item): item is OparlAgendaItem => typeof item !== 'string' && item.id === url
	);
	const item = embedded ?? (await fetcher.get(url, OparlAgendaItem, 'Tagesordnungspunkt'));
	let file: OparlFile | null = null;
	if (typeof item.resolutionFile === 'string') {
		file = await fetcher.get(item.resolutionFile, OparlFile, 'Datei');
	} else if (item.resolutionFile) {
		file = item.resolutionFile;
	}
	return {
		url: item.id,
		result: item.result?.trim() || null,
		resolutionText: item.resolutionText?.trim() || null,
		resolutionFileUrl: file?.accessUrl ?? null
	};
}
