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
	maxPages = defaultMaxPages,
	hint = 'Fügen Sie bitte die Adresse der Drucksache direkt ein.'
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
				`Die Liste „${what}“ hat mehr als ${maxPages} Seiten; das Lesen wurde abgebrochen. ${hint}`
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
	/** The addresses the path went through: consultations, meetings and agenda items. */
	urls: string[];
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
	const urls = new Set<string>();
	for (const entry of paper.consultation ?? []) {
		const consultation =
			typeof entry === 'string'
				? await once(entry, () => fetcher.get(entry, OparlConsultation, 'Beratung'))
				: entry;
		for (const address of [
			typeof entry === 'string' ? entry : entry.id,
			consultation.meeting,
			consultation.agendaItem
		]) {
			if (address) urls.add(address);
		}
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
	return { paper: foundPaper(paper), consultations, urls: [...urls] };
}

/**
 * The addresses of the body's papers, meetings and agenda items modified since the given time,
 * with what they refer to (a meeting's agenda items, an agenda item's consultation), from the
 * lists filtered by `modified_since`.
 */
export async function readModified(
	fetcher: OparlFetcher,
	body: OparlBody,
	since: Date
): Promise<Set<string>> {
	const touched = new Set<string>();
	const filtered = (list: string) => {
		const url = new URL(list);
		url.searchParams.set('modified_since', since.toISOString());
		return url.href;
	};
	const hint = 'Bitte versuchen Sie es später noch einmal.';
	const touchItem = (item: string | OparlAgendaItem) => {
		if (typeof item === 'string') return touched.add(item);
		touched.add(item.id);
		if (item.consultation) touched.add(item.consultation);
	};
	const papers = listItems(
		fetcher,
		filtered(body.paper),
		OparlPaper,
		'Drucksachen',
		undefined,
		hint
	);
	for await (const paper of papers) touched.add(paper.id);
	if (body.meeting) {
		const meetings = listItems(
			fetcher,
			filtered(body.meeting),
			OparlMeeting,
			'Sitzungen',
			undefined,
			hint
		);
		for await (const meeting of meetings) {
			touched.add(meeting.id);
			for (const item of meeting.agendaItem ?? []) touchItem(item);
		}
	}
	if (body.agendaItem) {
		const items = listItems(
			fetcher,
			filtered(body.agendaItem),
			OparlAgendaItem,
			'Tagesordnungspunkte',
			undefined,
			hint
		);
		for await (const item of items) touchItem(item);
	}
	return touched;
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
