// The browser moves the caret at once; ProseMirror reads where it went a moment later (on the
// next selectionchange event). A redraw in between, for a remote change or another person's
// caret, writes ProseMirror's older selection back into the page, and the move is lost. So the
// pending move is read first, before any remote change is applied.
import { Extension } from '@tiptap/core';
import { Plugin, type Transaction } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { untrack } from 'svelte';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { flushDomObserver, transactionUnderWay } from './library-internals';

/** Reads a caret move the browser made and ProseMirror has not read yet; a no-op otherwise. */
export function readPendingSelection(view: EditorView): void {
	flushDomObserver(view);
}

/**
 * Must be called before the editor is created: its listeners then run before y-tiptap's, which
 * takes the selection to restore after a remote change, and before the caret plugin's redraw.
 * Returns a function that removes the listeners.
 */
export function readSelectionBeforeRemoteChanges(
	ydoc: Y.Doc,
	awareness: Awareness,
	view: () => EditorView | undefined
): () => void {
	const beforeAll = (doc: Y.Doc) => {
		// Only changes from elsewhere: local ones start from ProseMirror's own, current state.
		const transaction = transactionUnderWay(doc);
		const current = view();
		if (transaction && !transaction.local && current) readPendingSelection(current);
	};
	const onPresence = (_changes: unknown, origin: unknown) => {
		// Only others' presence: one's own follows the editor's selection, which is current.
		const current = view();
		if (current && origin !== 'local') readPendingSelection(current);
	};
	ydoc.on('beforeAllTransactions', beforeAll);
	awareness.on('change', onPresence);
	return () => {
		ydoc.off('beforeAllTransactions', beforeAll);
		awareness.off('change', onPresence);
	};
}

/**
 * Dispatches a change the page makes on its own (new decorations from a live feed, a timer),
 * after reading a pending caret move: a transaction built on the older selection would put it
 * back.
 *
 * Untracked: called from a Svelte effect, the editor's listeners (which bump the page's revision
 * counter, read and write it) would otherwise run as part of that effect, make it depend on the
 * counter it bumps, and rerun it without end (effect_update_depth_exceeded).
 */
export function dispatchAfterPendingSelection(
	view: EditorView,
	change: (tr: Transaction) => Transaction
): void {
	untrack(() => {
		readPendingSelection(view);
		view.dispatch(change(view.state.tr));
	});
}

/** Keyboard commands act where the caret is now, also right after a move not yet read. */
export const ReadCaretBeforeKeys = Extension.create({
	name: 'readCaretBeforeKeys',
	priority: 2000,
	addProseMirrorPlugins() {
		return [
			new Plugin({
				props: {
					handleKeyDown(view) {
						readPendingSelection(view);
						return false;
					}
				}
			})
		];
	}
});
