// The consensus of each passage beside its text: "8 von 11 einverstanden · 2 Bedenken", a button
// (widget decoration) that opens the passage's details; beside a heading that is not marked
// itself, the state of its section ("Abschnitt 2 (2.1–2.5): 8 von 11 einverstanden"). The marks
// come from the consensus feed; whether a mark is outdated is decided here, against the hash of
// the passage's text as it is now in this browser, so a change by anyone shows at once.
import { dispatchAfterPendingSelection } from './pending-selection';
import { Extension } from '@tiptap/core';
import type { Node } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import {
	countStances,
	countsForConsensus,
	countsShortText,
	countsText,
	passageHash,
	passageText,
	sectionCounts,
	sectionRange,
	sectionsOf,
	stanceOf,
	type ConsensusMark,
	type StanceCounts
} from '$lib/consensus';
import type { PmNode } from './pm-node';
import { livePassages } from './passages';
import './consensus-margin.css';

interface MarginState {
	marks: ConsensusMark[];
	bodies: number;
	/** Headings are passages to agree on, too (the document's choice). */
	countHeadings: boolean;
	/** Each passage's current hash, by block id. */
	hashes: Map<string, string>;
	decorations: DecorationSet;
}

type MarginMeta =
	| { marks: ConsensusMark[]; bodies: number; countHeadings: boolean }
	| { hashes: Map<string, string> };

const key = new PluginKey<MarginState>('consensusMargin');

/** Hashing every passage is cheap, but not on every keystroke: wait for a pause in typing. */
const rehashDelayMs = 300;

interface LivePassage {
	blockId: string;
	number: string;
	type: string;
	level?: number;
	/** Where the indicator goes (widgetPosition). */
	widgetPos: number;
	node: Node;
}

/** Where a passage's indicator (consensus, sources) goes: before a top-level block, inside a list item (a list holds
 * only items), in the last cell of a table row (a row holds only cells), at the row's right. */
export function widgetPosition(pos: number, type: string, node: Node): number {
	if (type === 'listItem') return pos + 1;
	if (type === 'tableRow') return pos + node.nodeSize - 1 - (node.lastChild?.nodeSize ?? 0) + 1;
	return pos;
}

function passagesOf(doc: Node): LivePassage[] {
	const found: LivePassage[] = [];
	for (const { pos, number, type } of livePassages(doc)) {
		const node = doc.nodeAt(pos);
		const blockId = node?.attrs.id;
		if (!node || typeof blockId !== 'string') continue;
		const level = typeof node.attrs.level === 'number' ? node.attrs.level : undefined;
		found.push({
			blockId,
			number,
			type,
			level,
			widgetPos: widgetPosition(pos, type, node),
			node
		});
	}
	return found;
}

function hashesOf(doc: Node): Map<string, string> {
	return new Map(
		passagesOf(doc).map(({ blockId, node }) => [blockId, passageHash(node.toJSON() as PmNode)])
	);
}

/** The counts of one passage, given the current marks and hashes. */
export function passageCounts(
	marks: ConsensusMark[],
	bodies: number,
	blockId: string,
	hash: string | undefined
): StanceCounts {
	return countStances(
		marks.filter((mark) => mark.blockId === blockId).map((mark) => stanceOf(mark, hash)),
		bodies
	);
}

function indicator(
	number: string,
	blockId: string,
	counts: StanceCounts,
	onOpen: (blockId: string) => void
): HTMLElement {
	const button = document.createElement('button');
	button.type = 'button';
	button.className = 'consensus-indicator';
	if (counts.concern > 0) button.classList.add('consensus-indicator--concern');
	else if (counts.agree === counts.bodies) button.classList.add('consensus-indicator--complete');
	button.contentEditable = 'false';
	button.dataset.consensusBlock = blockId;
	button.setAttribute('aria-haspopup', 'dialog');
	const before = document.createElement('span');
	before.className = 'visually-hidden';
	before.textContent = `Abschnitt ${number}: `;
	const visible = document.createElement('span');
	visible.className = 'consensus-indicator__long';
	visible.textContent = countsText(counts);
	// On phones the short form is shown instead (consensus-margin.css); screen readers always get
	// the long one.
	const short = document.createElement('span');
	short.className = 'consensus-indicator__short';
	short.setAttribute('aria-hidden', 'true');
	short.textContent = countsShortText(counts);
	const after = document.createElement('span');
	after.className = 'visually-hidden';
	after.textContent = ' – Rückmeldungen anzeigen';
	button.append(before, visible, short, after);
	button.addEventListener('click', () => onOpen(blockId));
	return button;
}

/** A section's state, beside its heading: words, not a button; the passages are marked one by
 * one. */
function sectionIndicator(number: string, range: string, counts: StanceCounts): HTMLElement {
	const box = document.createElement('span');
	box.className = 'consensus-indicator consensus-indicator--section';
	if (counts.concern > 0) box.classList.add('consensus-indicator--concern');
	else if (counts.agree === counts.bodies) box.classList.add('consensus-indicator--complete');
	box.contentEditable = 'false';
	box.dataset.consensusSection = number;
	const visible = document.createElement('span');
	visible.className = 'consensus-indicator__long';
	visible.textContent = `Abschnitt ${number} (${range}): ${countsText(counts)}`;
	const short = document.createElement('span');
	short.className = 'consensus-indicator__short';
	short.setAttribute('aria-hidden', 'true');
	short.textContent = `${range}: ${countsShortText(counts)}`;
	box.append(visible, short);
	return box;
}

const widgetOptions = (key: string) => ({
	// Same passage, same words: the element is kept, and with it the focus.
	key,
	side: -1,
	stopEvent: () => true,
	ignoreSelection: true
});

function decorate(
	doc: Node,
	state: Omit<MarginState, 'decorations'>,
	onOpen: (blockId: string) => void
): DecorationSet {
	if (state.bodies === 0) return DecorationSet.empty;
	const passages = passagesOf(doc);
	const counted = passages
		.filter(({ type }) => countsForConsensus(type, state.countHeadings))
		.map(({ blockId, number, widgetPos }) => {
			const counts = passageCounts(state.marks, state.bodies, blockId, state.hashes.get(blockId));
			return Decoration.widget(
				widgetPos,
				() => indicator(number, blockId, counts, onOpen),
				widgetOptions(`consensus-${blockId}-${number}|${countsText(counts)}`)
			);
		});
	// A heading that is marked itself shows its own state; the section's is on the overview.
	const sections = state.countHeadings
		? []
		: sectionsOf(passages, false)
				.filter(({ members }) => members.length > 0)
				.map(({ heading, members }) => {
					const counts = sectionCounts(
						state.marks,
						state.bodies,
						members.map(({ blockId }) => ({ blockId, hash: state.hashes.get(blockId) }))
					);
					const range = sectionRange(members);
					return Decoration.widget(
						heading.widgetPos,
						() => sectionIndicator(heading.number, range, counts),
						widgetOptions(`section-${heading.blockId}-${range}|${countsText(counts)}`)
					);
				});
	return DecorationSet.create(doc, [...counted, ...sections]);
}

/** Hands the feed's marks, and whether headings count, to the margin. */
export function setConsensusMarks(
	tr: Transaction,
	marks: ConsensusMark[],
	bodies: number,
	countHeadings: boolean
): Transaction {
	return tr.setMeta(key, { marks, bodies, countHeadings } satisfies MarginMeta);
}

export interface PassageDetails {
	number: string;
	excerpt: string;
	hash: string | undefined;
}

/** A passage as the margin sees it now; null when it is no longer in the text, or is a heading
 * that is not marked. */
export function passageDetails(state: EditorState, blockId: string): PassageDetails | null {
	const margin = key.getState(state);
	const passage = passagesOf(state.doc).find((p) => p.blockId === blockId);
	if (!passage || !countsForConsensus(passage.type, margin?.countHeadings ?? false)) return null;
	const words = passageText(passage.node.toJSON() as PmNode)
		.replace(/\s+/g, ' ')
		.trim();
	return {
		number: passage.number,
		excerpt: words.length > 160 ? `${words.slice(0, 159).trimEnd()}…` : words,
		hash: margin?.hashes.get(blockId)
	};
}

export const ConsensusMargin = Extension.create<{ onOpen: (blockId: string) => void }>({
	name: 'consensusMargin',
	addOptions() {
		return { onOpen: () => {} };
	},
	addProseMirrorPlugins() {
		const { onOpen } = this.options;
		return [
			new Plugin<MarginState>({
				key,
				state: {
					init: (_, state) => {
						const initial = {
							marks: [],
							bodies: 0,
							countHeadings: false,
							hashes: hashesOf(state.doc)
						};
						return { ...initial, decorations: decorate(state.doc, initial, onOpen) };
					},
					apply: (tr, current) => {
						const meta = tr.getMeta(key) as MarginMeta | undefined;
						if (!meta && !tr.docChanged) return current;
						const next = { ...current, ...meta };
						return { ...next, decorations: decorate(tr.doc, next, onOpen) };
					}
				},
				view: (view: EditorView) => {
					let timer: ReturnType<typeof setTimeout> | undefined;
					const rehash = () => {
						clearTimeout(timer);
						timer = setTimeout(() => {
							const hashes = hashesOf(view.state.doc);
							dispatchAfterPendingSelection(view, (tr) =>
								tr.setMeta(key, { hashes } satisfies MarginMeta)
							);
						}, rehashDelayMs);
					};
					return {
						update: (_view, previous) => {
							if (!previous.doc.eq(view.state.doc)) rehash();
						},
						destroy: () => clearTimeout(timer)
					};
				},
				props: {
					decorations: (state) => key.getState(state)?.decorations
				}
			})
		];
	}
});
