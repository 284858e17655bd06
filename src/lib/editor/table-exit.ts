// Leaving a table with the keyboard. In a table Tab moves from cell to cell (and adds a row at
// the end), so it cannot also move the focus on out of the text: Escape puts the caret right after
// the table instead, from where typing goes on below it and Tab leaves the text as everywhere else.
import { Extension } from '@tiptap/core';
import { GapCursor } from '@tiptap/pm/gapcursor';
import { Selection, type EditorState, type Transaction } from '@tiptap/pm/state';

/** The caret after the innermost table around the selection; false outside tables. */
export function caretAfterTable(state: EditorState, dispatch?: (tr: Transaction) => void): boolean {
	const { $head } = state.selection;
	for (let depth = $head.depth; depth > 0; depth--) {
		if ($head.node(depth).type.name !== 'table') continue;
		const $after = state.doc.resolve($head.after(depth));
		// Where nothing follows, the gap cursor marks the place after the table.
		const selection =
			($after.nodeAfter && Selection.findFrom($after, 1, true)) || new GapCursor($after);
		dispatch?.(state.tr.setSelection(selection).scrollIntoView());
		return true;
	}
	return false;
}

export const TableExit = Extension.create({
	name: 'tableExit',
	addKeyboardShortcuts() {
		return {
			Escape: ({ editor }) => caretAfterTable(editor.state, editor.view.dispatch)
		};
	}
});
