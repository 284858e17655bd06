// A document's sources as the exports, the versions and the public page use them: the active
// links in plain detail, without names, and frozen into a version as they were at freezing.
import type { AppDatabase } from '../db/database';
import type { DocumentVersionRow } from '../db/schema';
import { listPassageSources, sourceKey, type PassageSourceView } from './passage-sources';
import type { LinkedSource, SourceDetail } from './source-details';

function detailOf(view: PassageSourceView): SourceDetail | null {
	switch (view.kind) {
		case 'card':
			return {
				kind: 'card',
				key: `card:${sourceKey(view)}`,
				eventTitle: view.eventTitle,
				group: view.workingGroup,
				column: view.column,
				text: view.text,
				votes: view.dots
			};
		case 'poll-option':
			return {
				kind: 'poll-option',
				key: `poll-option:${sourceKey(view)}`,
				eventTitle: view.eventTitle,
				question: view.prompt,
				option: view.option,
				votes: view.votes,
				respondents: view.total
			};
		case 'poll-answer':
			// A hidden answer is not shown anywhere until the moderation shows it again.
			return view.text === null
				? null
				: {
						kind: 'poll-answer',
						key: `poll-answer:${sourceKey(view)}`,
						eventTitle: view.eventTitle,
						question: view.prompt,
						text: view.text
					};
	}
}

/** The document's active links now, each with its source's details. */
export function currentLinkedSources(db: AppDatabase, documentId: string): LinkedSource[] {
	return listPassageSources(db, documentId).flatMap((view) => {
		const source = detailOf(view);
		return source ? [{ blockId: view.blockId, source }] : [];
	});
}

/** What a version stores: the links with their details as they are at freezing. */
export function sourcesSnapshot(db: AppDatabase, documentId: string): string {
	return JSON.stringify(currentLinkedSources(db, documentId));
}

/** A version's frozen links; null for a version frozen before links were recorded. */
export function frozenSources(
	version: Pick<DocumentVersionRow, 'sourcesSnapshot'>
): LinkedSource[] | null {
	return version.sourcesSnapshot === null
		? null
		: (JSON.parse(version.sourcesSnapshot) as LinkedSource[]);
}
