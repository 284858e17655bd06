import { fail } from '@sveltejs/kit';
import { numberedPassages } from '$lib/consensus';
import {
	consensusHistory,
	openConcerns,
	passageConsensusOf,
	setCountsHeadings
} from '$lib/server/consensus/consensus';
import { ConsensusSettingsForm } from '$lib/server/consensus/forms';
import { documentForPage } from '$lib/server/http/resource-guards';
import { jsonFromYDoc } from '$lib/server/documents/document-state';
import { parseForm } from '$lib/server/http/forms';

/** The latest marks and withdrawals shown; the rest stays in the database. */
const historyLength = 50;

export function load(event) {
	const { db, documents } = event.locals.services;
	const found = documentForPage(db, event);
	const text = documents.inspect(found.id, jsonFromYDoc);
	const { bodies, passages, sections, countHeadings, headingMarksAside } = passageConsensusOf(
		db,
		found.id,
		text
	);
	const bodyNames = new Map(bodies.map((body) => [body.id, body.name]));
	const counted = new Set(passages.map((passage) => passage.blockId));
	// Headings that do not count still have numbers: the history names them.
	const numbers = new Map(numberedPassages(text).map((p) => [p.blockId, p.number]));
	return {
		bodies,
		countHeadings,
		headingMarksAside,
		passages: passages.map(({ blockId, number, excerpt, counts }) => ({
			blockId,
			number,
			excerpt,
			counts
		})),
		sections,
		concerns: openConcerns(bodies, passages),
		history: consensusHistory(db, found.id, { limit: historyLength }).map((entry) => ({
			...entry,
			/** Null when the passage is no longer in the text. */
			number: numbers.get(entry.blockId) ?? null,
			/** A heading's mark while headings do not count. */
			aside: numbers.has(entry.blockId) && !counted.has(entry.blockId),
			organisationName: bodyNames.get(entry.organisationId) ?? 'ehemalige Körperschaft'
		}))
	};
}

export const actions = {
	/** "Überschriften mitzählen": for those who manage the document; the open texts follow
	 * at once. */
	consensusSettings: async (event) => {
		const { db } = event.locals.services;
		const found = documentForPage(db, event, 'document:manage');
		const form = parseForm(ConsensusSettingsForm, await event.request.formData());
		if (!form.ok) return fail(400, { message: form.message });
		setCountsHeadings(db, found.id, form.value.countHeadings === 'on');
		return { saved: true };
	}
};
