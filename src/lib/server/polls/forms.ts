// Reading the moderator's question form, with German messages for every bad value.
import * as v from 'valibot';
import { pollQuestionTypes } from '../db/schema';
import { checkbox, requiredText, yesOrNo, type Parsed } from '../http/forms';
import { hasForbiddenCharacters, oneLineText } from '../text/user-text';
import type { QuestionInput } from './questions';

export const maxOptions = 20;
const maxOptionLength = 200;

const scaleLabel = v.pipe(
	v.optional(v.string(), ''),
	v.trim(),
	v.maxLength(40, 'Die Beschriftung darf höchstens 40 Zeichen lang sein.'),
	oneLineText('Bitte geben Sie die Beschriftung ohne Steuerzeichen an.')
);

/** When the projector shows the results: as answers come in, or once the moderator shows them. */
const projectionMode = v.picklist(
	['live', 'freigabe'],
	'Bitte wählen Sie, wann die Projektion das Ergebnis zeigt.'
);

const QuestionFields = v.object({
	type: v.picklist(pollQuestionTypes, 'Bitte wählen Sie eine Art der Frage.'),
	prompt: requiredText('eine Frage', 300),
	options: v.optional(v.string(), ''),
	maxChoices: v.optional(v.string(), ''),
	scaleMin: v.optional(v.string(), ''),
	scaleMax: v.optional(v.string(), ''),
	scaleMinLabel: scaleLabel,
	scaleMaxLabel: scaleLabel,
	allowChange: checkbox('Bitte geben Sie an, ob Antworten geändert werden dürfen.'),
	// Missing on forms from before the setting existed: the safe default.
	projection: v.optional(projectionMode, 'freigabe')
});

export const MoveForm = v.object({
	direction: v.picklist(['up', 'down'], 'Bitte wählen Sie, wohin die Frage rückt.')
});

export const ResultsForm = v.object({
	visible: yesOrNo('Bitte wählen Sie, ob das Ergebnis gezeigt wird.')
});

export const ProjectionForm = v.object({ projection: projectionMode });

export const HideAnswerForm = v.object({
	answerId: v.string('Diese Antwort gibt es nicht.'),
	hidden: yesOrNo('Bitte wählen Sie, ob die Antwort ausgeblendet wird.')
});

function wholeNumber(value: string): number | null {
	return /^\s*-?\d{1,3}\s*$/.test(value) ? Number(value) : null;
}

export function parseQuestionForm(data: FormData): Parsed<QuestionInput> {
	const fields = Object.fromEntries(
		Object.keys(QuestionFields.entries).map((key) => [key, data.get(key) ?? undefined])
	);
	const parsed = v.safeParse(QuestionFields, fields);
	if (!parsed.success) return { ok: false, message: parsed.issues[0].message };
	const input = parsed.output;
	const result: QuestionInput = {
		type: input.type,
		prompt: input.prompt,
		options: [],
		maxChoices: null,
		scaleMin: null,
		scaleMax: null,
		scaleMinLabel: null,
		scaleMaxLabel: null,
		allowChange: input.allowChange === 'ja',
		projectionLive: input.projection === 'live'
	};
	if (input.type === 'single' || input.type === 'multiple' || input.type === 'ranking') {
		const options = input.options
			.split(/\r?\n/)
			.map((line) => line.trim())
			.filter(Boolean);
		if (options.length < 2) {
			return { ok: false, message: 'Bitte geben Sie mindestens zwei Antworten an, eine je Zeile.' };
		}
		if (options.length > maxOptions) {
			return { ok: false, message: `Höchstens ${maxOptions} Antworten.` };
		}
		if (options.some((option) => option.length > maxOptionLength)) {
			return {
				ok: false,
				message: `Eine Antwort darf höchstens ${maxOptionLength} Zeichen lang sein.`
			};
		}
		if (options.some((option) => hasForbiddenCharacters(option, 'one-line'))) {
			return { ok: false, message: 'Bitte geben Sie die Antworten ohne Steuerzeichen an.' };
		}
		if (new Set(options).size !== options.length) {
			return { ok: false, message: 'Jede Antwort darf nur einmal vorkommen.' };
		}
		result.options = options;
	}
	if (input.type === 'multiple' && input.maxChoices.trim()) {
		const limit = wholeNumber(input.maxChoices);
		if (limit === null || limit < 1 || limit > result.options.length) {
			return {
				ok: false,
				message: `Die Höchstzahl muss zwischen 1 und ${result.options.length} liegen.`
			};
		}
		result.maxChoices = limit;
	}
	if (input.type === 'scale') {
		const min = input.scaleMin.trim() ? wholeNumber(input.scaleMin) : 1;
		const max = input.scaleMax.trim() ? wholeNumber(input.scaleMax) : 5;
		if (min === null || max === null || min < 0 || max > 10 || max - min < 1) {
			return {
				ok: false,
				message: 'Die Skala reicht von einer Zahl ab 0 bis zu einer größeren Zahl bis 10.'
			};
		}
		Object.assign(result, {
			scaleMin: min,
			scaleMax: max,
			scaleMinLabel: input.scaleMinLabel || null,
			scaleMaxLabel: input.scaleMaxLabel || null
		});
	}
	return { ok: true, value: result };
}
