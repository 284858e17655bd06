// The consensus forms of the document page. The browser names the passage and the body; which
// text is agreed to, the server reads itself.
import * as v from 'valibot';
import { maxConsensusNoteLength } from '$lib/consensus';
import { multiLineText } from '../text/user-text';

const blockId = v.pipe(
	v.string('Bitte wählen Sie einen Abschnitt.'),
	v.uuid('Diesen Abschnitt gibt es nicht.')
);

const organisationId = v.pipe(
	v.string('Bitte wählen Sie die Körperschaft, für die Sie zeichnen.'),
	v.uuid('Diese Körperschaft gibt es nicht.')
);

export const ConsentForm = v.object({
	blockId,
	organisationId,
	state: v.picklist(['agree', 'concern'], 'Bitte wählen Sie „einverstanden“ oder „Bedenken“.'),
	note: v.optional(
		v.pipe(
			v.string('Die Anmerkung ist ungültig.'),
			multiLineText('Bitte schreiben Sie die Anmerkung ohne Steuerzeichen.'),
			v.trim(),
			v.maxLength(
				maxConsensusNoteLength,
				`Eine Anmerkung hat höchstens ${maxConsensusNoteLength} Zeichen.`
			)
		),
		''
	)
});

/** Withdrawing: the same shape as a stance, so both go the same way. */
export const WithdrawConsentForm = v.pipe(
	v.object({ blockId, organisationId }),
	v.transform((form) => ({ ...form, state: 'withdrawn' as const, note: '' }))
);

/** "Überschriften mitzählen": a checkbox, so absent means off. */
export const ConsensusSettingsForm = v.object({
	countHeadings: v.optional(v.picklist(['on'], 'Ungültige Einstellung.'))
});
