// Conference sources beside the text: a passage linked to cards, poll options or answers shows
// "2 Quellen", a button (widget decoration) that opens the list. A card dragged from the panel
// "Aus der Konferenz" and dropped on a passage links it to that passage instead of inserting its
// words. The counts come from the comment feed, by block id, so they follow a passage wherever
// it moves.
import { Extension } from '@tiptap/core';
import type { Node } from '@tiptap/pm/model';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { sourcesCount } from '$lib/sources/types';
import { widgetPosition } from './consensus-margin';
import { livePassages } from './passages';
import './source-margin.css';

/** The drag data of a source: its SourceRef as JSON. */
export const sourceDragType = 'application/x-leitbild-quelle';

export interface LivePassage {
	blockId: string;
	number: string;
	type: string;
	pos: number;
	node: Node;
}

/** The numbered passages of the text as it is now in this browser. */
export function passagesNow(doc: Node): LivePassage[] {
	return livePassages(doc).flatMap(({ pos, number, type }) => {
		const node = doc.nodeAt(pos);
		const blockId = node?.attrs.id;
		return node && typeof blockId === 'string' ? [{ blockId, number, type, pos, node }] : [];
	});
}

/** The passage a position lies in (the caret, a drop), if any. Strictly inside: the position
 * between two blocks belongs to neither. */
export function passageAt(doc: Node, pos: number): LivePassage | undefined {
	return passagesNow(doc).find((p) => pos > p.pos && pos < p.pos + p.node.nodeSize);
}

/** A passage's words, short enough for a list. */
export function passageExcerpt(passage: LivePassage, length = 80): string {
	const words = passage.node.textContent.replace(/\s+/g, ' ').trim();
	return words.length > length ? `${words.slice(0, length - 1).trimEnd()}…` : words;
}

interface MarginState {
	counts: Map<string, number>;
	decorations: DecorationSet;
}

const key = new PluginKey<MarginState>('sourceMargin');

function indicator(number: string, blockId: string, count: number, onOpen: (id: string) => void) {
	const button = document.createElement('button');
	button.type = 'button';
	button.className = 'source-indicator';
	button.contentEditable = 'false';
	button.dataset.sourceBlock = blockId;
	button.setAttribute('aria-haspopup', 'dialog');
	const before = document.createElement('span');
	before.className = 'visually-hidden';
	before.textContent = `Abschnitt ${number}: `;
	const visible = document.createElement('span');
	visible.textContent = sourcesCount(count);
	const after = document.createElement('span');
	after.className = 'visually-hidden';
	after.textContent = ' aus der Konferenz anzeigen';
	button.append(before, visible, after);
	button.addEventListener('click', () => onOpen(blockId));
	return button;
}

function decorate(doc: Node, counts: Map<string, number>, onOpen: (id: string) => void) {
	if (counts.size === 0) return DecorationSet.empty;
	const widgets = passagesNow(doc).flatMap(({ blockId, number, type, pos, node }) => {
		const count = counts.get(blockId) ?? 0;
		if (count === 0) return [];
		return [
			Decoration.widget(
				widgetPosition(pos, type, node),
				() => indicator(number, blockId, count, onOpen),
				// Same passage, same count: the element is kept, and with it the focus. After the
				// passage's consensus indicator (side -1), so the two stand side by side.
				{
					key: `sources-${blockId}-${number}|${count}`,
					side: -0.5,
					stopEvent: () => true,
					ignoreSelection: true
				}
			)
		];
	});
	return DecorationSet.create(doc, widgets);
}

/** Hands the number of sources per block id to the margin. */
/** How many sources each passage has, from the passages' ids, one per source. */
export function sourceCounts(blockIds: string[]): Map<string, number> {
	const counts = new Map<string, number>();
	for (const id of blockIds) counts.set(id, (counts.get(id) ?? 0) + 1);
	return counts;
}

export function setSourceCounts(tr: Transaction, counts: Map<string, number>): Transaction {
	return tr.setMeta(key, counts);
}

export const SourceMargin = Extension.create<{
	onOpen: (blockId: string) => void;
	onDrop: (blockId: string, source: string) => void;
}>({
	name: 'sourceMargin',
	addOptions() {
		return { onOpen: () => {}, onDrop: () => {} };
	},
	addProseMirrorPlugins() {
		const { onOpen, onDrop } = this.options;
		return [
			new Plugin<MarginState>({
				key,
				state: {
					init: () => ({ counts: new Map(), decorations: DecorationSet.empty }),
					apply: (tr, current, _old, state) => {
						const counts = tr.getMeta(key) as Map<string, number> | undefined;
						if (!counts && !tr.docChanged) return current;
						const next = counts ?? current.counts;
						return { counts: next, decorations: decorate(state.doc, next, onOpen) };
					}
				},
				props: {
					decorations: (state) => key.getState(state)?.decorations,
					handleDOMEvents: {
						// Without this the editor refuses the drop of data it does not know.
						dragover: (_view, event) => {
							if (!event.dataTransfer?.types.includes(sourceDragType)) return false;
							event.preventDefault();
							event.dataTransfer.dropEffect = 'link';
							return true;
						}
					},
					handleDrop: (view, event) => {
						const source = event.dataTransfer?.getData(sourceDragType);
						if (!source) return false;
						event.preventDefault();
						const at = view.posAtCoords({ left: event.clientX, top: event.clientY });
						const passage = at
							? passageAt(view.state.doc, at.inside >= 0 ? at.inside + 1 : at.pos)
							: undefined;
						if (passage) onDrop(passage.blockId, source);
						return true;
					}
				}
			})
		];
	}
});
