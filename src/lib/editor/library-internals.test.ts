import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { transactionUnderWay } from './library-internals';

describe('what the editor reads from Yjs internals', () => {
	function seenBeforeAll(doc: Y.Doc, change: () => void) {
		const seen: (Y.Transaction | null)[] = [];
		const listener = (d: Y.Doc) => seen.push(transactionUnderWay(d));
		doc.on('beforeAllTransactions', listener);
		change();
		doc.off('beforeAllTransactions', listener);
		return seen;
	}

	it('is the transaction under way, local or from elsewhere', () => {
		const doc = new Y.Doc();
		expect(transactionUnderWay(doc)).toBeNull();
		const [local] = seenBeforeAll(doc, () => doc.getText('t').insert(0, 'hier'));
		expect(local).toBeInstanceOf(Y.Transaction);
		expect(local!.local).toBe(true);

		const other = new Y.Doc();
		other.getText('t').insert(0, 'dort');
		const [remote] = seenBeforeAll(doc, () => Y.applyUpdate(doc, Y.encodeStateAsUpdate(other)));
		expect(remote).toBeInstanceOf(Y.Transaction);
		expect(remote!.local).toBe(false);
		expect(transactionUnderWay(doc)).toBeNull();
	});
});

describe('what the editor reads from ProseMirror internals', () => {
	// An EditorView needs a browser's DOM, which these tests do not have: the shape is read from
	// the source that the editor runs.
	it('is a DOM observer on every view, with a flush method', () => {
		// prosemirror-view as @tiptap/pm finds it, in the build the browser loads.
		const fromPm = createRequire(createRequire(import.meta.url).resolve('@tiptap/pm/view'));
		const source = readFileSync(
			fromPm.resolve('prosemirror-view').replace(/index\.cjs$/, 'index.js'),
			'utf8'
		);
		expect(source).toMatch(/this\.domObserver = new DOMObserver\(/);
		const start = source.indexOf('class DOMObserver {');
		const observer = source.slice(start, source.indexOf('\nclass ', start + 1));
		expect(observer).toMatch(/^ {4}flush\(\) \{/m);
	});
});
