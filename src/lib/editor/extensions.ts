// The one TipTap schema of the documents: the browser's editor and the server's seeding and
// rendering use this same list, so what the server writes is what the editor reads.
import type { AnyExtension } from '@tiptap/core';
import { Blockquote } from '@tiptap/extension-blockquote';
import { Bold } from '@tiptap/extension-bold';
import { Document } from '@tiptap/extension-document';
import { HardBreak } from '@tiptap/extension-hard-break';
import { Heading } from '@tiptap/extension-heading';
import { Italic } from '@tiptap/extension-italic';
import { Link } from '@tiptap/extension-link';
import { BulletList, ListItem, ListKeymap, OrderedList } from '@tiptap/extension-list';
import { Paragraph } from '@tiptap/extension-paragraph';
import { Text } from '@tiptap/extension-text';
import { Dropcursor, Gapcursor } from '@tiptap/extensions';
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
		// TipTap's starter kit without what the documents do not use, taken one by one (in the kit's
		// order) so the page loads none of it: no undo history (Yjs undoes each person's own
		// changes), no trailing empty paragraph (an edit nobody made, written by every editor
		// who opens a text ending in a list, and duplicated when two open it at once), no code,
		// strike-through, underline or horizontal rule.
		Bold,
		Blockquote,
		BulletList,
		Document,
		Dropcursor,
		Gapcursor,
		HardBreak,
		Heading.configure({ levels: [1, 2, 3] }),
		Italic,
		ListItem,
		ListKeymap,
		Link.configure({ openOnClick: false, autolink: true, protocols: ['http', 'https', 'mailto'] }),
		OrderedList,
		Paragraph,
		Text,
		// No column resizing: widths would be one person's screen, stored for everyone; the table
		// is as wide as its text and scrolls in its own box where it is wider than the page.
		TableKit.configure({ table: { resizable: false, renderWrapper: true } }),
		TableExit,
		UniqueID.configure({ types: blockTypesWithId, attributeName: 'id' })
	];
}
