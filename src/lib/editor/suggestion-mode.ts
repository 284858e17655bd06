// Suggestion mode ("Vorschlagen") and the proposals drawn into the text. In suggestion mode the
// text itself never changes: typing and deleting grow a draft proposal (a range of the text to
// replace, and the words to put there), which the page sends to the server as a record. Every
// proposal is drawn as decorations: the words to go struck through, the words to come as an
// insertion after them, and who proposed it. Like comments, proposals are placed by their Yjs
// anchors again whenever Yjs changed the text, and mapped through local changes in between.
import { Extension } from '@tiptap/core';
import {
	Plugin,
	PluginKey,
	TextSelection,
	type EditorState,
	type Transaction
} from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import { absolutePositionToRelativePosition, ySyncPluginKey } from '@tiptap/y-tiptap';
import { fromBase64, toBase64 } from 'lib0/buffer';
import * as Y from 'yjs';
import {
	absolutePosition,
	anchorsFor,
	bindingOf,
	resolveAnchors,
	type Anchors
} from './comment-anchors';
import { readPendingSelection } from './pending-selection';
import './suggestion-mode.css';

export interface DrawnProposal extends Anchors {
	id: string;
	quote: string;
	text: string;
	/** "Stadt Kamen" */
	organisation: string;
	author: string;
}

/** The proposal being typed right now, by this person. */
export interface Draft extends Anchors {
	/** The proposal's id, chosen here and sent along when it is created. */
	key: string;
	/** Set once the server has created the proposal. */
	id: string | null;
	from: number;
	to: number;
	text: string;
	/** Whether the server's list of open proposals has shown it yet. */
	listed?: boolean;
}

interface SuggestionState {
	suggesting: boolean;
	proposals: DrawnProposal[];
	activeId: string | null;
	draft: Draft | null;
	/** Where each open proposal's words are now; missing when they changed or are gone. */
	ranges: Map<string, { from: number; to: number }>;
	decorations: DecorationSet;
}

type Meta = {
	suggesting?: boolean;
	proposals?: DrawnProposal[];
	activeId?: string | null;
	draft?: Draft | null;
	/** The server's id for a draft, once it was created. */
	draftId?: { key: string; id: string };
};

export const suggestionKey = new PluginKey<SuggestionState>('suggestionMode');

/** Anchors for a range to replace, or for the point where words go in. */
export function proposalAnchors(state: EditorState, from: number, to: number): Anchors | null {
	const binding = bindingOf(state);
	if (!binding) return null;
	if (from < to) return anchorsFor(binding, from, to);
	const point = toBase64(
		Y.encodeRelativePosition(
			absolutePositionToRelativePosition(from, binding.type, binding.mapping) as Y.RelativePosition
		)
	);
	return { anchorStart: point, anchorEnd: point };
}

/** The text block around a position: proposals stay within one. */
function blockBounds(state: EditorState, pos: number) {
	const $pos = state.doc.resolve(pos);
	if (!$pos.parent.isTextblock) return null;
	return { start: $pos.start(), end: $pos.end() };
}

function sameTextblock(state: EditorState, from: number, to: number): boolean {
	const a = blockBounds(state, from);
	return Boolean(a && to >= a.start && to <= a.end);
}

function label(proposal: { organisation: string; author: string }) {
	return `Vorschlag ${proposal.organisation} – ${proposal.author}`;
}

function deletionLabel() {
	const label = document.createElement('span');
	label.className = 'visually-hidden proposal__label';
	label.contentEditable = 'false';
	label.textContent = 'Vorgeschlagen zu streichen: ';
	return label;
}

function insertionWidget(
	text: string,
	proposal: { id: string; organisation: string; author: string },
	active: boolean,
	onActivate: (id: string) => void
) {
	return () => {
		const wrap = document.createElement('span');
		wrap.className = `proposal${active ? ' proposal--active' : ''}`;
		wrap.contentEditable = 'false';
		wrap.dataset.proposal = proposal.id;
		wrap.title = label(proposal);
		if (text) {
			const ins = document.createElement('ins');
			ins.className = 'proposal__insertion';
			const hidden = document.createElement('span');
			hidden.className = 'visually-hidden';
			hidden.textContent = 'Vorgeschlagen: ';
			ins.append(hidden, text);
			wrap.append(ins);
		}
		const tag = document.createElement('span');
		tag.className = 'proposal__tag';
		tag.textContent = proposal.organisation;
		const by = document.createElement('span');
		by.className = 'visually-hidden';
		by.textContent = ` (Vorschlag von ${proposal.author})`;
		tag.append(by);
		wrap.append(tag);
		wrap.addEventListener('mousedown', (event) => {
			event.preventDefault();
			onActivate(proposal.id);
		});
		return wrap;
	};
}

function decorate(
	state: EditorState,
	s: Pick<SuggestionState, 'proposals' | 'activeId' | 'draft' | 'ranges'>,
	onActivate: (id: string) => void,
	me: { organisation: string; author: string }
): DecorationSet {
	const decorations: Decoration[] = [];
	const drawn: { id: string; from: number; to: number; text: string; who: typeof me }[] = [];
	for (const proposal of s.proposals) {
		// The draft is drawn from here, fresher than the server's copy of it.
		if (s.draft?.key === proposal.id) continue;
		const range = s.ranges.get(proposal.id);
		if (range) drawn.push({ id: proposal.id, ...range, text: proposal.text, who: proposal });
	}
	if (s.draft) {
		drawn.push({
			id: s.draft.key,
			from: s.draft.from,
			to: s.draft.to,
			text: s.draft.text,
			who: me
		});
	}
	for (const item of drawn) {
		const active = item.id === s.activeId;
		if (item.from < item.to) {
			// Screen readers do not all announce <del>: the struck words are named before them.
			decorations.push(
				Decoration.widget(item.from, deletionLabel, {
					side: -1,
					key: 'proposal-deletion-label',
					ignoreSelection: true
				})
			);
			decorations.push(
				Decoration.inline(
					item.from,
					item.to,
					{
						nodeName: 'del',
						class: `proposal__deletion${active ? ' proposal--active' : ''}`,
						title: label(item.who),
						'data-proposal': item.id
					},
					{ id: item.id }
				)
			);
		}
		decorations.push(
			Decoration.widget(
				item.to,
				insertionWidget(item.text, { id: item.id, ...item.who }, active, onActivate),
				{ side: -1, key: `${item.id}:${item.text}:${active}`, ignoreSelection: true }
			)
		);
	}
	return DecorationSet.create(state.doc, decorations);
}

/** Where each proposal's words are now, if they are still the words it was made on. */
function placeAll(state: EditorState, proposals: DrawnProposal[]) {
	const ranges = new Map<string, { from: number; to: number }>();
	for (const proposal of proposals) {
		const range = placeOne(state, proposal);
		if (range && state.doc.textBetween(range.from, range.to, ' ') === proposal.quote) {
			ranges.set(proposal.id, range);
		}
	}
	return ranges;
}

function placeOne(state: EditorState, anchors: Anchors): { from: number; to: number } | null {
	const binding = bindingOf(state);
	if (!binding) return null;
	if (anchors.anchorStart !== anchors.anchorEnd) {
		const range = resolveAnchors(binding, anchors);
		return range && sameTextblock(state, range.from, range.to) ? range : null;
	}
	try {
		const pos = absolutePosition(
			binding,
			Y.decodeRelativePosition(fromBase64(anchors.anchorStart))
		);
		return pos === null || !blockBounds(state, pos) ? null : { from: pos, to: pos };
	} catch {
		return null;
	}
}

export function suggestionState(state: EditorState): SuggestionState | undefined {
	return suggestionKey.getState(state);
}

export function setSuggestions(tr: Transaction, meta: Meta): Transaction {
	return tr.setMeta(suggestionKey, meta);
}

export interface SuggestionOptions {
	/** A draft changed (typed, deleted, ended with null): the page sends it to the server. */
	onDraft: (draft: Draft | null, previous: Draft | null) => void;
	/** A proposal in the text was clicked. */
	onActivate: (id: string) => void;
	/** An input that cannot become a proposal, in German. */
	onRefuse: (message: string) => void;
	/** Who is proposing here, for the draft's label. */
	proposer: () => { organisation: string; author: string };
}

const refusals = {
	oneParagraph:
		'Ein Vorschlag bezieht sich auf Text innerhalb eines Absatzes. Markieren Sie bitte nur Text aus einem Absatz.',
	undo: 'Im Vorschlagsmodus gibt es kein Rückgängig: Ziehen Sie einen Vorschlag in der Liste zurück oder löschen Sie, was Sie vorgeschlagen haben.',
	newParagraph:
		'Im Vorschlagsmodus lassen sich keine neuen Absätze anlegen. Schlagen Sie den Text im bestehenden Absatz vor oder schreiben Sie einen Kommentar.'
};

function newDraft(state: EditorState, from: number, to: number, text: string): Draft | null {
	const anchors = proposalAnchors(state, from, to);
	if (!anchors) return null;
	return { key: crypto.randomUUID(), id: null, from, to, text, ...anchors };
}

function withRange(state: EditorState, draft: Draft, from: number, to: number): Draft {
	const anchors = proposalAnchors(state, from, to);
	return anchors ? { ...draft, from, to, ...anchors } : draft;
}

/** What an input does to the draft in suggestion mode. */
type Input =
	| { kind: 'text'; text: string }
	| { kind: 'backward' }
	| { kind: 'forward' }
	| { kind: 'paragraph' };

export function draftAfter(
	state: EditorState,
	draft: Draft | null,
	input: Input
): Draft | { refused: string } | null {
	const { from, to, empty } = state.selection;
	if (input.kind === 'paragraph') return { refused: refusals.newParagraph };
	if (!empty) {
		if (!sameTextblock(state, from, to)) return { refused: refusals.oneParagraph };
		return newDraft(state, from, to, input.kind === 'text' ? input.text : '');
	}
	const block = blockBounds(state, from);
	if (!block) return { refused: refusals.oneParagraph };
	const atDraft = draft && draft.to === from && sameTextblock(state, draft.from, from);
	if (input.kind === 'text') {
		return atDraft
			? { ...draft, text: draft.text + input.text }
			: newDraft(state, from, from, input.text);
	}
	if (input.kind === 'backward') {
		if (atDraft && draft.text)
			return { ...draft, text: Array.from(draft.text).slice(0, -1).join('') };
		if (atDraft)
			return draft.from > block.start ? withRange(state, draft, draft.from - 1, draft.to) : draft;
		return from > block.start ? newDraft(state, from - 1, from, '') : null;
	}
	if (atDraft)
		return draft.to < block.end ? withRange(state, draft, draft.from, draft.to + 1) : draft;
	return from < block.end ? newDraft(state, from, from + 1, '') : null;
}

export const SuggestionMode = Extension.create<SuggestionOptions>({
	name: 'suggestionMode',
	// Before the keymaps and the read-only guard: in suggestion mode, input is ours.
	priority: 1000,
	addOptions() {
		return {
			onDraft: () => {},
			onActivate: () => {},
			onRefuse: () => {},
			proposer: () => ({ organisation: '', author: '' })
		};
	},
	addProseMirrorPlugins() {
		const options = this.options;
		const compute = (
			state: EditorState,
			next: Omit<SuggestionState, 'ranges' | 'decorations'>,
			ranges = placeAll(state, next.proposals)
		): SuggestionState => ({
			...next,
			ranges,
			decorations: decorate(state, { ...next, ranges }, options.onActivate, options.proposer())
		});

		function apply(view: EditorView, input: Input): boolean {
			if (!suggestionKey.getState(view.state)?.suggesting) return false;
			// The browser may have moved the caret without ProseMirror having read it yet (it reads
			// selection changes a moment later): the proposal must start where the person sees it.
			readPendingSelection(view);
			const current = suggestionKey.getState(view.state);
			if (!current) return false;
			const next = draftAfter(view.state, current.draft, input);
			if (next && 'refused' in next) {
				options.onRefuse(next.refused);
				return true;
			}
			if (!next) return true;
			const tr = setSuggestions(view.state.tr, { draft: next });
			// The caret stays at the end of the proposal, after the proposed words.
			tr.setSelection(TextSelection.create(tr.doc, next.to));
			view.dispatch(tr);
			options.onDraft(next, current.draft);
			return true;
		}

		return [
			new Plugin<SuggestionState>({
				key: suggestionKey,
				state: {
					init: (_config, state) =>
						compute(state, { suggesting: false, proposals: [], activeId: null, draft: null }),
					apply(tr, previous, _old, state) {
						const meta = tr.getMeta(suggestionKey) as Meta | undefined;
						let draft = meta && 'draft' in meta ? (meta.draft ?? null) : previous.draft;
						if (meta?.draftId && draft?.key === meta.draftId.key) {
							draft = { ...draft, id: meta.draftId.id };
						}
						const proposals = meta?.proposals ?? previous.proposals;
						if (draft?.id) {
							// Decided or withdrawn meanwhile: the draft ends. (A draft the server has just
							// created may not be in the list yet; it counts once it was.)
							const listed = proposals.some((p) => p.id === draft?.id);
							if (listed && !draft.listed) draft = { ...draft, listed: true };
							else if (!listed && draft.listed) draft = null;
						}
						const next = {
							suggesting: meta?.suggesting ?? previous.suggesting,
							proposals,
							activeId: meta && 'activeId' in meta ? (meta.activeId ?? null) : previous.activeId,
							draft
						};
						if (!next.suggesting) next.draft = null;
						if (tr.getMeta(ySyncPluginKey) !== undefined) {
							// Yjs replaced the text: place everything again by its anchors.
							if (next.draft) {
								const range = placeOne(state, next.draft);
								next.draft = range ? { ...next.draft, ...range } : null;
							}
							return compute(state, next);
						}
						if (meta) return compute(state, next);
						if (!tr.docChanged) return previous;
						const ranges = new Map<string, { from: number; to: number }>();
						for (const [id, range] of previous.ranges) {
							const from = tr.mapping.map(range.from, range.from === range.to ? -1 : 1);
							const to = tr.mapping.map(range.to, -1);
							if (from <= to) ranges.set(id, { from, to });
						}
						if (next.draft) {
							const from = tr.mapping.map(next.draft.from, -1);
							const to = Math.max(from, tr.mapping.map(next.draft.to, -1));
							next.draft = { ...next.draft, from, to };
						}
						return compute(state, next, ranges);
					}
				},
				// In suggestion mode the text changes only through Yjs (others' edits).
				filterTransaction(tr, state) {
					if (!tr.docChanged || tr.getMeta(ySyncPluginKey) !== undefined) return true;
					return !suggestionKey.getState(state)?.suggesting;
				},
				appendTransaction(transactions, _old, state) {
					// Moving the caret away from the draft ends it; the next input starts a new one.
					const current = suggestionKey.getState(state);
					if (!current?.draft || !transactions.some((tr) => tr.selectionSet)) return null;
					if (transactions.some((tr) => tr.getMeta(suggestionKey)?.draft)) return null;
					const { empty, from } = state.selection;
					if (empty && from === current.draft.to) return null;
					const ended = current.draft;
					queueMicrotask(() => options.onDraft(null, ended));
					return setSuggestions(state.tr, { draft: null });
				},
				props: {
					decorations: (state) => suggestionKey.getState(state)?.decorations,
					handleKeyDown(view, event) {
						if (!suggestionKey.getState(view.state)?.suggesting) return false;
						if (event.key === 'Backspace') return apply(view, { kind: 'backward' });
						if (event.key === 'Delete') return apply(view, { kind: 'forward' });
						if (event.key === 'Enter') return apply(view, { kind: 'paragraph' });
						// Undo would take back the person's own earlier edits of the text itself.
						const mod = event.ctrlKey || event.metaKey;
						if (mod && ['z', 'y'].includes(event.key.toLowerCase())) {
							options.onRefuse(refusals.undo);
							return true;
						}
						return false;
					},
					handleTextInput(view, _from, _to, text) {
						return apply(view, { kind: 'text', text });
					},
					handlePaste(view, event) {
						if (!suggestionKey.getState(view.state)?.suggesting) return false;
						const text = event.clipboardData?.getData('text/plain') ?? '';
						return apply(view, { kind: 'text', text: text.replace(/\s+/g, ' ') });
					},
					handleDrop(view) {
						return Boolean(suggestionKey.getState(view.state)?.suggesting);
					},
					handleClick(view, pos) {
						const found = suggestionKey
							.getState(view.state)
							?.decorations.find(pos, pos)
							.map((decoration) => (decoration.spec as { id?: string }).id)
							.find(Boolean);
						if (found) options.onActivate(found);
						return false;
					},
					handleDOMEvents: {
						// Cutting copies the words and proposes to delete them.
						cut(view, event) {
							if (!suggestionKey.getState(view.state)?.suggesting) return false;
							const { from, to, empty } = view.state.selection;
							event.preventDefault();
							if (empty) return true;
							event.clipboardData?.setData('text/plain', view.state.doc.textBetween(from, to, ' '));
							return apply(view, { kind: 'backward' });
						},
						beforeinput(view, event) {
							if (!suggestionKey.getState(view.state)?.suggesting) return false;
							event.preventDefault();
							if (event.inputType === 'insertText' || event.inputType === 'insertReplacementText') {
								const text = event.data ?? event.dataTransfer?.getData('text/plain') ?? '';
								if (text) apply(view, { kind: 'text', text });
							} else if (event.inputType.startsWith('deleteContentBackward')) {
								apply(view, { kind: 'backward' });
							} else if (event.inputType.startsWith('deleteContentForward')) {
								apply(view, { kind: 'forward' });
							} else if (event.inputType === 'insertParagraph') {
								apply(view, { kind: 'paragraph' });
							}
							return true;
						}
					}
				}
			})
		];
	}
});
