// What the toolbar's table tools need to know about the table the caret is in.
import type { EditorState } from '@tiptap/pm/state';

/** Whether the table around the selection starts with a row of header cells. */
export function tableHasHeaderRow(state: EditorState): boolean {
	const { $head } = state.selection;
	for (let depth = $head.depth; depth > 0; depth--) {
		const node = $head.node(depth);
		if (node.type.name !== 'table') continue;
		let header = node.firstChild !== null && node.firstChild.childCount > 0;
		node.firstChild?.forEach((cell) => (header &&= cell.type.name === 'tableHeader'));
		return header;
	}
	return false;
}
