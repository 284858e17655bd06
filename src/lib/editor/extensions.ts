// The one TipTap schema of the documents: the browser's editor and the server's seeding and
// rendering use this same list, so what the server writes is what the editor reads.
import type { AnyExtension } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { TableKit } from '@tiptap/extension-table';
import UniqueID from '@tiptap/extension-unique-id';
import { TableExit } from './table-exit';

/** Block nodes that carry a stable id: comments, numbering and agreement attach to them. */
export const blockTypesWithId = [
	'heading',
	'paragraph',
	'blockquote',
	'bulletList',
	'orderedList',
	'listItem',
	'table',
	'tableRow'
];

/** The Yjs XML fragment the document text lives in. */
export const documentFragment = 'default';

export function documentExtensions(): AnyExtension[] {
	return [
		StarterKit.configure({
			// Undo and redo come from Yjs: each person undoes only their own changes.
			undoRedo: false,
			// A trailing empty paragraph would be written by every editor who opens a text ending
			// in a list: an edit nobody made, and duplicates when two open it at once.
			trailingNode: false,
			heading: { levels: [1, 2, 3] },
			code: false,
			codeBlock: false,
			strike: false,
			underline: false,
			horizontalRule: false,
			link: { openOnClick: false, autolink: true, protocols: ['http', 'https', 'mailto'] }
		}),
		// No column resizing: widths would be one person's screen, stored for everyone; the table
		// is as wide as its text and scrolls in its own box where it is wider than the page.
		TableKit.configure({ table: { resizable: false, renderWrapper: true } }),
		TableExit,
		UniqueID.configure({ types: blockTypesWithId, attributeName: 'id' })
	];
}
