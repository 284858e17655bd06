// Comments shown in the text: ProseMirror decorations computed from each thread's anchors, never
// marks in the shared document. They are recomputed from the anchors whenever Yjs changed the
// text and mapped through local edits in between (as y-tiptap's caret plugin does).
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { anchorsFor, bindingOf, resolveAnchors, type Anchors } from './comment-anchors';
import './comment-highlights.css';

export interface HighlightedThread extends Anchors {
	id: string;
	open: boolean;
}

export interface CommentHighlightState {
	threads: HighlightedThread[];
	activeId: string | null;
	/** Where each thread's words are now; missing for detached threads. */
	ranges: Map<string, { from: number; to: number }>;
	decorations: DecorationSet;
}

type Meta = { threads?: HighlightedThread[]; activeId?: string | null };

export const commentHighlightsKey = new PluginKey<CommentHighlightState>('commentHighlights');

function decorate(
	state: EditorState,
	threads: HighlightedThread[],
	activeId: string | null,
	ranges: Map<string, { from: number; to: number }>
): DecorationSet {
	const decorations: Decoration[] = [];
	for (const thread of threads) {
		const range = ranges.get(thread.id);
		const active = thread.id === activeId;
		if (!range || (!thread.open && !active)) continue;
		decorations.push(
			Decoration.inline(
				range.from,
				range.to,
				{
					class: active ? 'comment-mark comment-mark--active' : 'comment-mark',
					'data-thread': thread.id
				},
				{ id: thread.id }
			)
		);
	}
	return DecorationSet.create(state.doc, decorations);
}

function computed(state: EditorState, threads: HighlightedThread[], activeId: string | null) {
	const binding = bindingOf(state);
	const ranges = new Map<string, { from: number; to: number }>();
	for (const thread of threads) {
		const range = binding ? resolveAnchors(binding, thread) : null;
		if (range && range.to <= state.doc.content.size) ranges.set(thread.id, range);
	}
	return { threads, activeId, ranges, decorations: decorate(state, threads, activeId, ranges) };
}

function mapped(previous: CommentHighlightState, tr: Transaction, state: EditorState) {
	const ranges = new Map<string, { from: number; to: number }>();
	for (const [id, range] of previous.ranges) {
		const from = tr.mapping.map(range.from, 1);
		const to = tr.mapping.map(range.to, -1);
		if (from < to) ranges.set(id, { from, to });
	}
	return {
		...previous,
		ranges,
		decorations: decorate(state, previous.threads, previous.activeId, ranges)
	};
}

/** Anchors and quoted words for the current selection, or null when nothing is selected. */
export function selectionForComment(state: EditorState): (Anchors & { quote: string }) | null {
	const { from, to, empty } = state.selection;
	const binding = bindingOf(state);
	if (empty || !binding) return null;
	const quote = state.doc.textBetween(from, to, ' ').trim();
	if (!quote) return null;
	return { ...anchorsFor(binding, from, to), quote };
}

export function commentHighlights(state: EditorState): CommentHighlightState | undefined {
	return commentHighlightsKey.getState(state);
}

export function setCommentHighlights(tr: Transaction, meta: Meta): Transaction {
	return tr.setMeta(commentHighlightsKey, meta);
}

export const CommentHighlights = Extension.create<{
	/** A click on highlighted words opens their thread. */
	onActivate: (threadId: string) => void;
}>({
	name: 'commentHighlights',
	addOptions() {
		return { onActivate: () => {} };
	},
	addProseMirrorPlugins() {
		const { onActivate } = this.options;
		return [
			new Plugin<CommentHighlightState>({
				key: commentHighlightsKey,
				state: {
					init: (_config, state) => computed(state, [], null),
					apply(tr, previous, _old, state) {
						const meta = tr.getMeta(commentHighlightsKey) as Meta | undefined;
						if (meta || tr.getMeta(ySyncPluginKey) !== undefined) {
							return computed(
								state,
								meta?.threads ?? previous.threads,
								meta && 'activeId' in meta ? (meta.activeId ?? null) : previous.activeId
							);
						}
						return tr.docChanged ? mapped(previous, tr, state) : previous;
					}
				},
				props: {
					decorations: (state) => commentHighlightsKey.getState(state)?.decorations,
					handleClick(view, pos) {
						const found = commentHighlightsKey
							.getState(view.state)
							?.decorations.find(pos, pos)
							.map((decoration) => (decoration.spec as { id?: string }).id);
						const id = found?.find(Boolean);
						if (id) onActivate(id);
						return false;
					}
				}
			})
		];
	}
});

/**
 * For people who may comment but not edit: the text takes a caret and a selection (the keyboard
 * path to commenting) but refuses every change. The server refuses them as well.
 */
export const ReadOnlyText = Extension.create({
	name: 'readOnlyText',
	addProseMirrorPlugins() {
		return [
			new Plugin({
				filterTransaction: (tr) => !tr.docChanged || tr.getMeta(ySyncPluginKey) !== undefined,
				props: {
					handleDOMEvents: {
						beforeinput: (_view, event) => {
							event.preventDefault();
							return true;
						}
					},
					handlePaste: () => true,
					handleDrop: () => true
				}
			})
		];
	}
});
