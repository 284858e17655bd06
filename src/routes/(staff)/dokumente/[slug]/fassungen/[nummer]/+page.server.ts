import { error, fail } from '@sveltejs/kit';
import { userNames } from '$lib/server/accounts/members';
import { parseConsensusSnapshot } from '$lib/server/consensus/consensus';
import { documentForPage } from '$lib/server/http/resource-guards';
import { shortHash } from '$lib/server/documents/content-hash';
import { RestoreForm } from '$lib/server/documents/forms';
import { findVersion, listVersions, restoreVersion } from '$lib/server/documents/versions';
import { proposalListItems } from '$lib/server/documents/export-proposals';
import { parseForm } from '$lib/server/http/forms';
import { textWithProposals } from '$lib/server/proposals/text-with-proposals';
import { signedInUser } from '$lib/server/http/guard';

function versionNumber(param: string): number {
	const number = /^[1-9][0-9]{0,5}$/.test(param) ? Number(param) : NaN;
	if (Number.isNaN(number)) error(404, 'Diese Fassung gibt es nicht.');
	return number;
}

export function load(event) {
	const { db } = event.locals.services;
	const found = documentForPage(db, event);
	const version = findVersion(db, found.id, versionNumber(event.params.nummer));
	if (!version) error(404, 'Diese Fassung gibt es nicht.');
	const creator = version.createdBy
		? (userNames(db, [version.createdBy]).get(version.createdBy) ?? 'unbekannt')
		: 'System';
	const newest = listVersions(db, found.id)[0];
	// Versions frozen before proposals existed recorded none (null); the numbers are those of the
	// export "mit Vorschlägen".
	const proposals =
		version.proposalsSnapshot === null
			? null
			: proposalListItems(textWithProposals(db, found.id, version).proposals);
	return {
		version: {
			number: version.number,
			name: version.name,
			html: version.html,
			contentHash: version.contentHash,
			shortHash: shortHash(version.contentHash),
			createdAt: version.createdAt,
			createdBy: creator
		},
		newestNumber: newest?.number ?? version.number,
		proposals,
		consensus: parseConsensusSnapshot(version.consensusSnapshot)
	};
}

export const actions = {
	async restore(event) {
		const { db, documents } = event.locals.services;
		const found = documentForPage(db, event, 'document:write');
		const version = findVersion(db, found.id, versionNumber(event.params.nummer));
		if (!version) error(404, 'Diese Fassung gibt es nicht.');
		const form = parseForm(RestoreForm, await event.request.formData());
		if (!form.ok) return fail(400, { message: form.message });
		restoreVersion(db, documents.change, { version, userId: signedInUser(event).id });
		return {
			success: `Der Text von Fassung ${version.number} ist jetzt der aktuelle Text. Die späteren Fassungen bleiben erhalten.`
		};
	}
};
