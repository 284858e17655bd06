import { describe, expect, it } from 'vitest';
import { boardView, listBoards } from '../boards/boards';
import { applyCommand, type CommandAuthor } from '../boards/commands';
import { appendUpdate } from '../collab/update-store';
import { user } from '../db/schema';
import { createTestDatabase } from '../db/test-database';
import { yjsUpdateFromJSON } from '../documents/document-state';
import { createDocument } from '../documents/documents';
import { markdownToDocument } from '../documents/markdown';
import { freezeVersion, versionContent } from '../documents/versions';
import { createEvent } from '../events/events';
import { joinEvent } from '../events/participants';
import { provenanceAnnex } from './annex';
import { currentLinkedSources, frozenSources } from './linked-sources';
import { linkSource, unlinkSource } from './passage-sources';
import { onBoard } from '../policy-fixture';

function setup() {
	const db = createTestDatabase();
	db.insert(user)
		.values({ id: 'eva', email: 'eva@kreis-unna.de', name: 'Eva Editorin', passwordHash: 'x' })
		.run();
	const doc = createDocument(db, { title: 'Leitbild', kind: 'leitbild', createdBy: null });
	const text = markdownToDocument('## Umsetzung\n\nWir bauen Bürokratie ab.');
	appendUpdate(db, doc.id, yjsUpdateFromJSON(text));
	const blockId = text.content![1].attrs!.id as string;
	const created = createEvent(db, {
		title: 'Zukunftskonferenz',
		date: '2025-06-11',
		place: 'Schwerte',
		description: '',
		agenda: [],
		asksAffiliation: false,
		workingGroups: [{ title: 'AG 1', question: 'Was fehlt?' }],
		createdBy: null
	});
	const [summary] = listBoards(db, created.id);
	const author: CommandAuthor = onBoard(
		{
			key: joinEvent(db, created.id, {
				displayName: 'Kim Kärtchen',
				workingGroupId: null,
				affiliationOrganisationId: null,
				organisationType: null
			}).participant.id,
			kind: 'participant',
			moderator: true,
			displayName: 'Kim Kärtchen',
			affiliationOrganisationId: null,
			organisationType: null
		},
		created.id
	);
	const view = () => boardView(db, summary.id, author)!;
	applyCommand(db, summary.id, author, {
		type: 'addCard',
		columnId: view().columns[0].id,
		text: 'Weniger Formulare',
		colour: 'gelb'
	});
	const cardId = view().columns[0].cards[0].id;
	return { db, doc, blockId, cardId };
}

describe('sources frozen with a version', () => {
	it('keeps the links as they were at freezing, without the name on the card', () => {
		const { db, doc, blockId, cardId } = setup();
		const linked = linkSource(db, {
			documentId: doc.id,
			blockId,
			source: { kind: 'card', cardId },
			userId: 'eva'
		});
		expect(linked.ok).toBe(true);
		const frozen = freezeVersion(db, { documentId: doc.id, name: 'Erste', userId: 'eva' });
		if (!frozen.ok) throw new Error(frozen.message);
		unlinkSource(db, {
			documentId: doc.id,
			linkId: linked.ok ? linked.linkId : 0,
			userId: 'eva'
		});

		expect(currentLinkedSources(db, doc.id)).toEqual([]);
		const kept = frozenSources(frozen.version);
		expect(kept).toEqual([
			{
				blockId,
				source: {
					kind: 'card',
					key: `card:${cardId}`,
					eventTitle: 'Zukunftskonferenz',
					group: 'AG 1',
					column: expect.any(String),
					text: 'Weniger Formulare',
					votes: 0
				}
			}
		]);
		expect(JSON.stringify(kept)).not.toContain('Kim');
		expect(provenanceAnnex(versionContent(frozen.version), kept).passages).toEqual([
			{
				number: '1.1',
				title: 'Abschnitt 1.1',
				sources: [expect.stringContaining('Weniger Formulare')]
			}
		]);
	});

	it('says so for a version frozen before sources were recorded', () => {
		expect(frozenSources({ sourcesSnapshot: null })).toBeNull();
	});
});
