// The document page's source actions: an editor links a passage to a card, a poll option or an
// answer, unlinks it (softly) and undoes that, and chooses the events beside the text. Each
// change goes to everyone in the document over the comment channel.
import { fail, type RequestEvent } from '@sveltejs/kit';
import { documentForPage } from '$lib/server/http/resource-guards';
import { jsonFromYDoc } from '$lib/server/documents/document-state';
import { parseForm } from '$lib/server/http/forms';
import { signedInUser } from '$lib/server/http/guard';
import { chooseSourceEvents } from '$lib/server/sources/event-sources';
import { LinkSourceForm, SourceEventsForm, SourceLinkForm } from '$lib/server/sources/forms';
import {
	linkSource,
	restoreSource,
	unlinkSource,
	type SourceResult
} from '$lib/server/sources/passage-sources';

type DocumentEvent = RequestEvent<{ slug: string }>;

function editorOf(event: DocumentEvent) {
	const { db } = event.locals.services;
	return {
		found: documentForPage(db, event, 'document:link-sources'),
		user: signedInUser(event)
	};
}

function answer(documentId: string, result: SourceResult) {
	if (!result.ok) return fail(result.status, { message: result.message });
	return { sourceLinkId: result.linkId };
}

export async function linkPassageSource(event: DocumentEvent) {
	const { db, documents } = event.locals.services;
	const { found, user } = editorOf(event);
	const form = parseForm(LinkSourceForm, await event.request.formData());
	if (!form.ok) return fail(400, { message: form.message });
	return answer(
		found.id,
		linkSource(
			db,
			{ documentId: found.id, userId: user.id, ...form.value },
			documents.inspect(found.id, jsonFromYDoc)
		)
	);
}

async function changeLink(event: DocumentEvent, change: typeof unlinkSource) {
	const { db } = event.locals.services;
	const { found, user } = editorOf(event);
	const form = parseForm(SourceLinkForm, await event.request.formData());
	if (!form.ok) return fail(400, { message: form.message });
	return answer(found.id, change(db, { documentId: found.id, userId: user.id, ...form.value }));
}

/** Unlinking keeps the record, so the undo that follows restores it. */
export const unlinkPassageSource = (event: DocumentEvent) => changeLink(event, unlinkSource);
export const restorePassageSource = (event: DocumentEvent) => changeLink(event, restoreSource);

export async function chooseEvents(event: DocumentEvent) {
	const { db } = event.locals.services;
	const { found, user } = editorOf(event);
	const form = parseForm(SourceEventsForm, await event.request.formData(), ['eventId']);
	if (!form.ok) return fail(400, { message: form.message });
	const result = chooseSourceEvents(db, {
		documentId: found.id,
		eventIds: form.value.eventId,
		userId: user.id
	});
	if (!result.ok) return fail(result.status, { message: result.message });
	return { sourceEventsSaved: 'Die Auswahl der Konferenzen ist gespeichert.' };
}
