import * as v from 'valibot';
import { documentKinds } from '../db/schema';
import { requiredText } from '../http/forms';

export const CreateDocumentForm = v.object({
	title: requiredText('einen Titel', 200),
	kind: v.picklist(documentKinds, 'Bitte wählen Sie die Art des Dokuments.')
});

export const DocumentIdForm = v.object({
	documentId: v.pipe(v.string(), v.uuid('Unbekanntes Dokument.'))
});

export const DeleteDocumentForm = v.object({
	documentId: v.pipe(v.string(), v.uuid('Unbekanntes Dokument.')),
	confirm: v.literal('ja', 'Bitte bestätigen Sie, dass das Dokument gelöscht werden soll.')
});
