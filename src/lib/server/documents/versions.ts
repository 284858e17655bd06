// Named versions: an editor freezes the current text under a name. A version keeps its Yjs state,
// ProseMirror JSON, HTML, plain text and content hash, the open proposals, the consensus marks and
// the passages' conference sources as they were, and is never changed afterwards. Restoring
// one makes its text the current text as a new change; history is never rewritten.
import { and, desc, eq, max } from 'drizzle-orm';
import { updateYFragment } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { documentFragment } from '../../editor/extensions';
import { loadDocument } from '../collab/update-store';
import { consensusSnapshot } from '../consensus/consensus';
import { transaction, type AppDatabase } from '../db/database';
import { documentVersion, type DocumentVersionRow } from '../db/schema';
import { openProposalsSnapshot } from '../proposals/proposal-snapshot';
import { sourcesSnapshot } from '../sources/linked-sources';
import { recordActivity } from './activity';
import { contentHash } from './content-hash';
import { documentSchema, jsonFromYDoc, plainText } from './document-state';
import type { PmNode } from './markdown';
import { findDocument } from './documents';
import { documentHtmlBody } from './export-html';

export const versionNameMaxLength = 120;

/** Names differ only when they differ in more than case and spacing. */
export function versionNameKey(name: string): string {
	return name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('de-DE');
}

export type VersionSummary = Omit<
	DocumentVersionRow,
	| 'yjsState'
	| 'content'
	| 'html'
	| 'plainText'
	| 'proposalsSnapshot'
	| 'consensusSnapshot'
	| 'sourcesSnapshot'
>;

const summaryColumns = {
	id: documentVersion.id,
	documentId: documentVersion.documentId,
	number: documentVersion.number,
	name: documentVersion.name,
	nameKey: documentVersion.nameKey,
	contentHash: documentVersion.contentHash,
	createdBy: documentVersion.createdBy,
	createdAt: documentVersion.createdAt
};

/** A document's versions, newest first, without their (large) contents. */
export function listVersions(db: AppDatabase, documentId: string): VersionSummary[] {
	return db
		.select(summaryColumns)
		.from(documentVersion)
		.where(eq(documentVersion.documentId, documentId))
		.orderBy(desc(documentVersion.number))
		.all();
}

export function findVersion(
	db: AppDatabase,
	documentId: string,
	number: number
): DocumentVersionRow | undefined {
	return db
		.select()
		.from(documentVersion)
		.where(and(eq(documentVersion.documentId, documentId), eq(documentVersion.number, number)))
		.get();
}

export function versionContent(version: DocumentVersionRow): PmNode {
	return JSON.parse(version.content) as PmNode;
}

/** The current text of a document, from its stored updates. */
export function currentContent(db: AppDatabase, documentId: string): PmNode {
	const ydoc = loadDocument(db, documentId);
	try {
		return jsonFromYDoc(ydoc);
	} finally {
		ydoc.destroy();
	}
}

export type FreezeResult =
	{ ok: true; version: DocumentVersionRow } | { ok: false; message: string };

/** Freezes the document's current text (as stored: every relayed update is) under a name. */
export function freezeVersion(
	db: AppDatabase,
	input: { documentId: string; name: string; userId: string | null },
	now = new Date()
): FreezeResult {
	const name = input.name.trim().replace(/\s+/g, ' ');
	if (name === '') return { ok: false, message: 'Bitte geben Sie der Fassung einen Namen.' };
	if (name.length > versionNameMaxLength) {
		return {
			ok: false,
			message: `Der Name darf höchstens ${versionNameMaxLength} Zeichen lang sein.`
		};
	}
	const nameKey = versionNameKey(name);
	return transaction(db, (tx) => {
		const taken = tx
			.select({ number: documentVersion.number })
			.from(documentVersion)
			.where(
				and(eq(documentVersion.documentId, input.documentId), eq(documentVersion.nameKey, nameKey))
			)
			.get();
		if (taken) {
			return {
				ok: false as const,
				message: `Eine Fassung mit dem Namen „${name}“ gibt es in diesem Dokument schon (Fassung ${taken.number}).`
			};
		}
		const row = findDocument(tx, input.documentId);
		if (!row) return { ok: false as const, message: 'Dieses Dokument gibt es nicht.' };
		const ydoc = loadDocument(tx, input.documentId);
		const json = jsonFromYDoc(ydoc);
		const yjsState = Y.encodeStateAsUpdate(ydoc);
		const proposals = openProposalsSnapshot(tx, input.documentId, ydoc);
		ydoc.destroy();
		const last =
			tx
				.select({ number: max(documentVersion.number) })
				.from(documentVersion)
				.where(eq(documentVersion.documentId, input.documentId))
				.get()?.number ?? 0;
		const version: DocumentVersionRow = {
			id: crypto.randomUUID(),
			documentId: input.documentId,
			number: last + 1,
			name,
			nameKey,
			yjsState: Buffer.from(yjsState),
			content: JSON.stringify(json),
			html: documentHtmlBody({ json, title: row.title, kind: row.kind }),
			plainText: plainText(json),
			contentHash: contentHash(json),
			proposalsSnapshot: JSON.stringify(proposals),
			consensusSnapshot: consensusSnapshot(tx, input.documentId, json),
			sourcesSnapshot: sourcesSnapshot(tx, input.documentId),
			createdBy: input.userId,
			createdAt: now
		};
		tx.insert(documentVersion).values(version).run();
		recordActivity(tx, {
			documentId: input.documentId,
			kind: 'freeze',
			userId: input.userId,
			at: now,
			versionId: version.id
		});
		return { ok: true as const, version };
	});
}

/** How a change reaches the document: through the live channel, so everyone connected gets it. */
export type ChangeDocument = (documentId: string, edit: (ydoc: Y.Doc) => void) => void;

/**
 * Makes a version's text the current text: the difference is applied as one new change (carets
 * and the other people's undo stay intact), and the older states remain in the history.
 */
export function restoreVersion(
	db: AppDatabase,
	change: ChangeDocument,
	input: { version: DocumentVersionRow; userId: string | null },
	now = new Date()
): void {
	const target = documentSchema().nodeFromJSON(versionContent(input.version));
	change(input.version.documentId, (ydoc) => {
		updateYFragment(ydoc, ydoc.getXmlFragment(documentFragment), target, {
			mapping: new Map(),
			isOMark: new Map()
		});
	});
	recordActivity(db, {
		documentId: input.version.documentId,
		kind: 'restore',
		userId: input.userId,
		at: now,
		versionId: input.version.id
	});
}
