// A document's text with its open change proposals marked: the current text with the proposals
// open now, or a frozen version with those it recorded.
import * as Y from 'yjs';
import { loadDocument } from '../collab/update-store';
import type { AppDatabase } from '../db/database';
import type { DocumentVersionRow } from '../db/schema';
import { markedText } from './marked-text';
import {
	openProposalsSnapshot,
	parseProposalsSnapshot,
	withAuthorNames,
	type ProposalSnapshotEntry
} from './proposal-snapshot';

export function textWithProposals(
	db: AppDatabase,
	documentId: string,
	version?: DocumentVersionRow
): ReturnType<typeof markedText> {
	const ydoc = new Y.Doc();
	try {
		let entries: ProposalSnapshotEntry[];
		if (version) {
			Y.applyUpdate(ydoc, version.yjsState);
			entries = parseProposalsSnapshot(version.proposalsSnapshot);
		} else {
			loadDocument(db, documentId, ydoc);
			entries = openProposalsSnapshot(db, documentId, ydoc);
		}
		return markedText(ydoc, withAuthorNames(db, entries));
	} finally {
		ydoc.destroy();
	}
}
