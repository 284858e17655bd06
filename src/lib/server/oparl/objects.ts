// The parts of the OParl 1.1 objects the app reads, as valibot schemas. Unknown fields are kept
// (systems add their own); the fields read here must have the type the specification gives.
import * as v from 'valibot';

const url = v.pipe(v.string(), v.url());
const optionalText = v.nullish(v.string());

export const OparlSystem = v.looseObject({
	id: url,
	type: v.string(),
	body: url,
	name: optionalText
});

export const OparlBody = v.looseObject({
	id: url,
	type: v.string(),
	name: v.string(),
	shortName: optionalText,
	/** Amtlicher Gemeindeschlüssel, eight digits. */
	ags: optionalText,
	paper: url,
	meeting: v.nullish(url),
	/** The list of all agenda items, new in 1.1. */
	agendaItem: v.nullish(url)
});
export type OparlBody = v.InferOutput<typeof OparlBody>;

/** An object list page: `data` and the link to the next page, if any. */
export function listPage<TItem extends v.GenericSchema>(item: TItem) {
	return v.looseObject({
		data: v.array(item),
		links: v.nullish(v.looseObject({ next: v.nullish(url) }))
	});
}

export const OparlFile = v.looseObject({
	id: url,
	accessUrl: url
});
export type OparlFile = v.InferOutput<typeof OparlFile>;

export const OparlAgendaItem = v.looseObject({
	id: url,
	meeting: v.nullish(url),
	name: optionalText,
	consultation: v.nullish(url),
	result: optionalText,
	resolutionText: optionalText,
	/** Embedded in 1.1; some systems give only its URL. */
	resolutionFile: v.nullish(v.union([url, OparlFile]))
});
export type OparlAgendaItem = v.InferOutput<typeof OparlAgendaItem>;

export const OparlMeeting = v.looseObject({
	id: url,
	name: optionalText,
	meetingState: optionalText,
	cancelled: v.nullish(v.boolean()),
	start: v.nullish(
		v.pipe(
			v.string(),
			v.check((value) => !Number.isNaN(Date.parse(value)))
		)
	),
	organization: v.nullish(v.array(url)),
	agendaItem: v.nullish(v.array(v.union([url, OparlAgendaItem])))
});
export type OparlMeeting = v.InferOutput<typeof OparlMeeting>;

export const OparlOrganization = v.looseObject({
	id: url,
	name: optionalText,
	shortName: optionalText,
	classification: optionalText,
	organizationType: optionalText
});
export type OparlOrganization = v.InferOutput<typeof OparlOrganization>;

export const OparlConsultation = v.looseObject({
	id: v.nullish(url),
	meeting: v.nullish(url),
	agendaItem: v.nullish(url),
	organization: v.nullish(v.array(url)),
	authoritative: v.nullish(v.boolean()),
	role: optionalText
});
export type OparlConsultation = v.InferOutput<typeof OparlConsultation>;

export const OparlPaper = v.looseObject({
	id: url,
	type: v.string(),
	name: optionalText,
	reference: optionalText,
	/** Embedded in 1.1; some systems give only their URLs. */
	consultation: v.nullish(v.array(v.union([url, OparlConsultation]))),
	web: v.nullish(url)
});
export type OparlPaper = v.InferOutput<typeof OparlPaper>;
