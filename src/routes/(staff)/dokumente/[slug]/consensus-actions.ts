// The document page's consensus actions: a signatory marks a passage for a body they sign for,
// or withdraws that body's mark. The body comes from the form and is checked against the
// signatory's own memberships here; the text agreed to is the server's.
import { fail, type RequestEvent } from '@sveltejs/kit';
import { recordConsensus } from '$lib/server/consensus/consensus';
import { ConsentForm, WithdrawConsentForm } from '$lib/server/consensus/forms';
import { documentForPage } from '$lib/server/http/resource-guards';
import { jsonFromYDoc } from '$lib/server/documents/document-state';
import { parseForm } from '$lib/server/http/forms';
import { signedInUser } from '$lib/server/http/guard';
import { can } from '$lib/server/policy';
import { listAdoptingBodies } from '$lib/server/workspace/organisations';

async function speakForBody(event: RequestEvent<{ slug: string }>, withdraw: boolean) {
	const { db, documents } = event.locals.services;
	const found = documentForPage(db, event, 'document:consent');
	const user = signedInUser(event);
	const data = await event.request.formData();
	const form = withdraw ? parseForm(WithdrawConsentForm, data) : parseForm(ConsentForm, data);
	if (!form.ok) return fail(400, { message: form.message });
	const body = listAdoptingBodies(db).find((org) => org.id === form.value.organisationId);
	if (!body) {
		return fail(404, {
			message: 'Diese Körperschaft gibt es nicht, oder sie beschließt keine Texte.'
		});
	}
	const resource = { type: 'organisation' as const, organisationId: body.id, kind: body.kind };
	if (!can(event.locals.actor, 'organisation:consent', resource)) {
		return fail(403, {
			message: `Sie zeichnen nicht für ${body.name}. Rückmeldungen geben Sie nur für Ihre eigene Körperschaft.`
		});
	}
	const result = recordConsensus(
		db,
		{
			documentId: found.id,
			blockId: form.value.blockId,
			organisationId: body.id,
			userId: user.id,
			state: form.value.state,
			note: form.value.note
		},
		documents.inspect(found.id, jsonFromYDoc)
	);
	if (!result.ok) return fail(result.status, { message: result.message });
	return {
		consensusSaved: withdraw
			? `Die Rückmeldung von ${body.name} zu Abschnitt ${result.passage.number} ist zurückgenommen.`
			: `Die Rückmeldung von ${body.name} zu Abschnitt ${result.passage.number} ist gespeichert.`
	};
}

/** A stance (agree or concern, with a note) for a body the person signs for. */
export const markPassage = (event: RequestEvent<{ slug: string }>) => speakForBody(event, false);

/** Takes back that body's current mark; the history keeps it. */
export const withdrawMark = (event: RequestEvent<{ slug: string }>) => speakForBody(event, true);
