// The only two places where the editor relies on fields its libraries do not publish; neither
// library offers the same through its public API. library-internals.test.ts fails when an update
// of yjs or prosemirror-view changes them.
import type { EditorView } from '@tiptap/pm/view';
import type * as Y from 'yjs';

/**
 * Makes ProseMirror read what the browser changed and it has not read yet (a caret move, which it
 * would read on the next selectionchange event). Its DOM observer's flush is what ProseMirror
 * itself calls; no public method reads the page's selection with the same care.
 */
export function flushDomObserver(view: EditorView): void {
	(view as unknown as { domObserver?: { flush(): void } }).domObserver?.flush();
}

/**
 * The Yjs transaction under way, also in a `beforeAllTransactions` listener, which Yjs calls with
 * the document alone (the public `beforeTransaction` event, which hands the transaction over,
 * comes after y-tiptap has already taken the selection).
 */
export function transactionUnderWay(doc: Y.Doc): Y.Transaction | null {
	return (doc as unknown as { _transaction: Y.Transaction | null })._transaction ?? null;
}
