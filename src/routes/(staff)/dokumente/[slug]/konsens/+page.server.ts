import { db, readDocumentText } from '$lib/server/app';
import { openConcerns, passageConsensusOf } from '$lib/server/consensus/consensus';
import { documentForPage } from '$lib/server/documents/access';
import { jsonFromYDoc } from '$lib/server/documents/document-state';

export function load(event) {
	const found = documentForPage(db(), event);
	const { bodies, passages } = passageConsensusOf(
		db(),
		found.id,
		readDocumentText(found.id, jsonFromYDoc)
	);
	return {
		bodies,
		passages: passages.map(({ blockId, number, excerpt, counts }) => ({
			blockId,
			number,
			excerpt,
			counts
		})),
		concerns: openConcerns(bodies, passages)
	};
}
