// Live consensus of a document: /collab/consensus/<documentId>. Whenever a mark or the choice
// of counting headings changes, everyone in the document gets the current marks and that choice,
// and each the bodies they may speak for. Both are written through form actions; the change feed
// says when.
import type { AdoptingBody } from '$lib/consensus';
import type { AppDatabase } from '../db/database';
import { documentPushChannel, type DocumentPushChannel } from '../documents/document-push-channel';
import { can, type Actor, type Resource } from '../policy';
import { listAdoptingBodies } from '../workspace/organisations';
import { consensusMarks, countsHeadings } from './consensus';

export type ConsensusChannel = DocumentPushChannel;

/** The adopting bodies an actor may mark this document's passages for (none when archived). */
export function bodiesToSignFor(db: AppDatabase, actor: Actor, document: Resource): AdoptingBody[] {
	if (!can(actor, 'document:consent', document)) return [];
	return listAdoptingBodies(db)
		.filter((body) =>
			can(actor, 'organisation:consent', {
				type: 'organisation',
				organisationId: body.id,
				kind: body.kind
			})
		)
		.map(({ id, name, shortName }) => ({ id, name, shortName }));
}

export function consensusChannel(db: AppDatabase): ConsensusChannel {
	return documentPushChannel(db, {
		name: 'consensus',
		state(documentId) {
			const marks = consensusMarks(db, documentId);
			const countHeadings = countsHeadings(db, documentId);
			const bodies = listAdoptingBodies(db).map(({ id, name, shortName }) => ({
				id,
				name,
				shortName
			}));
			return ({ actor, resource }) => ({
				bodies,
				marks,
				countHeadings,
				signFor: bodiesToSignFor(db, actor, resource)
			});
		}
	});
}
