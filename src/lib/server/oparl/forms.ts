// The OParl forms' fields; what needs the council information system or the database is checked
// in sync.ts and store.ts.
import * as v from 'valibot';
import { requiredText } from '../http/forms';
import { bodyNameMaxLength, paperUrlMaxLength } from '../adoption/steps';

const address = (label: string) => requiredText(label, paperUrlMaxLength);

export const SystemForm = v.object({
	systemUrl: address('die Adresse des OParl-Systems')
});

export const ConnectionForm = v.object({
	systemUrl: address('die Adresse des OParl-Systems'),
	bodyUrl: address('die Körperschaft')
});

export const LinkForm = v.object({
	paper: address('die Nummer oder Adresse der Drucksache'),
	versionId: v.pipe(v.string('Bitte wählen Sie die Fassung.'), v.uuid('Unbekannte Fassung.'))
});

const proposalId = v.pipe(
	v.string('Unbekannter Vorschlag.'),
	v.regex(/^\d{1,12}$/, 'Unbekannter Vorschlag.'),
	v.transform(Number)
);

export const ConfirmForm = v.object({
	proposalId,
	date: v.pipe(
		v.string('Bitte geben Sie das Datum an.'),
		v.trim(),
		v.regex(/^\d{4}-\d{2}-\d{2}$/, 'Bitte geben Sie das Datum an (TT.MM.JJJJ).')
	),
	bodyName: requiredText('das Gremium', bodyNameMaxLength)
});

export const DismissForm = v.object({ proposalId });
