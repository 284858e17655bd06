import { TextSelection, type Transaction } from '@tiptap/pm/state';
import { EditorState } from '@tiptap/pm/state';
import { GapCursor } from '@tiptap/pm/gapcursor';
import { describe, expect, it } from 'vitest';
import { documentSchema } from '../server/documents/document-state';
import type { PmNode } from './pm-node';
import { caretAfterTable } from './table-exit';
import { table } from './table-test-support';

const paragraph = (text: string): PmNode => ({
	type: 'paragraph',
	content: [{ type: 'text', text }]
});

/** A state with the caret at the start of the text `word`. */
function stateAt(doc: PmNode, word: string): EditorState {
	const node = documentSchema().nodeFromJSON(doc);
	let at = -1;
	node.descendants((child, pos) => {
		if (at < 0 && child.isText && child.text!.includes(word)) at = pos + child.text!.indexOf(word);
	});
	return EditorState.create({ doc: node, selection: TextSelection.create(node, at) });
}

function leave(state: EditorState) {
	let tr: Transaction | undefined;
	const handled = caretAfterTable(state, (t) => (tr = t));
	return { handled, selection: tr?.selection };
}

describe('leaving a table with Escape', () => {
	it('puts the caret at the start of the text after the table', () => {
		const state = stateAt(
			{ type: 'doc', content: [table(['A'], [['in der Zelle']]), paragraph('danach')] },
			'Zelle'
		);
		const { handled, selection } = leave(state);
		expect(handled).toBe(true);
		expect(selection?.$head.parent.textContent).toBe('danach');
		expect(selection?.$head.parentOffset).toBe(0);
	});

	it('puts a gap cursor after a table that ends the text', () => {
		const state = stateAt(
			{ type: 'doc', content: [paragraph('davor'), table(null, [['Zelle']])] },
			'Zelle'
		);
		const { selection } = leave(state);
		expect(selection).toBeInstanceOf(GapCursor);
		expect(selection?.from).toBe(state.doc.content.size);
	});

	it('leaves Escape alone outside tables', () => {
		const state = stateAt({ type: 'doc', content: [paragraph('Text')] }, 'Text');
		expect(leave(state).handled).toBe(false);
	});
});
