import * as v from 'valibot';
import { documentKinds, documentStatuses } from '../db/schema';
import { confirmation, requiredText } from '../http/forms';
import { oneLineText } from '../text/user-text';

export const CreateDocumentForm = v.object({
	title: requiredText('einen Titel', 200),
	kind: v.picklist(documentKinds, 'Bitte wählen Sie die Art des Dokuments.')
});

export const DocumentIdForm = v.object({
	documentId: v.pipe(v.string(), v.uuid('Unbekanntes Dokument.'))
});

export const DeleteDocumentForm = v.object({
	documentId: v.pipe(v.string(), v.uuid('Unbekanntes Dokument.')),
	confirm: confirmation('Bitte bestätigen Sie, dass das Dokument gelöscht werden soll.')
});

export const StatusForm = v.object({
	status: v.picklist(documentStatuses, 'Bitte wählen Sie einen Stand.')
});

export const FreezeForm = v.object({
	name: v.pipe(
		v.string('Bitte geben Sie der Fassung einen Namen.'),
		oneLineText('Bitte geben Sie den Namen der Fassung ohne Steuerzeichen an.')
	)
});

export const RestoreForm = v.object({
	confirm: confirmation('Bitte bestätigen Sie, dass der Text ersetzt werden soll.')
});
