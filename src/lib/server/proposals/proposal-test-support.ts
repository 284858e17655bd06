// Yjs documents and proposals for the unit tests of marked texts, exports and versions.
import { toBase64 } from 'lib0/buffer';
import * as Y from 'yjs';
import { documentFragment } from '../../editor/extensions';
import { yjsUpdateFromJSON } from '../documents/document-state';
import { markdownToDocument } from '../documents/markdown';
import type { AttributedProposal } from './proposal-snapshot';

export function ydocFromMarkdown(markdown: string): Y.Doc {
	const ydoc = new Y.Doc();
	Y.applyUpdate(ydoc, yjsUpdateFromJSON(markdownToDocument(markdown)));
	return ydoc;
}

/** The first text of the document's `index`-th block. */
export function blockText(ydoc: Y.Doc, index: number): Y.XmlText {
	const block = ydoc.getXmlFragment(documentFragment).get(index) as Y.XmlElement;
	return block.get(0) as Y.XmlText;
}

const encode = (position: Y.RelativePosition) => toBase64(Y.encodeRelativePosition(position));

/** Anchors around `words` in a text (the first occurrence), as the editor makes them; with
 * `insertAfter` an empty range right after the words. */
export function anchorsAround(text: Y.XmlText, words: string, insertAfter = false) {
	const plain = (text.toDelta() as { insert: unknown }[])
		.map((op) => (typeof op.insert === 'string' ? op.insert : ''))
		.join('');
	const from = plain.indexOf(words);
	if (from < 0) throw new Error(`„${words}“ steht nicht im Text`);
	const to = from + words.length;
	const start = insertAfter ? to : from;
	return {
		anchorStart: encode(Y.createRelativePositionFromTypeIndex(text, start, 0)),
		anchorEnd: encode(Y.createRelativePositionFromTypeIndex(text, to, -1)),
		quote: insertAfter ? '' : words
	};
}

let counter = 0;

export function proposal(
	anchors: { anchorStart: string; anchorEnd: string; quote: string },
	fields: Partial<AttributedProposal> = {}
): AttributedProposal {
	counter++;
	return {
		id: `vorschlag-${counter}`,
		text: '',
		reason: null,
		organisationId: 'kamen',
		organisationName: 'Stadt Kamen',
		authorId: 'erika',
		authorName: 'Erika Muster',
		createdAt: Date.UTC(2026, 10, 20, 9, counter),
		outdated: false,
		...anchors,
		...fields
	};
}
