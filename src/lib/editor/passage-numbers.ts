// The passage numbers in the editor's margin: node decorations carrying `data-passage`, drawn by
// passage-numbers.css. Client-side and schema-free: the numbers are derived, never stored.
import { Extension } from '@tiptap/core';
import type { Node } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { livePassages } from './passages';
import './passage-numbers.css';

/** The node that shows a passage's number: a table row's number stands at its first cell (a
 * row can hold only cells, so the row itself cannot draw it). */
function numberedNode(doc: Node, pos: number, type: string): { from: number; to: number } {
	const node = doc.nodeAt(pos)!;
	if (type === 'tableRow' && node.firstChild) {
		return { from: pos + 1, to: pos + 1 + node.firstChild.nodeSize };
	}
	return { from: pos, to: pos + node.nodeSize };
}

function decorate(doc: Node): DecorationSet {
	return DecorationSet.create(
		doc,
		livePassages(doc).map(({ pos, number, type }) => {
			const { from, to } = numberedNode(doc, pos, type);
			return Decoration.node(from, to, {
				'data-passage': number,
				// Read before the text: "Abschnitt 2.3, Wir vernetzen …" (see the stylesheet).
				'data-passage-label': `Abschnitt ${number}`
			});
		})
	);
}

const key = new PluginKey<DecorationSet>('passageNumbers');

export const PassageNumbers = Extension.create({
	name: 'passageNumbers',
	addProseMirrorPlugins() {
		return [
			new Plugin<DecorationSet>({
				key,
				state: {
					init: (_, state) => decorate(state.doc),
					// Every change, local or from another person, can renumber what follows it.
					apply: (tr, numbers) => (tr.docChanged ? decorate(tr.doc) : numbers)
				},
				props: {
					decorations: (state) => key.getState(state),
					attributes: { class: 'passage-numbered' }
				}
			})
		];
	}
});
