import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { formFields, parseForm } from '$lib/server/http/forms';
import { authorize, signedInUser } from '$lib/server/http/guard';
import { ConnectionForm, SystemForm } from '$lib/server/oparl/forms';
import { findConnection, saveConnection } from '$lib/server/oparl/store';
import { bodyChoices, checkBody } from '$lib/server/oparl/sync';
import { findOrganisationBySlug } from '$lib/server/workspace/organisations';

/** Only bodies that adopt texts have a council, and only admins connect it. */
function adoptingOrganisation(event: Pick<RequestEvent, 'locals' | 'url' | 'request' | 'params'>) {
	const { db } = event.locals.services;
	authorize(event, 'oparl:configure');
	const org = findOrganisationBySlug(db, (event.params as { slug: string }).slug);
	if (!org?.adopting) error(404, 'Diese Körperschaft gibt es nicht.');
	authorize(event, 'oparl:configure', {
		type: 'organisation',
		organisationId: org.id,
		kind: org.kind
	});
	return org;
}

export function load(event) {
	const { db } = event.locals.services;
	const org = adoptingOrganisation(event);
	const connection = findConnection(db, org.id);
	return {
		organisation: { slug: org.slug, name: org.name, ags: org.ags },
		connection: connection
			? {
					systemUrl: connection.systemUrl,
					bodyUrl: connection.bodyUrl,
					bodyName: connection.bodyName,
					lastSyncAt: connection.lastSyncAt,
					lastError: connection.lastError
				}
			: null
	};
}

export const actions = {
	async bodies(event) {
		const { config } = event.locals.services;
		const org = adoptingOrganisation(event);
		const data = await event.request.formData();
		const values = formFields(data);
		const form = parseForm(SystemForm, data);
		if (!form.ok) return fail(400, { message: form.message, values });
		const choices = await bodyChoices(config.oparl, form.value.systemUrl, org);
		if (!choices.ok) return fail(400, { message: choices.message, values });
		return { systemUrl: form.value.systemUrl, choices: choices.value };
	},
	async save(event) {
		const { config, db } = event.locals.services;
		const org = adoptingOrganisation(event);
		const data = await event.request.formData();
		const values = formFields(data);
		const form = parseForm(ConnectionForm, data);
		if (!form.ok) return fail(400, { message: form.message, values });
		const body = await checkBody(config.oparl, form.value.systemUrl, form.value.bodyUrl);
		if (!body.ok) return fail(400, { message: body.message, values });
		saveConnection(db, {
			organisationId: org.id,
			systemUrl: form.value.systemUrl,
			bodyUrl: form.value.bodyUrl,
			bodyName: body.value.name,
			userId: signedInUser(event).id
		});
		return { success: `${org.name} ist mit „${body.value.name}“ verbunden.` };
	}
};
