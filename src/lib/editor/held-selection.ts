// The words someone is commenting on or proposing for stay marked while the form has the focus
// (the browser hides a selection in text that lost it): on a phone the form sits over the text,
// and the person must still see which words they are writing about.
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import './held-selection.css';

type Held = { from: number; to: number } | null;

const heldKey = new PluginKey<Held>('heldSelection');

/** Marks the range until `holdSelection(tr, null)`; mapped through every change meanwhile. */
export function holdSelection(tr: Transaction, range: Held): Transaction {
	return tr.setMeta(heldKey, { range });
}

export function heldSelection(state: EditorState): Held {
	return heldKey.getState(state) ?? null;
}

export const HeldSelection = Extension.create({
	name: 'heldSelection',
	addProseMirrorPlugins() {
		return [
			new Plugin<Held>({
				key: heldKey,
				state: {
					init: () => null,
					apply(tr, held) {
						const meta = tr.getMeta(heldKey) as { range: Held } | undefined;
						if (meta) return meta.range;
						if (!held || !tr.docChanged) return held;
						const from = tr.mapping.map(held.from, 1);
						const to = tr.mapping.map(held.to, -1);
						return from < to ? { from, to } : null;
					}
				},
				props: {
					decorations(state) {
						const held = heldKey.getState(state);
						if (!held) return null;
						return DecorationSet.create(state.doc, [
							Decoration.inline(held.from, held.to, { class: 'held-selection' })
						]);
					}
				}
			})
		];
	}
});
