import { getSchema } from '@tiptap/core';
import { EditorState, Plugin, TextSelection, type Transaction } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import {
	initProseMirrorDoc,
	prosemirrorJSONToYXmlFragment,
	ySyncPluginKey
} from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { anchorsFor, type YBinding } from './comment-anchors';
import { documentExtensions, documentFragment } from './extensions';
import {
	SuggestionMode,
	draftAfter,
	proposalAnchors,
	setSuggestions,
	suggestionState,
	type Draft,
	type DrawnProposal
} from './suggestion-mode';

const schema = getSchema(documentExtensions());
const first = 'Wir stärken die Netzwerke.';
const second = 'Zweiter Absatz.';
/** Positions count from 1 inside the first paragraph; the second starts two steps after it. */
const inFirst = (words: string) => 1 + first.indexOf(words);
const secondStart = 1 + first.length + 2;

/**
 * The plugin on an editor state of its own, with the binding y-tiptap's sync plugin would set up,
 * and a stand-in for the view that applies what the plugin dispatches (it reads no DOM).
 */
function editorWith(...paragraphs: string[]) {
	const ydoc = new Y.Doc();
	const type = ydoc.getXmlFragment(documentFragment);
	prosemirrorJSONToYXmlFragment(
		schema,
		{
			type: 'doc',
			content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] }))
		},
		type
	);
	const { doc, mapping } = initProseMirrorDoc(type, schema);
	const binding: YBinding = { doc: ydoc, type, mapping };
	const events = {
		drafts: [] as { draft: Draft | null; previous: Draft | null }[],
		refusals: [] as string[],
		activated: [] as string[]
	};
	const options = {
		onDraft: (draft: Draft | null, previous: Draft | null) =>
			events.drafts.push({ draft, previous }),
		onActivate: (id: string) => events.activated.push(id),
		onRefuse: (message: string) => events.refusals.push(message),
		proposer: () => ({ organisation: 'Stadt Kamen', author: 'Emil Redaktion' })
	};
	const [plugin] = SuggestionMode.config.addProseMirrorPlugins!.call({ options } as never);
	const sync = new Plugin({
		key: ySyncPluginKey,
		state: { init: () => ({ binding }), apply: (_tr, value) => value }
	});
	const view = {
		state: EditorState.create({ doc, plugins: [sync, plugin] }),
		dispatch(tr: Transaction) {
			view.state = view.state.apply(tr);
		}
	};
	const asView = view as unknown as EditorView;
	const props = plugin.props;
	return {
		view,
		binding,
		events,
		get draft() {
			return suggestionState(view.state)?.draft ?? null;
		},
		text: () => view.state.doc.textContent,
		change: (make: (tr: Transaction) => Transaction) => view.dispatch(make(view.state.tr)),
		caretAt: (pos: number) =>
			view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, pos))),
		select: (from: number, to: number) =>
			view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, from, to))),
		type: (text: string) => {
			const { from, to } = view.state.selection;
			return props.handleTextInput!.call(plugin, asView, from, to, text, () => view.state.tr);
		},
		press: (key: string, modifiers: { ctrlKey?: boolean } = {}) =>
			props.handleKeyDown!.call(plugin, asView, {
				key,
				ctrlKey: false,
				metaKey: false,
				...modifiers
			} as KeyboardEvent),
		click: (pos: number) => props.handleClick!.call(plugin, asView, pos, {} as MouseEvent)
	};
}

function suggesting(editor: ReturnType<typeof editorWith>) {
	editor.change((tr) => setSuggestions(tr, { suggesting: true }));
	return editor;
}

function proposal(
	binding: YBinding,
	id: string,
	from: number,
	to: number,
	quote: string
): DrawnProposal {
	return {
		id,
		quote,
		text: 'neu',
		organisation: 'Stadt Unna',
		author: 'Uwe',
		...anchorsFor(binding, from, to)
	};
}

describe('suggestion mode', () => {
	it('turns typing into a draft at the caret and leaves the text itself alone', () => {
		const editor = suggesting(editorWith(first, second));
		const at = inFirst('die');
		editor.caretAt(at);
		expect(editor.type('x')).toBe(true);
		expect(editor.type('y')).toBe(true);
		expect(editor.text()).toBe(first + second);
		expect(editor.draft).toMatchObject({ from: at, to: at, text: 'xy', id: null });
		expect(editor.draft!.anchorStart).toBe(editor.draft!.anchorEnd);
		// The caret stays after the proposed words, and the page heard of each step.
		expect(editor.view.state.selection.from).toBe(at);
		expect(editor.events.drafts.map((e) => e.draft?.text)).toEqual(['x', 'xy']);
		expect(editor.events.drafts[1].previous?.text).toBe('x');
	});

	it('does not take input outside suggestion mode', () => {
		const editor = editorWith(first);
		editor.caretAt(inFirst('die'));
		expect(editor.type('x')).toBe(false);
		expect(editor.press('Backspace')).toBe(false);
		expect(editor.draft).toBeNull();
	});

	it('refuses local changes of the text while suggesting, but not those from Yjs', () => {
		const editor = suggesting(editorWith(first));
		editor.change((tr) => tr.insertText('Heute ', 1));
		expect(editor.text()).toBe(first);
		editor.change((tr) => tr.insertText('Heute ', 1).setMeta(ySyncPluginKey, {}));
		expect(editor.text()).toBe('Heute ' + first);
	});

	it('takes typed letters back with Backspace first, then strikes the words before', () => {
		const editor = suggesting(editorWith(first));
		const at = inFirst('die');
		editor.caretAt(at);
		editor.type('ab');
		editor.press('Backspace');
		expect(editor.draft).toMatchObject({ from: at, to: at, text: 'a' });
		editor.press('Backspace');
		expect(editor.draft).toMatchObject({ from: at, to: at, text: '' });
		editor.press('Backspace');
		editor.press('Backspace');
		expect(editor.draft).toMatchObject({ from: at - 2, to: at, text: '' });
		expect(editor.draft!.anchorStart).not.toBe(editor.draft!.anchorEnd);
		expect(editor.text()).toBe(first);
	});

	it('strikes forward with Delete and stops at the end of the paragraph', () => {
		const editor = suggesting(editorWith('Ab', second));
		editor.caretAt(1);
		editor.press('Delete');
		expect(editor.draft).toMatchObject({ from: 1, to: 2 });
		editor.press('Delete');
		expect(editor.draft).toMatchObject({ from: 1, to: 3 });
		editor.press('Delete');
		expect(editor.draft).toMatchObject({ from: 1, to: 3 });
	});

	it('has nothing to strike before the start or after the end of a paragraph', () => {
		const editor = suggesting(editorWith(first, second));
		editor.caretAt(secondStart);
		expect(editor.press('Backspace')).toBe(true);
		expect(editor.draft).toBeNull();
		editor.caretAt(secondStart + second.length);
		expect(editor.press('Delete')).toBe(true);
		expect(editor.draft).toBeNull();
		expect(editor.events.drafts).toEqual([]);
	});

	it('says why Enter, undo and a selection over two paragraphs are refused', () => {
		const editor = suggesting(editorWith(first, second));
		editor.caretAt(inFirst('die'));
		expect(editor.press('Enter')).toBe(true);
		expect(editor.press('z', { ctrlKey: true })).toBe(true);
		editor.select(inFirst('die'), secondStart + 3);
		expect(editor.type('x')).toBe(true);
		expect(editor.events.refusals).toEqual([
			expect.stringContaining('keine neuen Absätze'),
			expect.stringContaining('kein Rückgängig'),
			expect.stringContaining('innerhalb eines Absatzes')
		]);
		expect(editor.draft).toBeNull();
		expect(editor.text()).toBe(first + second);
	});

	it('makes selected words of one paragraph a proposal to replace them', () => {
		const editor = suggesting(editorWith(first));
		const from = inFirst('die Netzwerke');
		const to = from + 'die Netzwerke'.length;
		editor.select(from, to);
		editor.type('unsere');
		expect(editor.draft).toMatchObject({ from, to, text: 'unsere' });
		// Typing on at its end grows the same draft.
		editor.type('n');
		expect(editor.draft).toMatchObject({ from, to, text: 'unseren' });
		expect(editor.events.drafts[1].previous?.key).toBe(editor.draft!.key);
	});

	it('ends the draft when the caret moves away from it, and starts a new one there', async () => {
		const editor = suggesting(editorWith(first));
		editor.caretAt(inFirst('die'));
		editor.type('x');
		const ended = editor.draft!;
		editor.caretAt(inFirst('Netzwerke'));
		expect(editor.draft).toBeNull();
		await Promise.resolve();
		expect(editor.events.drafts.at(-1)).toEqual({ draft: null, previous: ended });
		editor.type('y');
		expect(editor.draft!.key).not.toBe(ended.key);
	});

	it('drops the draft when suggestion mode ends', () => {
		const editor = suggesting(editorWith(first));
		editor.caretAt(inFirst('die'));
		editor.type('x');
		editor.change((tr) => setSuggestions(tr, { suggesting: false }));
		expect(editor.draft).toBeNull();
	});

	it('keeps the server id of a draft and ends the draft once its proposal left the list', () => {
		const editor = suggesting(editorWith(first));
		editor.caretAt(inFirst('die'));
		editor.type('x');
		const { key } = editor.draft!;
		editor.change((tr) => setSuggestions(tr, { draftId: { key: 'anderer', id: 'p0' } }));
		expect(editor.draft!.id).toBeNull();
		editor.change((tr) => setSuggestions(tr, { draftId: { key, id: 'p1' } }));
		expect(editor.draft).toMatchObject({ key, id: 'p1' });
		// Created but not yet in the server's list: the draft goes on.
		editor.change((tr) => setSuggestions(tr, { proposals: [] }));
		expect(editor.draft?.id).toBe('p1');
		const listed = proposal(editor.binding, 'p1', inFirst('die'), inFirst('die'), '');
		editor.change((tr) => setSuggestions(tr, { proposals: [listed] }));
		expect(editor.draft?.listed).toBe(true);
		// Accepted, rejected or withdrawn meanwhile: it left the list, and the draft ends.
		editor.change((tr) => setSuggestions(tr, { proposals: [] }));
		expect(editor.draft).toBeNull();
	});
});

describe('proposals in the text', () => {
	it('are placed by their anchors, unless their words changed meanwhile', () => {
		const editor = editorWith(first);
		const from = inFirst('die Netzwerke');
		const to = from + 'die Netzwerke'.length;
		const placed = proposal(editor.binding, 'p1', from, to, 'die Netzwerke');
		const outdated = proposal(editor.binding, 'p2', from, to, 'die Vereine');
		const insertion = {
			...proposal(editor.binding, 'p3', from, from, ''),
			...proposalAnchors(editor.view.state, from, from)!
		};
		editor.change((tr) => setSuggestions(tr, { proposals: [placed, outdated, insertion] }));
		const state = suggestionState(editor.view.state)!;
		expect([...state.ranges]).toEqual([
			['p1', { from, to }],
			['p3', { from, to: from }]
		]);
		// Struck words carry the proposal's id, so that a click on them activates it.
		const struck = state.decorations.find(from, to).filter((d) => d.from === from && d.to === to);
		expect(struck.map((d) => (d.spec as { id?: string }).id)).toEqual(['p1']);
		editor.click(from + 2);
		expect(editor.events.activated).toEqual(['p1']);
	});

	it('follow local edits before their words', () => {
		const editor = editorWith(first);
		const from = inFirst('die Netzwerke');
		const to = from + 'die Netzwerke'.length;
		editor.change((tr) =>
			setSuggestions(tr, { proposals: [proposal(editor.binding, 'p1', from, to, 'die Netzwerke')] })
		);
		editor.change((tr) => tr.insertText('Heute ', 1));
		const range = suggestionState(editor.view.state)!.ranges.get('p1')!;
		expect(editor.view.state.doc.textBetween(range.from, range.to)).toBe('die Netzwerke');
	});

	it('anchor a replacement to its words and an insertion to one point', () => {
		const { view } = editorWith(first);
		const at = inFirst('die');
		const replacement = proposalAnchors(view.state, at, at + 3)!;
		const insertion = proposalAnchors(view.state, at, at)!;
		expect(replacement.anchorStart).not.toBe(replacement.anchorEnd);
		expect(insertion.anchorStart).toBe(insertion.anchorEnd);
	});

	it('need the Yjs binding to be anchored', () => {
		const state = EditorState.create({
			doc: schema.nodeFromJSON({
				type: 'doc',
				content: [{ type: 'paragraph', content: [{ type: 'text', text: first }] }]
			})
		});
		expect(proposalAnchors(state, 2, 4)).toBeNull();
		const caret = state.apply(state.tr.setSelection(TextSelection.create(state.doc, 3)));
		expect(draftAfter(caret, null, { kind: 'text', text: 'x' })).toBeNull();
	});
});
