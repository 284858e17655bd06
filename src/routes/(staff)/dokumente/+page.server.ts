import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { findUser } from '$lib/server/accounts/members';
import { documentResource, can } from '$lib/server/policy';
import {
	createDocument,
	deleteDocument,
	findDocument,
	listDocuments,
	setArchived
} from '$lib/server/documents/documents';
import {
	CreateDocumentForm,
	DeleteDocumentForm,
	DocumentIdForm
} from '$lib/server/documents/forms';
import { parseForm } from '$lib/server/http/forms';
import { authorize, signedInUser } from '$lib/server/http/guard';
import type { DocumentRow } from '$lib/server/db/schema';
import type { Services } from '$lib/server/services';

function summary({ db, documents }: Services, row: DocumentRow, actor: App.Locals['actor']) {
	const resource = documentResource(row);
	return {
		id: row.id,
		slug: row.slug,
		title: row.title,
		kind: row.kind,
		status: row.status,
		updatedAt: row.updatedAt,
		present: documents
			.presentUserIds(row.id)
			.map((id) => findUser(db, id)?.name)
			.filter((name): name is string => Boolean(name)),
		canManage: can(actor, 'document:manage', resource),
		canDelete: can(actor, 'document:delete', resource)
	};
}

export function load(event) {
	const { services, actor } = event.locals;
	authorize(event, 'staff:view');
	const { db } = services;
	return {
		documents: listDocuments(db).map((row) => summary(services, row, actor)),
		archived: listDocuments(db, { archived: true }).map((row) => summary(services, row, actor)),
		canCreate: can(actor, 'document:create')
	};
}

/** The document a form names, after the actor is allowed the action on it. */
async function documentFromForm(
	event: RequestEvent,
	action: 'document:manage' | 'document:delete',
	schema: typeof DocumentIdForm | typeof DeleteDocumentForm
) {
	const { db } = event.locals.services;
	authorize(event, 'staff:view');
	const form = parseForm(schema, await event.request.formData());
	if (!form.ok) return { failure: fail(400, { message: form.message }) };
	// Refused before the lookup, so nobody learns which documents exist by trying.
	authorize(event, action, {
		type: 'document',
		documentId: form.value.documentId,
		archived: false,
		viewersMayComment: false,
		viewersMayPropose: false
	});
	const found = findDocument(db, form.value.documentId);
	if (!found) return { failure: fail(404, { message: 'Dieses Dokument gibt es nicht.' }) };
	authorize(event, action, documentResource(found));
	return { document: found };
}

export const actions = {
	create: async (event) => {
		const { db } = event.locals.services;
		authorize(event, 'document:create');
		const user = signedInUser(event);
		const form = parseForm(CreateDocumentForm, await event.request.formData());
		if (!form.ok) return fail(400, { message: form.message });
		const created = createDocument(db, { ...form.value, createdBy: user.id });
		redirect(303, `/dokumente/${created.slug}`);
	},
	archive: async (event) => {
		const { db } = event.locals.services;
		const found = await documentFromForm(event, 'document:manage', DocumentIdForm);
		if (found.failure) return found.failure;
		setArchived(db, found.document.id, true);
		return { success: `„${found.document.title}“ ist archiviert.` };
	},
	restore: async (event) => {
		const { db } = event.locals.services;
		const found = await documentFromForm(event, 'document:manage', DocumentIdForm);
		if (found.failure) return found.failure;
		setArchived(db, found.document.id, false);
		return { success: `„${found.document.title}“ ist wiederhergestellt.` };
	},
	delete: async (event) => {
		const { db } = event.locals.services;
		const found = await documentFromForm(event, 'document:delete', DeleteDocumentForm);
		if (found.failure) return found.failure;
		deleteDocument(db, found.document.id);
		return { success: `„${found.document.title}“ ist gelöscht.` };
	}
};
