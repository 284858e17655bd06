// The adoption forms' fields. The checks that need the database (version, dates, paper number,
// note) are the domain's, in steps.ts and plans.ts; here only the shape of the input.
import * as v from 'valibot';
import { multiLineText, oneLineText } from '../text/user-text';

const optionalText = v.optional(v.string(), '');

export const StepForm = v.object({
	stage: v.string('Bitte wählen Sie einen Schritt.'),
	versionId: v.string('Bitte wählen Sie die Fassung, um die es geht.'),
	decidedOn: v.string('Bitte geben Sie das Datum des Schritts an.'),
	bodyName: v.pipe(
		v.string('Bitte geben Sie das Gremium an.'),
		oneLineText('Bitte geben Sie das Gremium ohne Steuerzeichen an.')
	),
	paperNumber: v.pipe(
		optionalText,
		oneLineText('Bitte geben Sie die Drucksache ohne Steuerzeichen an.')
	),
	paperUrl: v.pipe(
		optionalText,
		oneLineText('Bitte geben Sie den Link zur Vorlage ohne Steuerzeichen an.')
	),
	note: v.pipe(optionalText, multiLineText('Bitte schreiben Sie die Notiz ohne Steuerzeichen.')),
	correctsStepId: v.pipe(
		optionalText,
		v.regex(/^\d*$/, 'Unbekannter Eintrag.'),
		v.transform((value) => (value === '' ? null : Number(value)))
	)
});

export const PlanForm = v.object({
	stage: v.string('Bitte wählen Sie, welcher Schritt geplant ist.'),
	plannedOn: optionalText,
	bodyName: v.pipe(optionalText, oneLineText('Bitte geben Sie das Gremium ohne Steuerzeichen an.'))
});

export const PublishForm = v.object({
	documentId: v.pipe(v.string(), v.uuid('Unbekanntes Dokument.'))
});
