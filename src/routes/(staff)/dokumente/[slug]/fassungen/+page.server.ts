import { fail } from '@sveltejs/kit';
import { userNames } from '$lib/server/accounts/members';
import { documentForPage } from '$lib/server/http/resource-guards';
import { shortHash } from '$lib/server/documents/content-hash';
import { FreezeForm } from '$lib/server/documents/forms';
import { freezeVersion, listVersions } from '$lib/server/documents/versions';
import { parseForm } from '$lib/server/http/forms';
import { signedInUser } from '$lib/server/http/guard';

export function load(event) {
	const { db } = event.locals.services;
	const found = documentForPage(db, event);
	const versions = listVersions(db, found.id);
	const names = userNames(
		db,
		versions.map((v) => v.createdBy).filter((id): id is string => id !== null)
	);
	return {
		versions: versions.map((v) => ({
			number: v.number,
			name: v.name,
			shortHash: shortHash(v.contentHash),
			createdAt: v.createdAt,
			createdBy: v.createdBy ? (names.get(v.createdBy) ?? 'unbekannt') : 'System'
		}))
	};
}

export const actions = {
	async freeze(event) {
		const { db } = event.locals.services;
		const found = documentForPage(db, event, 'document:write');
		const form = parseForm(FreezeForm, await event.request.formData());
		if (!form.ok) return fail(400, { message: form.message, name: '' });
		const result = freezeVersion(db, {
			documentId: found.id,
			name: form.value.name,
			userId: signedInUser(event).id
		});
		if (!result.ok) return fail(400, { message: result.message, name: form.value.name });
		return {
			success: `Fassung ${result.version.number} „${result.version.name}“ ist festgehalten.`,
			number: result.version.number
		};
	}
};
