// Reading the event and participant forms, with German messages for every bad value.
import * as v from 'valibot';
import { organisationTypes } from '../db/schema';
import { checkbox, requiredText, type Parsed } from '../http/forms';
import {
	hasForbiddenCharacters,
	multiLineText,
	normaliseLineBreaks,
	oneLineText,
	type TextKind
} from '../text/user-text';
import { maxWorkingGroups } from '$lib/events';
import type { EventInput, WorkingGroupInput } from './events';

export const maxAgendaItems = 30;
export const maxDisplayNameLength = 60;

const optionalText = (label: string, max: number, kind: TextKind) =>
	v.pipe(
		v.optional(v.string(), ''),
		kind === 'one-line'
			? oneLineText(`${label} darf keine Steuerzeichen enthalten.`)
			: multiLineText(`${label} darf keine Steuerzeichen enthalten.`),
		v.trim(),
		v.maxLength(max, `${label} darf höchstens ${max} Zeichen lang sein.`)
	);

/** 2026-02-30 has the right shape but no day: it must survive a round trip through Date. */
function isRealDay(date: string): boolean {
	const parsed = new Date(`${date}T00:00:00Z`);
	return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date;
}

const isoDate = v.pipe(
	v.string('Bitte geben Sie das Datum an.'),
	v.trim(),
	v.nonEmpty('Bitte geben Sie das Datum an.'),
	v.isoDate('Bitte geben Sie das Datum im Format TT.MM.JJJJ an.'),
	v.check(isRealDay, 'Dieses Datum gibt es nicht.')
);

const EventDetails = v.object({
	title: requiredText('einen Titel', 200),
	date: isoDate,
	place: optionalText('Der Ort', 200, 'one-line'),
	description: optionalText('Die Beschreibung', 2000, 'multi-line'),
	agenda: optionalText('Der Ablauf', 6000, 'multi-line'),
	asksAffiliation: checkbox('Bitte geben Sie an, ob nach der Herkunft gefragt wird.'),
	ownGroupBoardsOnly: checkbox(
		'Bitte geben Sie an, ob Teilnehmende nur auf der Pinnwand ihrer Gruppe schreiben.'
	)
});

function list(value: FormDataEntryValue[]): string[] {
	return value.map((item) => (typeof item === 'string' ? item : ''));
}

/**
 * The event form: details, the agenda as one item per line, and the working groups as rows of
 * `groupId`, `groupTitle` and `groupQuestion`. Rows left empty are dropped.
 */
export function parseEventForm(data: FormData): Parsed<EventInput> {
	const details = v.safeParse(EventDetails, {
		title: data.get('title') ?? '',
		date: data.get('date') ?? '',
		place: data.get('place') ?? '',
		description: data.get('description') ?? '',
		agenda: data.get('agenda') ?? '',
		asksAffiliation: data.get('asksAffiliation') ?? undefined,
		ownGroupBoardsOnly: data.get('ownGroupBoardsOnly') ?? undefined
	});
	if (!details.success) return { ok: false, message: details.issues[0].message };

	const agenda = details.output.agenda
		.split('\n')
		.map((line) => line.trim())
		.filter(Boolean);
	if (agenda.length > maxAgendaItems) {
		return { ok: false, message: `Der Ablauf darf höchstens ${maxAgendaItems} Punkte haben.` };
	}
	if (agenda.some((item) => item.length > 200)) {
		return { ok: false, message: 'Ein Punkt des Ablaufs darf höchstens 200 Zeichen lang sein.' };
	}
	if (agenda.some((item) => hasForbiddenCharacters(item, 'one-line'))) {
		return { ok: false, message: 'Der Ablauf darf keine Steuerzeichen enthalten.' };
	}

	const ids = list(data.getAll('groupId'));
	const titles = list(data.getAll('groupTitle'));
	const questions = list(data.getAll('groupQuestion'));
	if (titles.length > maxWorkingGroups * 2) {
		return { ok: false, message: `Höchstens ${maxWorkingGroups} Arbeitsgruppen.` };
	}
	const workingGroups: WorkingGroupInput[] = [];
	for (let i = 0; i < titles.length; i++) {
		const title = titles[i].trim();
		const question = normaliseLineBreaks(questions[i] ?? '').trim();
		if (!title && !question) continue;
		if (!title) {
			return { ok: false, message: `Bitte geben Sie der Arbeitsgruppe ${i + 1} einen Titel.` };
		}
		if (title.length > 120) {
			return {
				ok: false,
				message: 'Der Titel einer Arbeitsgruppe darf höchstens 120 Zeichen haben.'
			};
		}
		if (question.length > 500) {
			return { ok: false, message: 'Eine Leitfrage darf höchstens 500 Zeichen lang sein.' };
		}
		if (hasForbiddenCharacters(title, 'one-line')) {
			return {
				ok: false,
				message: 'Der Titel einer Arbeitsgruppe darf keine Steuerzeichen enthalten.'
			};
		}
		if (hasForbiddenCharacters(question, 'multi-line')) {
			return { ok: false, message: 'Eine Leitfrage darf keine Steuerzeichen enthalten.' };
		}
		const id = ids[i]?.trim();
		workingGroups.push({ id: id || undefined, title, question });
	}
	if (workingGroups.length > maxWorkingGroups) {
		return { ok: false, message: `Höchstens ${maxWorkingGroups} Arbeitsgruppen.` };
	}

	return {
		ok: true,
		value: {
			title: details.output.title,
			date: details.output.date,
			place: details.output.place,
			description: details.output.description,
			agenda,
			asksAffiliation: details.output.asksAffiliation === 'ja',
			ownGroupBoardsOnly: details.output.ownGroupBoardsOnly === 'ja',
			workingGroups
		}
	};
}

const displayName = v.pipe(
	v.optional(v.string(), ''),
	v.trim(),
	v.maxLength(
		maxDisplayNameLength,
		`Der Name darf höchstens ${maxDisplayNameLength} Zeichen lang sein.`
	),
	oneLineText('Bitte geben Sie den Namen ohne Steuerzeichen an.')
);

const optionalId = v.pipe(v.optional(v.string(), ''), v.trim());

export const ParticipantProfileForm = v.object({
	displayName,
	workingGroupId: optionalId,
	affiliationOrganisationId: optionalId,
	organisationType: v.optional(
		v.union(
			[v.literal(''), v.picklist(organisationTypes)],
			'Bitte wählen Sie eine Art von Organisation aus der Liste.'
		),
		''
	)
});

export const ReentryForm = v.object({
	reentryCode: v.pipe(
		v.string('Bitte geben Sie Ihren Wiedereinstiegscode ein.'),
		v.transform((code) => code.toUpperCase().replace(/[\s-]/g, '')),
		v.nonEmpty('Bitte geben Sie Ihren Wiedereinstiegscode ein.'),
		v.maxLength(16, 'Dieser Wiedereinstiegscode ist zu lang.')
	)
});
