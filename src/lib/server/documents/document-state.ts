// Between ProseMirror JSON and Yjs state, with the same TipTap schema the editor uses.
import { getSchema } from '@tiptap/core';
import { prosemirrorJSONToYDoc, yDocToProsemirrorJSON } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { documentExtensions, documentFragment } from '../../editor/extensions';
import type { PmNode } from './markdown';

let schema: ReturnType<typeof getSchema> | undefined;

export function documentSchema() {
	schema ??= getSchema(documentExtensions());
	return schema;
}

/** A Yjs update holding the whole document; the JSON is checked against the schema first. */
export function yjsUpdateFromJSON(json: PmNode): Uint8Array {
	documentSchema().nodeFromJSON(json).check();
	const ydoc = prosemirrorJSONToYDoc(documentSchema(), json, documentFragment);
	const update = Y.encodeStateAsUpdate(ydoc);
	ydoc.destroy();
	return update;
}

export function jsonFromYDoc(ydoc: Y.Doc): PmNode {
	return yDocToProsemirrorJSON(ydoc, documentFragment) as PmNode;
}

/** The plain text of a document, block by block; a table row on one line, its cells apart by
 * tabs. */
export function plainText(node: PmNode): string {
	if (node.text) return node.text;
	if (node.type === 'hardBreak') return '\n';
	const inner = (node.content ?? []).map(plainText);
	if (node.type === 'tableRow') return inner.join('\t');
	return node.type === 'doc' ||
		node.type === 'table' ||
		node.type === 'tableCell' ||
		node.type === 'tableHeader' ||
		node.type.endsWith('List') ||
		node.type === 'listItem' ||
		node.type === 'blockquote'
		? inner.join('\n')
		: inner.join('');
}
