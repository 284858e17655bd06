import { db, readDocumentText } from '$lib/server/app';
import {
	consensusHistory,
	openConcerns,
	passageConsensusOf
} from '$lib/server/consensus/consensus';
import { documentForPage } from '$lib/server/documents/access';
import { jsonFromYDoc } from '$lib/server/documents/document-state';

/** The latest marks and withdrawals shown; the rest stays in the database. */
const historyLength = 50;

export function load(event) {
	const found = documentForPage(db(), event);
	const { bodies, passages } = passageConsensusOf(
		db(),
		found.id,
		readDocumentText(found.id, jsonFromYDoc)
	);
	const bodyNames = new Map(bodies.map((body) => [body.id, body.name]));
	const numbers = new Map(passages.map((passage) => [passage.blockId, passage.number]));
	return {
		bodies,
		passages: passages.map(({ blockId, number, excerpt, counts }) => ({
			blockId,
			number,
			excerpt,
			counts
		})),
		concerns: openConcerns(bodies, passages),
		history: consensusHistory(db(), found.id, { limit: historyLength }).map((entry) => ({
			...entry,
			/** Null when the passage is no longer in the text. */
			number: numbers.get(entry.blockId) ?? null,
			organisationName: bodyNames.get(entry.organisationId) ?? 'ehemalige Körperschaft'
		}))
	};
}
